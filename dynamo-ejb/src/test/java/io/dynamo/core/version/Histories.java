package io.dynamo.core.version;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but replayable version histories: a few replicas that coordinate puts and deletes with contexts read
 * earlier and merge each other's states, the way replication and repair do.
 */
final class Histories {
    final SiblingSet[] replicas;
    final List<SiblingSet> observed = new ArrayList<>();
    final List<Context> contexts = new ArrayList<>();
    /** Every put in order: its dot and the context it was made with. */
    final List<Write> writes = new ArrayList<>();
    private final long[] counters;
    private long time;

    Histories(int replicaCount) {
        replicas = new SiblingSet[replicaCount];
        counters = new long[replicaCount];
        java.util.Arrays.fill(replicas, SiblingSet.EMPTY);
        contexts.add(Context.EMPTY);
    }

    static Histories random(long seed, int replicaCount, int steps, int maxClockEntries) {
        Random random = new Random(seed);
        Histories h = new Histories(replicaCount);
        for (int i = 0; i < steps; i++) {
            int at = random.nextInt(replicaCount);
            switch (random.nextInt(4)) {
                case 0, 1 -> h.put(at, h.contexts.get(random.nextInt(h.contexts.size())),
                        random.nextInt(8) == 0 ? Value.tombstone() : value("v" + i), maxClockEntries);
                case 2 -> h.merge(random.nextInt(replicaCount), at, maxClockEntries);
                default -> h.contexts.add(h.replicas[at].context());
            }
            h.observed.add(h.replicas[at]);
        }
        return h;
    }

    Dot put(int replica, Context context, Value value, int maxClockEntries) {
        Dot dot = new Dot("r" + replica, ++counters[replica]);
        replicas[replica] = replicas[replica].put(context, dot, value, ++time, maxClockEntries);
        writes.add(new Write(dot, context));
        return dot;
    }

    void merge(int from, int to, int maxClockEntries) {
        replicas[to] = replicas[to].merge(replicas[from]).truncate(maxClockEntries);
    }

    record Write(Dot dot, Context context) {
    }

    static Value value(String text) {
        return Value.of(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
