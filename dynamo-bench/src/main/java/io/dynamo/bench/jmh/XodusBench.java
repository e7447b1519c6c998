package io.dynamo.bench.jmh;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.infra.xodus.XodusStorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The storage engine as a node uses it, on a store of 10,000 keys of 1 KB (the YCSB benchmark's data set): a read
 * (one read-only Xodus transaction and a decode), a coordinated write (read, stamp, encode and put in one
 * transaction, as a coordinator does for a put) and a replica's merge-write of a version from another node.
 * Keys are chosen uniformly. Run with {@code -t 2} (two threads) to see contention between writers: Xodus allows one
 * writing transaction at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class XodusBench {
    @Param("10000")
    public int keys;

    private Path dir;
    private XodusStorageEngine engine;
    private ReplicaStore store;
    private Key[] keyList;
    private Value value;
    private SiblingSet fromPeer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("dynamo-jmh-xodus");
        engine = XodusStorageEngine.open(dir, Duration.ZERO);
        store = new ReplicaStore(engine, new DotSource("node1", engine), Clock.systemUTC(), 10,
                SiblingLimits.none("node1"));
        value = Value.of(new byte[1081], null);
        keyList = new Key[keys];
        for (int i = 0; i < keys; i++) {
            keyList[i] = Key.of("usertable/user" + i);
            store.coordinate(keyList[i], Context.EMPTY, value);
        }
        fromPeer = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("node2.e5f6a7b8", 1), value,
                System.currentTimeMillis(), 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Key anyKey() {
        return keyList[ThreadLocalRandom.current().nextInt(keyList.length)];
    }

    @Benchmark
    public SiblingSet read() {
        return store.read(anyKey());
    }

    /** A put that follows a read of the key (the context covers what is stored): one version replaces another. */
    @Benchmark
    public SiblingSet coordinatedWrite() {
        Key key = anyKey();
        return store.coordinate(key, store.read(key).context(), value);
    }

    /** A replica storing another node's version: merged with what is there, in one write transaction. */
    @Benchmark
    public SiblingSet mergeWrite() {
        Key key = anyKey();
        SiblingSet merged = store.merge(key, fromPeer);
        return merged;
    }
}
