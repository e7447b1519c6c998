package io.dynamo.bench.jmh;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import io.dynamo.core.version.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The versioning work every request does, on the shapes the YCSB benchmark produces: a key written through three
 * coordinators (a three-entry clock) holding one 1 KB value; the context a client sends back; a replica merging the
 * coordinator's newer version into its own; two concurrent writes kept as siblings; the stored form of a key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionBench {
    private SiblingSet stored;
    private SiblingSet newer;
    private SiblingSet concurrent;
    private String encodedContext;
    private byte[] storedBytes;
    private Value value;

    @Setup
    public void setUp() {
        value = Value.of(new byte[1081], null);
        SiblingSet set = SiblingSet.EMPTY;
        long counter = 1;
        for (String node : new String[] {"node1.a1b2c3d4", "node2.e5f6a7b8", "node3.c9d0e1f2"}) {
            set = set.put(set.context(), new Dot(node, counter++), value, 1_700_000_000_000L, 10);
        }
        stored = set;
        newer = stored.put(stored.context(), new Dot("node1.a1b2c3d4", counter++), value, 1_700_000_001_000L, 10);
        // A blind write: it has seen nothing, so it stands beside the stored version.
        concurrent = stored.put(Context.EMPTY, new Dot("node2.e5f6a7b8", counter), value, 1_700_000_002_000L, 10);
        encodedContext = stored.context().encode();
        storedBytes = SiblingSetCodec.encode(stored);
    }

    @Benchmark
    public String contextEncode() {
        return stored.context().encode();
    }

    @Benchmark
    public Context contextDecode() {
        return Context.decode(encodedContext);
    }

    /** A replica receiving the coordinator's newer version of a key it has. */
    @Benchmark
    public SiblingSet mergeNewer() {
        return stored.merge(newer).truncate(10);
    }

    /** A read merging two replicas' answers that hold concurrent versions. */
    @Benchmark
    public SiblingSet mergeConcurrent() {
        return newer.merge(concurrent).truncate(10);
    }

    /** A coordinator stamping a put that follows a read. */
    @Benchmark
    public SiblingSet putWithContext() {
        return stored.put(stored.context(), new Dot("node1.a1b2c3d4", 99), value, 1_700_000_003_000L, 10);
    }

    @Benchmark
    public byte[] siblingSetEncode() {
        return SiblingSetCodec.encode(stored);
    }

    @Benchmark
    public SiblingSet siblingSetDecode() {
        return SiblingSetCodec.decode(storedBytes);
    }
}
