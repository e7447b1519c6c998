package io.dynamo.core.node;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the key-value requests a node works on at once (the paper's admission control, section 6.5, in its
 * simplest form): past it a request is refused at once, so the requests taken keep their latency instead of all
 * queueing behind an overloaded node until they time out.
 */
final class InFlightLimit {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    InFlightLimit(int max) {
        this.max = max;
    }

    /** Takes a slot; false (and counted) when all are taken. Each true must be followed by one {@link #finish}. */
    boolean tryStart() {
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                refused.incrementAndGet();
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void finish() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    int max() {
        return max;
    }

    /** Requests refused since start. */
    long refused() {
        return refused.get();
    }
}
