package io.dynamo.core.antientropy;

import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How anti-entropy reaches a peer. A node passes its failure-detecting channel ({@code peerChannel::call}) so that
 * exchanges feed the detector; {@link #over} adapts a bare transport.
 */
@FunctionalInterface
public interface PeerCaller {

    /** Sends a request; fails with {@link io.dynamo.core.transport.UnreachableException} when the peer is not reached. */
    CompletableFuture<Message> call(String target, Message request);

    static PeerCaller over(ClusterTransport transport, Duration timeout) {
        return (target, request) -> transport.request(target, request, timeout);
    }
}
