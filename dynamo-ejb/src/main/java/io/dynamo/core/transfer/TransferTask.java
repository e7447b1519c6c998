package io.dynamo.core.transfer;

import io.dynamo.core.base.Key;
import java.util.List;

/**
 * The mutable state of one partition's transfer: what to do, where the current pass is, and the counters. Every
 * change of the spec starts a new generation; work of an older generation (a batch in flight when the ring
 * changed) is then ignored and never leads to a drop. All methods are synchronized: the streamer runs on network
 * callbacks while ring changes and ticks arrive on other threads.
 */
final class TransferTask {
    /** What a streamer works under: a batch is acted on only while its generation is current. */
    record Lease(int generation, TransferSpec spec) {
    }

    private final int partition;
    private TransferSpec spec;
    private long ringVersion;
    private TransferStatus status = TransferStatus.PENDING;
    private int generation;
    private List<Key> passKeys;
    private int cursor;
    private long passStreamed;
    private long retryAtMillis;
    private long lastStartMillis = Long.MIN_VALUE;
    private long keysSent;
    private long bytesSent;
    private long firstStartMillis = -1;
    private long keysDropped;
    private long keysRetained;
    private int batches;
    private int passes;
    private int failures;
    private String lastError = "";
    private long updatedMillis;

    TransferTask(TransferSpec spec, long ringVersion, long now) {
        this(spec, ringVersion, now, now);
    }

    /** @param startAtMillis not started before then */
    TransferTask(TransferSpec spec, long ringVersion, long now, long startAtMillis) {
        this.partition = spec.partition();
        this.spec = spec;
        this.ringVersion = ringVersion;
        this.updatedMillis = now;
        this.retryAtMillis = startAtMillis;
    }

    synchronized long ringVersion() {
        return ringVersion;
    }

    int partition() {
        return partition;
    }

    synchronized TransferSpec spec() {
        return spec;
    }

    synchronized boolean done() {
        return status == TransferStatus.DONE;
    }

    synchronized boolean running() {
        return status == TransferStatus.RUNNING;
    }

    /** Startable now: pending and past any retry delay. */
    synchronized boolean ready(long now) {
        return status == TransferStatus.PENDING && now >= retryAtMillis;
    }

    /** When it last started, for fair turns: tasks that waited longest go first. */
    synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    /** A new spec (from a later ring change): the pass starts over, as new targets need every key. */
    synchronized void retarget(TransferSpec next, long version, long now) {
        ringVersion = version;
        if (!next.equals(spec)) {
            spec = next;
            generation++;
            passKeys = null;
            cursor = 0;
            status = TransferStatus.PENDING;
            retryAtMillis = 0;
            updatedMillis = now;
        }
    }

    /** Makes any streamer still running on this task stop at its next step. */
    synchronized void cancel() {
        generation++;
    }

    synchronized Lease start(long now) {
        status = TransferStatus.RUNNING;
        lastStartMillis = now;
        if (firstStartMillis < 0) {
            firstStartMillis = now;
        }
        return new Lease(generation, spec);
    }

    synchronized boolean current(Lease lease) {
        return lease.generation() == generation;
    }

    /** The keys of the pass under way, or null when a new pass must scan the partition first. */
    synchronized List<Key> passKeys(Lease lease) {
        return current(lease) ? passKeys : null;
    }

    synchronized void beginPass(Lease lease, List<Key> keys) {
        if (current(lease)) {
            passKeys = List.copyOf(keys);
            cursor = 0;
            passStreamed = 0;
        }
    }

    /** The next keys to send, or null when the pass is complete (or the lease is stale). */
    synchronized List<Key> nextKeys(Lease lease, int batchSize) {
        if (!current(lease) || passKeys == null || cursor >= passKeys.size()) {
            return null;
        }
        return passKeys.subList(cursor, Math.min(passKeys.size(), cursor + batchSize));
    }

    /**
     * Records an acknowledged (or empty) batch of {@code keys} keys of which {@code sent} were non-empty, {@code bytes}
     * long as sent (keys and versions).
     */
    synchronized void batchDone(Lease lease, int keys, int sent, int dropped, long bytes, long now) {
        if (!current(lease)) {
            return;
        }
        cursor += keys;
        passStreamed += sent;
        keysSent += sent;
        bytesSent += bytes;
        keysDropped += dropped;
        keysRetained += lease.spec().drop() ? sent - dropped : 0;
        batches += sent > 0 ? 1 : 0;
        updatedMillis = now;
    }

    /**
     * Ends a complete pass. Returns true when the transfer is done: one pass for a copy; for a drop, a pass that
     * found nothing left to send (what changed or arrived meanwhile went out in the passes before).
     */
    synchronized boolean passDone(Lease lease, long now) {
        if (!current(lease)) {
            return false;
        }
        passes++;
        boolean finished = !lease.spec().drop() || passStreamed == 0;
        passKeys = null;
        updatedMillis = now;
        if (finished) {
            status = TransferStatus.DONE;
        }
        return finished;
    }

    /** The run ends without finishing: after a failure, wait {@code retryDelayMillis} before the next try. */
    synchronized void pause(Lease lease, String error, long now, long retryDelayMillis) {
        if (error != null && current(lease)) {
            failures++;
            lastError = error;
            retryAtMillis = now + retryDelayMillis;
            updatedMillis = now;
        }
        if (current(lease) && status == TransferStatus.RUNNING) {
            status = TransferStatus.PENDING;
        }
    }

    synchronized TransferProgress snapshot() {
        return new TransferProgress(partition, ringVersion, spec.targets(), spec.drop(), status, keysSent,
                keysDropped, keysRetained, batches, passes, failures, lastError, updatedMillis, bytesSent,
                passKeys == null ? 0 : passKeys.size(), passKeys == null ? 0 : cursor, firstStartMillis);
    }
}
