package io.dynamo.jaxrs.kv;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@value #THREADS} threads that write the key-value answers the node completes on its own threads
 * ({@link AsyncAnswer}), on the server's default managed thread factory.
 *
 * <p>Built when the application starts and with every thread started then, on the deploying thread: this bean is
 * first called from a node thread, where the container injects no resources (the factory came out null), and a managed
 * thread factory takes the context of its threads from the thread that asks for one. A client that reads slowly holds
 * one writer; the others go on.
 */
@ApplicationScoped
public class AnswerWriters implements Executor {
    static final int THREADS = 16;

    /** The server's default managed thread factory (see DynamoNodeBean for why not a factory of our own). */
    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    /** Nothing to do: CDI creates the bean, and so its threads, to deliver this event when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // created by now
    }

    @PostConstruct
    void open() {
        pool = prestarted(threads);
    }

    /** A fixed pool on the factory with all its threads started by the caller. */
    static ThreadPoolExecutor prestarted(ThreadFactory factory) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor writers = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = factory.newThread(r);
                    t.setName("dynamo-answers-" + count.incrementAndGet());
                    return t;
                });
        writers.prestartAllCoreThreads();
        return writers;
    }

    @PreDestroy
    void close() {
        pool.shutdown();
    }

    @Override
    public void execute(Runnable answer) {
        pool.execute(answer);
    }
}
