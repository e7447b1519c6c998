package io.dynamo.simulation;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Clients that keep a set per key by read-modify-write with the context, merging siblings as a set union (Jepsen's
 * set workload), and record every operation with its times and contexts for the checkers. Of the operations, 70% add
 * a unique element, 20% remove an element they read, 10% delete the key with the context of their read; after half of
 * the acknowledged writes the client reads the key at once through another node, as a second client told of the write
 * would, which is where a quorum too small shows.
 */
final class SetWorkload {
    private final LocalCluster cluster;
    private final Random random;
    private final List<String> keys;
    private final List<SetOp> history = new ArrayList<>();
    private long events;
    private int opsLeft;
    private int running;

    SetWorkload(LocalCluster cluster, Random random, int keyCount, int operations) {
        this(cluster, random, numbered(keyCount), operations);
    }

    /** @param keys the keys, named as {@link LocalCluster#key} reads them */
    SetWorkload(LocalCluster cluster, Random random, List<String> keys, int operations) {
        this.cluster = cluster;
        this.random = random;
        this.keys = new ArrayList<>(keys);
        this.opsLeft = operations;
    }

    private static List<String> numbered(int keyCount) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add("set-" + i);
        }
        return keys;
    }

    void start(int clients) {
        for (int c = 0; c < clients; c++) {
            running++;
            int client = c;
            cluster.scheduler().schedule(Duration.ofMillis(random.nextInt(20)), () -> step(client));
        }
    }

    boolean finished() {
        return running == 0;
    }

    List<String> keys() {
        return keys;
    }

    List<SetOp> history() {
        return history;
    }

    static Set<String> elements(List<Value> values) {
        Set<String> out = new TreeSet<>();
        for (Value v : values) {
            String s = new String(v.bytes(), StandardCharsets.UTF_8);
            if (!s.isEmpty()) {
                out.addAll(Arrays.asList(s.split(",")));
            }
        }
        return out;
    }

    private void step(int client) {
        if (opsLeft <= 0) {
            running--;
            return;
        }
        int op = opsLeft--;
        String key = keys.get(random.nextInt(keys.size()));
        int dice = random.nextInt(10);
        SetOp.Kind kind = dice < 7 ? SetOp.Kind.ADD : dice < 9 ? SetOp.Kind.REMOVE : SetOp.Kind.DELETE;
        List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning).toList();
        if (up.isEmpty()) {
            next(client);
            return;
        }
        DynamoNode node = cluster.node(up.get(random.nextInt(up.size())));
        SetOp record = new SetOp(key, kind, cluster.scheduler().nowMillis(), events++, calm());
        history.add(record);
        String element = "c" + client + "-" + op;
        CompletableFuture.completedFuture(null)
                .thenCompose(v -> node.getAsync(LocalCluster.key(key), OptionalInt.empty()))
                .thenCompose(read -> {
                    readDone(record, read);
                    return write(node, record, read.context(), element);
                })
                .whenComplete((context, failure) -> {
                    if (failure == null && context != null) {
                        record.acked = cluster.scheduler().nowMillis();
                        record.ackedSeq = events++;
                        record.ackClock = context.clock();
                        if (random.nextBoolean()) {
                            readBack(client, key, node.id());
                            return;
                        }
                    }
                    next(client);
                });
    }

    /** Reads the key at once through another node, as a second client told of the write would. */
    private void readBack(int client, String key, String writtenThrough) {
        List<String> others = cluster.nodeIds().stream()
                .filter(id -> cluster.isRunning(id) && !id.equals(writtenThrough)).toList();
        if (others.isEmpty()) {
            next(client);
            return;
        }
        DynamoNode node = cluster.node(others.get(random.nextInt(others.size())));
        SetOp record = new SetOp(key, SetOp.Kind.READ, cluster.scheduler().nowMillis(), events++, calm());
        history.add(record);
        CompletableFuture.completedFuture(null)
                .thenCompose(v -> node.getAsync(LocalCluster.key(key), OptionalInt.empty()))
                .whenComplete((read, failure) -> {
                    if (failure == null) {
                        readDone(record, read);
                    }
                    next(client);
                });
    }

    private void readDone(SetOp record, ReadResult read) {
        record.readDone = cluster.scheduler().nowMillis();
        record.read = elements(read.values());
        record.readClock = read.context().clock();
    }

    /** Writes the read set with the operation's change; completes with null when there was nothing to write. */
    private CompletableFuture<Context> write(DynamoNode node, SetOp record, Context context, String element) {
        Set<String> next = new TreeSet<>(record.read);
        Key key = LocalCluster.key(record.key);
        switch (record.kind) {
            case ADD -> {
                next.add(element);
                record.added = element;
            }
            case REMOVE -> {
                if (next.isEmpty()) {
                    return CompletableFuture.completedFuture(null);
                }
                next.remove(new ArrayList<>(next).get(random.nextInt(next.size())));
            }
            case DELETE -> {
                record.written = Set.of();
                return node.deleteAsync(key, context, OptionalInt.empty());
            }
            default -> throw new IllegalStateException("a read writes nothing");
        }
        record.written = next;
        Value value = Value.of(String.join(",", next).getBytes(StandardCharsets.UTF_8), "text/plain");
        return node.putAsync(key, context, value, OptionalInt.empty());
    }

    private boolean calm() {
        return calm(cluster);
    }

    /** Every node runs and routes to every other: a coordinator now picks the key's own replicas, not stand-ins. */
    static boolean calm(LocalCluster cluster) {
        List<String> ids = cluster.nodeIds();
        for (String id : ids) {
            if (!cluster.isRunning(id)) {
                return false;
            }
            for (String peer : ids) {
                if (!peer.equals(id) && !cluster.node(id).failureDetector().routable(peer)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void next(int client) {
        cluster.scheduler().schedule(Duration.ofMillis(1 + random.nextInt(30)), () -> step(client));
    }
}
