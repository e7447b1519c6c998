package io.dynamo.simulation;

import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.LocalCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Checks a set workload's history against what the cluster holds after the faults stopped and it healed, and against
 * what each read returned while it ran. For an element e: an operation <em>carries</em> e when the write it sent
 * (acknowledged or not) holds e; it <em>removes</em> e when its read returned e and the write it sent (a remove, or a
 * delete of the key) does not hold it. A write is <em>seen by</em> a removal when the write was acknowledged and the
 * removal's read returned a context that descends the context the write's acknowledgement returned (which covers the
 * write's dot); any other write may be concurrent with the removal, and versions concurrent with a write survive it by
 * design (the client's union of siblings then brings e back).
 *
 * <p>After healing, on every replica of every key:
 * <ol>
 *   <li>every element carried by an acknowledged write is present, unless some operation removes it;</li>
 *   <li>every element present was carried by an addition;</li>
 *   <li>an element removed by an acknowledged removal is absent, unless another operation carries it that the removal
 *       has not seen;</li>
 *   <li>all replicas hold the same versions, and no node holds hints.</li>
 * </ol>
 *
 * <p>While it ran, when the clients' R + W > N, for an acknowledged write and a read invoked after the acknowledgement:
 * <ol start="5">
 *   <li>the read returns every element the write carries, unless an operation that removes it was invoked before the
 *       read ended;</li>
 *   <li>the read returns no element the write removes, unless an operation invoked before the read ended carries it
 *       and was not seen by the write.</li>
 * </ol>
 * Dynamo promises 5 and 6 only while its quorums are strict: a sloppy quorum acknowledges a write on stand-ins that
 * the next read need not ask. So a pair is checked only when every node ran and routed to every other when the write's
 * operation began, and from one forward timeout before that until the read ended no message was dropped (a failure
 * detector marks a peer unreachable only after a request timed out, which takes a dropped message) and no node lost
 * its data.
 */
final class SetChecker {
    private final LocalCluster cluster;
    private final List<SetOp> history;
    private final ToIntFunction<String> replicas;
    private final boolean quorumsOverlap;
    private final long lookBackMillis;
    private final boolean removalsChecked;
    private final List<String> problems = new ArrayList<>();
    private long pairsChecked;

    /**
     * @param r               R the clients count on (not necessarily the nodes' setting)
     * @param w               W the clients count on
     * @param removalsChecked whether to check 3 and 6 (not where removals may come back by design: clock truncation)
     */
    SetChecker(LocalCluster cluster, List<SetOp> history, int n, int r, int w, boolean removalsChecked) {
        this(cluster, history, key -> n, r + w > n, removalsChecked);
    }

    /**
     * @param replicas       N of each key (its namespace's)
     * @param quorumsOverlap whether R + W > N for every key the clients write
     */
    SetChecker(LocalCluster cluster, List<SetOp> history, ToIntFunction<String> replicas, boolean quorumsOverlap,
               boolean removalsChecked) {
        this.cluster = cluster;
        this.history = history;
        this.replicas = replicas;
        this.quorumsOverlap = quorumsOverlap;
        this.lookBackMillis = cluster.timing().forwardTimeout().toMillis();
        this.removalsChecked = removalsChecked;
    }

    List<String> check(List<String> keys) {
        Map<String, List<SetOp>> byKey = new HashMap<>();
        for (SetOp op : history) {
            byKey.computeIfAbsent(op.key, k -> new ArrayList<>()).add(op);
        }
        for (String key : keys) {
            KeyHistory ops = new KeyHistory(byKey.getOrDefault(key, List.of()));
            checkFinalState(key, ops);
            if (quorumsOverlap) {
                checkReadsAfterWrites(key, ops);
            }
        }
        for (String id : cluster.nodeIds()) {
            if (!cluster.hintStore(id).targets().isEmpty()) {
                problems.add(id + " still holds hints for " + cluster.hintStore(id).targets());
            }
        }
        return problems;
    }

    /** Read-after-write pairs the strict-quorum condition admitted. */
    long pairsChecked() {
        return pairsChecked;
    }

    private void checkFinalState(String key, KeyHistory history) {
        Set<String> attempted = new TreeSet<>();
        Set<String> mustStay = new TreeSet<>();
        for (SetOp op : history.ops) {
            if (op.added != null && op.wrote()) {
                attempted.add(op.added);
            }
            if (op.acknowledged()) {
                mustStay.addAll(op.written);
            }
        }
        mustStay.removeIf(e -> history.firstRemoval(e) < Long.MAX_VALUE);
        // The ring walks the cluster's N; a namespace's replicas are the first of them.
        PreferenceList list = cluster.ring().preferenceList(
                cluster.ring().partitioner().partitionOf(LocalCluster.key(key).md5()), replicas.applyAsInt(key))
                .narrowed(replicas.applyAsInt(key));
        SiblingSet first = null;
        for (String replica : list.replicas()) {
            SiblingSet held = cluster.stored(replica, key);
            Set<String> present = SetWorkload.elements(held.liveValues());
            report(key + " on " + replica + " lost ", minus(mustStay, present));
            report(key + " on " + replica + " has never-written ", minus(present, attempted));
            if (removalsChecked) {
                report(key + " on " + replica + " has back removed ", history.cameBack(present));
            }
            if (first != null && !first.equals(held)) {
                problems.add(key + " differs between replicas " + list.replicas().get(0) + " and " + replica);
            }
            first = first == null ? held : first;
        }
    }

    private void checkReadsAfterWrites(String key, KeyHistory history) {
        for (SetOp reader : history.ops) {
            if (reader.readDone < 0) {
                continue;
            }
            for (SetOp writer : history.ops) {
                if (writer == reader || !writer.acknowledged() || writer.ackedSeq > reader.invokedSeq
                        || !strict(writer, reader)) {
                    continue;
                }
                pairsChecked++;
                Set<String> missing = new TreeSet<>();
                for (String e : writer.written) {
                    if (!reader.read.contains(e) && history.firstRemoval(e) > reader.readDone) {
                        missing.add(e);
                    }
                }
                report(key + ": read at " + reader.invoked + " misses, of the write acknowledged at " + writer.acked
                        + ", ", missing);
                if (removalsChecked) {
                    Set<String> removed = new TreeSet<>(writer.read);
                    removed.removeAll(writer.written);
                    removed.retainAll(reader.read);
                    removed.removeIf(e -> history.excused(e, writer, reader.readDone));
                    report(key + ": read at " + reader.invoked + " still has, after the removal acknowledged at "
                            + writer.acked + ", ", removed);
                }
            }
        }
    }

    private boolean strict(SetOp writer, SetOp reader) {
        long from = writer.invoked - lookBackMillis;
        return writer.calmAtStart && !cluster.network().droppedBetween(from, reader.readDone)
                && !cluster.wipedBetween(from, reader.readDone);
    }

    /** One key's operations, indexed by element. */
    private static final class KeyHistory {
        final List<SetOp> ops;
        private final Map<String, Long> firstRemoval = new HashMap<>();
        private final Map<String, List<SetOp>> carriers = new HashMap<>();

        KeyHistory(List<SetOp> ops) {
            this.ops = ops;
            for (SetOp op : ops) {
                if (!op.wrote()) {
                    continue;
                }
                for (String e : op.written) {
                    carriers.computeIfAbsent(e, k -> new ArrayList<>()).add(op);
                }
                for (String e : op.read) {
                    if (op.removes(e)) {
                        firstRemoval.merge(e, op.invoked, Math::min);
                    }
                }
            }
        }

        /** When the first operation that tried to remove the element began; MAX_VALUE if none did. */
        long firstRemoval(String element) {
            return firstRemoval.getOrDefault(element, Long.MAX_VALUE);
        }

        /** Elements present that an acknowledged removal took away and no write it may not have seen carried. */
        Set<String> cameBack(Set<String> present) {
            Set<String> back = new TreeSet<>();
            for (SetOp removal : ops) {
                if (removal.acknowledged()) {
                    for (String e : present) {
                        if (removal.removes(e) && !excused(e, removal, Long.MAX_VALUE)) {
                            back.add(e);
                        }
                    }
                }
            }
            return back;
        }

        /** Whether an operation invoked by {@code before} carries the element and was not seen by the removal. */
        boolean excused(String element, SetOp removal, long before) {
            for (SetOp op : carriers.getOrDefault(element, List.of())) {
                if (op != removal && op.invoked <= before
                        && !(op.acknowledged() && removal.readClock.descends(op.ackClock))) {
                    return true;
                }
            }
            return false;
        }
    }

    private void report(String what, Set<String> elements) {
        if (!elements.isEmpty()) {
            problems.add(what + elements);
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
