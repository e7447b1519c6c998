package io.dynamo.core.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Request and reply between nodes, addressed by node id. Implementations never block the caller and never run
 * handlers on their own I/O threads for long: a handler returns a future.
 */
public interface ClusterTransport extends AutoCloseable {

    String localNode();

    /**
     * Sends a request. The future completes with the reply, or exceptionally with {@link UnreachableException}
     * when the target is unknown, cannot be reached, or does not answer within the timeout.
     */
    CompletableFuture<Message> request(String target, Message request, Duration timeout);

    /** Installs the handler for requests from other nodes; replies go back to the sender. */
    void serve(RequestHandler handler);

    @Override
    void close();

    /** Answers one request from another node. */
    @FunctionalInterface
    interface RequestHandler {
        CompletableFuture<Message> handle(String from, Message request);
    }
}
