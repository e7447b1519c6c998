package io.dynamo.bench.jmh;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeServices;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.core.version.VectorClock;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a conditional write costs on one node beside a plain put, with the cluster work taken out (N = R = W = 1, an
 * in-memory store, no peers): a put with the context of the key's last write, an If-Match put (the node's read at R,
 * the check, the per-key serialisation and the same write), and the ETag every answer now carries (a SHA-256 of a
 * context of three entries). Keys are chosen uniformly among 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ConditionalWriteBench {
    @Param("1000")
    public int keys;

    private DynamoNode node;
    private Key[] keyList;
    private Context[] contexts;
    private String[] tags;
    private Value value;
    private Context threeEntries;

    @Setup(Level.Trial)
    public void start() {
        NodeConfig config = NodeConfig.defaults("solo", Path.of("unused")).withQuorum(1, 1, 1);
        node = new DynamoNode(new NodeServices(config, NodeTiming.DEFAULTS, ClusterSettings.standalone(""),
                new InMemoryStorageEngine(), new InMemoryHintStore(), new InMemoryMembershipStore(),
                new NoPeersTransport("solo"), new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor())))
                .start();
        keyList = new Key[keys];
        contexts = new Context[keys];
        tags = new String[keys];
        value = Value.of(new byte[1024], "application/octet-stream");
        for (int i = 0; i < keys; i++) {
            keyList[i] = Key.of("user" + i);
            contexts[i] = node.putAsync(keyList[i], Context.EMPTY, value, OptionalInt.empty()).join();
            tags[i] = contexts[i].tag().orElseThrow();
        }
        threeEntries = Context.decode(contexts[0].encode());
        for (String actor : new String[] {"node-b.x1", "node-c.x2"}) {
            threeEntries = threeEntries.merge(new Context(VectorClock.of(List.of(
                    new VectorClock.Entry(actor, 1_234_567, System.currentTimeMillis())))));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        node.close();
    }

    @Benchmark
    public Context put() {
        int i = ThreadLocalRandom.current().nextInt(keys);
        Context written = node.putAsync(keyList[i], contexts[i], value, OptionalInt.empty()).join();
        contexts[i] = written;
        return written;
    }

    @Benchmark
    public Context putIfMatch() {
        int i = ThreadLocalRandom.current().nextInt(keys);
        Context written = node.writeIfAsync(WriteCondition.matching(tags[i]), keyList[i], Context.EMPTY, value,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()).join();
        tags[i] = written.tag().orElseThrow();
        return written;
    }

    @Benchmark
    public String etag() {
        return threeEntries.tag().orElseThrow();
    }
}
