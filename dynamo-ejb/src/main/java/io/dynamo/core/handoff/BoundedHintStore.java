package io.dynamo.core.handoff;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * A hint store with limits: no new hints for a target down longer than the window, none beyond the byte caps, and
 * none older than the maximum age. A refused hint throws {@link HintRefusedException}, so a stand-in that cannot keep
 * it does not acknowledge the write (which then needs W other acknowledgements); refusals are counted and logged at
 * most once a minute.
 */
public final class BoundedHintStore implements HintStore {
    private static final Logger LOG = Logger.getLogger(BoundedHintStore.class.getName());
    private static final long LOG_EVERY_MILLIS = 60_000;

    private final HintStore store;
    private final HintSettings settings;
    private final ToLongFunction<String> downSince;
    private final LongSupplier clock;
    private final AtomicLong outsideWindow = new AtomicLong();
    private final AtomicLong overCap = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong loggedAt = new AtomicLong(-LOG_EVERY_MILLIS);
    private final AtomicLong loggedRefusals = new AtomicLong();

    /**
     * @param downSince since when the target has been unreachable as this node sees it, 0 when it is not (or when
     *                  this node cannot tell)
     */
    public BoundedHintStore(HintStore store, HintSettings settings, ToLongFunction<String> downSince,
                            LongSupplier clock) {
        this.store = store;
        this.settings = settings;
        this.downSince = downSince;
        this.clock = clock;
    }

    @Override
    public void add(String target, Key key, SiblingSet versions, long nowMillis, boolean synced) {
        HintQueue queue = null;
        long total = 0;
        for (HintQueue q : store.queues()) {
            total += q.bytes();
            if (q.target().equals(target)) {
                queue = q;
            }
        }
        // Down since the detector saw it go, or since its oldest hint waits: either way it takes no hints.
        long since = downSince.applyAsLong(target);
        if (queue != null && queue.count() > 0 && (since == 0 || queue.oldestStoredAtMillis() < since)) {
            since = queue.oldestStoredAtMillis();
        }
        if (since > 0 && nowMillis - since > settings.window().toMillis()) {
            refuse(outsideWindow, "node " + target + " has been down for " + (nowMillis - since) / 1000
                    + " s, longer than the hint window (dynamo.hints.window.ms); anti-entropy repairs it", nowMillis);
        }
        long size = SiblingSetCodec.encode(versions).length;
        long held = queue == null ? 0 : queue.bytes();
        if (held + size > settings.maxBytesPerTarget() || total + size > settings.maxBytesTotal()) {
            refuse(overCap, "the hints for " + target + " (" + held + " bytes) or for all nodes (" + total
                    + " bytes) are at their cap (dynamo.hints.max.bytes.per.target, dynamo.hints.max.bytes)",
                    nowMillis);
        }
        store.add(target, key, versions, nowMillis, synced);
    }

    /** Drops the hints older than the maximum age; returns how many. */
    public long expireOld() {
        long n = store.expire(clock.getAsLong() - settings.maxAge().toMillis());
        expired.addAndGet(n);
        return n;
    }

    /** Writes not hinted because their target was down longer than the window, since start. */
    public long refusedOutsideWindow() {
        return outsideWindow.get();
    }

    /** Hints refused at the byte caps, since start. */
    public long refusedOverCap() {
        return overCap.get();
    }

    /** Hints dropped at the maximum age, since start. */
    public long expiredCount() {
        return expired.get();
    }

    private void refuse(AtomicLong counter, String why, long nowMillis) {
        counter.incrementAndGet();
        long since = loggedRefusals.incrementAndGet();
        long last = loggedAt.get();
        if (nowMillis - last >= LOG_EVERY_MILLIS && loggedAt.compareAndSet(last, nowMillis)) {
            loggedRefusals.addAndGet(-since);
            LOG.warning(() -> since + " hint(s) refused since the last report; the latest: " + why);
        }
        throw new HintRefusedException("hint refused: " + why);
    }

    @Override
    public SiblingSet read(Key key) {
        return store.read(key);
    }

    @Override
    public List<Hint> batch(String target, int max) {
        return store.batch(target, max);
    }

    @Override
    public boolean remove(String target, Key key, SiblingSet delivered) {
        return store.remove(target, key, delivered);
    }

    @Override
    public Set<String> targets() {
        return store.targets();
    }

    @Override
    public List<HintQueue> queues() {
        return store.queues();
    }

    @Override
    public long purge(String target) {
        return store.purge(target);
    }

    @Override
    public long expire(long storedBeforeMillis) {
        return store.expire(storedBeforeMillis);
    }

    @Override
    public void close() {
        store.close();
    }
}
