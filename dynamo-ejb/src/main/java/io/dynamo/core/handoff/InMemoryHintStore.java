package io.dynamo.core.handoff;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Hints in memory, for simulations and tests; kept across a simulated restart by reusing the instance. */
public final class InMemoryHintStore implements HintStore {
    private final Map<String, ConcurrentSkipListMap<Key, Hint>> byTarget = new ConcurrentHashMap<>();

    @Override
    public void add(String target, Key key, SiblingSet versions, long nowMillis, boolean synced) {
        // Memory is all this store has: a synced hint is a plain one.
        byTarget.computeIfAbsent(target, t -> new ConcurrentSkipListMap<>()).merge(key,
                new Hint(target, key, versions, nowMillis),
                (held, added) -> new Hint(target, key, held.versions().merge(added.versions()), held.storedAtMillis()));
    }

    @Override
    public SiblingSet read(Key key) {
        SiblingSet merged = SiblingSet.EMPTY;
        for (Map<Key, Hint> hints : byTarget.values()) {
            Hint h = hints.get(key);
            if (h != null) {
                merged = merged.merge(h.versions());
            }
        }
        return merged;
    }

    @Override
    public List<Hint> batch(String target, int max) {
        Map<Key, Hint> hints = byTarget.getOrDefault(target, new ConcurrentSkipListMap<>());
        return hints.values().stream()
                .sorted(Comparator.comparingLong(Hint::storedAtMillis))
                .limit(max)
                .toList();
    }

    @Override
    public boolean remove(String target, Key key, SiblingSet delivered) {
        Map<Key, Hint> hints = byTarget.get(target);
        if (hints == null) {
            return false;
        }
        Hint held = hints.get(key);
        return held != null && held.versions().equals(delivered) && hints.remove(key, held);
    }

    @Override
    public Set<String> targets() {
        Set<String> out = new TreeSet<>();
        byTarget.forEach((target, hints) -> {
            if (!hints.isEmpty()) {
                out.add(target);
            }
        });
        return out;
    }

    @Override
    public List<HintQueue> queues() {
        List<HintQueue> out = new ArrayList<>();
        byTarget.forEach((target, hints) -> {
            if (!hints.isEmpty()) {
                long bytes = 0;
                long oldest = Long.MAX_VALUE;
                for (Hint h : hints.values()) {
                    bytes += SiblingSetCodec.encode(h.versions()).length;
                    oldest = Math.min(oldest, h.storedAtMillis());
                }
                out.add(new HintQueue(target, hints.size(), bytes, oldest));
            }
        });
        out.sort(Comparator.comparing(HintQueue::target));
        return out;
    }

    @Override
    public long purge(String target) {
        Map<Key, Hint> held = byTarget.remove(target);
        return held == null ? 0 : held.size();
    }

    @Override
    public long expire(long storedBeforeMillis) {
        long removed = 0;
        for (Map<Key, Hint> hints : byTarget.values()) {
            for (Hint h : hints.values()) {
                if (h.storedAtMillis() < storedBeforeMillis && hints.remove(h.key(), h)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public void close() {
        // nothing to release; the data stays for a simulated restart
    }
}
