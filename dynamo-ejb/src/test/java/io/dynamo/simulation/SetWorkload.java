package io.dynamo.simulation;

import io.dynamo.core.DynamoNode;
import io.dynamo.core.Key;
import io.dynamo.core.ReadResult;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Clients that add unique elements to a few keys by read-modify-write with the context, merging siblings as a
 * set union, and remember which additions were attempted and which acknowledged (Jepsen's set workload).
 */
final class SetWorkload {
    private final LocalCluster cluster;
    private final Random random;
    private final List<String> keys;
    private final Map<String, Set<String>> attempted = new HashMap<>();
    private final Map<String, Set<String>> acknowledged = new HashMap<>();
    private int opsLeft;
    private int running;

    SetWorkload(LocalCluster cluster, Random random, int keyCount, int operations) {
        this.cluster = cluster;
        this.random = random;
        this.keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add("set-" + i);
            attempted.put("set-" + i, new TreeSet<>());
            acknowledged.put("set-" + i, new TreeSet<>());
        }
        this.opsLeft = operations;
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

    Set<String> attempted(String key) {
        return attempted.get(key);
    }

    Set<String> acknowledged(String key) {
        return acknowledged.get(key);
    }

    int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    int attemptedCount() {
        return attempted.values().stream().mapToInt(Set::size).sum();
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
        String element = "c" + client + "-" + op;
        List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning).toList();
        if (up.isEmpty()) {
            next(client);
            return;
        }
        DynamoNode node = cluster.node(up.get(random.nextInt(up.size())));
        attempted.get(key).add(element);
        node.getAsync(Key.of(key), OptionalInt.empty())
                .thenCompose(read -> node.putAsync(Key.of(key), read.context(), added(read, element),
                        OptionalInt.empty()))
                .whenComplete((context, failure) -> {
                    if (failure == null) {
                        acknowledged.get(key).add(element);
                    }
                    next(client);
                });
    }

    private void next(int client) {
        cluster.scheduler().schedule(Duration.ofMillis(1 + random.nextInt(30)), () -> step(client));
    }

    private static Value added(ReadResult read, String element) {
        Set<String> union = new HashSet<>(elements(read.values()));
        union.add(element);
        return Value.of(String.join(",", new TreeSet<>(union)).getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
