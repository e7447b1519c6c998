package io.dynamo.client.cdi;

import io.dynamo.client.DynamoClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * Makes one {@link DynamoClient} for the application, configured from MicroProfile Config ({@code dynamo.client.*},
 * see {@link DynamoClientSettings}), on first injection; closes it, and its thread pool, when the application stops.
 * The client is {@code @Singleton} (no proxy: {@link DynamoClient} is final, and thread-safe, so one is shared).
 */
@ApplicationScoped
public class DynamoClientProducer {
    @Inject
    Config config;

    private volatile ExecutorService asyncThreads;

    @Produces
    @Singleton
    DynamoClient dynamoClient() {
        DynamoClientSettings settings = DynamoClientSettings.read(name -> config.getOptionalValue(name, String.class));
        DynamoClient.Builder builder = settings.builder();
        settings.asyncThreads().ifPresent(n -> {
            AtomicInteger count = new AtomicInteger();
            asyncThreads = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "dynamo-client-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            builder.asyncExecutor(asyncThreads);
        });
        return builder.build();
    }

    void close(@Disposes DynamoClient client) {
        client.close();
    }

    @PreDestroy
    void stopThreads() {
        ExecutorService threads = asyncThreads;
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
