package io.dynamo.core.peer;

import io.dynamo.core.stats.PeerLatencies;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The node's way of calling a peer: every answer and every miss is reported to the failure detector, so
 * detection needs no traffic of its own beyond probing the peers already marked unreachable.
 */
public final class PeerChannel {
    private final ClusterTransport transport;
    private final FailureDetector detector;
    private final Scheduler scheduler;
    private final Duration timeout;
    private final PeerLatencies latencies = new PeerLatencies();

    public PeerChannel(ClusterTransport transport, FailureDetector detector, Scheduler scheduler, Duration timeout) {
        this.transport = transport;
        this.detector = detector;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    public String localNode() {
        return transport.localNode();
    }

    public FailureDetector detector() {
        return detector;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Each peer's time from call to reply, for the metrics. */
    public PeerLatencies latencies() {
        return latencies;
    }

    public CompletableFuture<Message> call(String target, Message request) {
        return call(target, request, timeout);
    }

    /** A call with its own timeout, for requests that do work of their own across the cluster (forwarding). */
    public CompletableFuture<Message> call(String target, Message request, Duration timeout) {
        long start = scheduler.nowMillis();
        // Latency for operators in real time, finer than the scheduler's milliseconds (simulations ignore it).
        long startNanos = System.nanoTime();
        CompletableFuture<Message> sent;
        try {
            sent = transport.request(target, request, timeout);
        } catch (IllegalArgumentException unwritable) {
            // The peer's wire format cannot hold the request (a version with an expiry for an older node): that
            // replica fails this one request, the peer is not suspected.
            return CompletableFuture.failedFuture(unwritable);
        }
        return sent.whenComplete((reply, failure) -> {
            long elapsed = scheduler.nowMillis() - start;
            if (failure == null) {
                detector.answered(target, elapsed);
                latencies.answered(target, (System.nanoTime() - startNanos) / 1000);
                return;
            }
            latencies.missed(target);
            // A failure noticed a whole timeout after its deadline means this node was not running (a SIGSTOP, a long
            // collector pause): the peer was not given the time to answer. JGroups still reports a peer that crashed
            // or left the view (FailureDetector#suspect).
            if (elapsed < timeout.toMillis() * 2) {
                detector.missed(target, start);
            }
        });
    }

    /** Pings every peer currently routed around; one that answers is routable again. */
    public void probeUnreachable() {
        detector.view().values().stream()
                .filter(h -> !h.routable())
                .forEach(h -> call(h.node(), new Ping()));
    }
}
