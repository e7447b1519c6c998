package io.dynamo.core.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The transport of a cluster of one: there is nobody to call, so every request fails as unreachable. */
public final class NoPeersTransport implements ClusterTransport {
    private final String localNode;

    public NoPeersTransport(String localNode) {
        this.localNode = localNode;
    }

    @Override
    public String localNode() {
        return localNode;
    }

    @Override
    public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
        return CompletableFuture.failedFuture(new UnreachableException(target, "node " + localNode
                + " runs without a cluster transport", false));
    }

    @Override
    public void serve(RequestHandler handler) {
        // no peers, no requests
    }

    @Override
    public void close() {
        // nothing held
    }
}
