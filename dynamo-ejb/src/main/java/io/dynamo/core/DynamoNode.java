package io.dynamo.core;

import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.time.Clock;
import java.util.OptionalInt;

/**
 * One Dynamo node: accepts get, put and delete for any key, checks them against the node's limits, and
 * coordinates them over the key's replicas. A node alone is the only replica of every key, so it meets a
 * quorum only up to 1; replication across nodes builds on this.
 */
public final class DynamoNode implements AutoCloseable {
    private final NodeConfig config;
    private final ReplicaStore replica;
    private final StorageEngine storage;

    public DynamoNode(NodeConfig config, StorageEngine storage, Clock clock) {
        this.config = config;
        this.storage = storage;
        this.replica = new ReplicaStore(storage, new DotSource(config.nodeId(), storage), clock,
                config.clockMaxEntries());
    }

    public String id() {
        return config.nodeId();
    }

    public NodeConfig config() {
        return config;
    }

    /** @param readQuorum R for this request, or empty for the configured one */
    public ReadResult get(Key key, OptionalInt readQuorum) {
        checkKey(key);
        int r = quorum("r", readQuorum, config.readQuorum());
        SiblingSet versions = replica.read(key);
        requireAnswers("get", key, r, 1);
        return new ReadResult(versions.liveValues(), versions.context());
    }

    /** @return the context of the new version */
    public Context put(Key key, Context context, Value value, OptionalInt writeQuorum) {
        checkKey(key);
        if (value.size() > config.maxValueBytes()) {
            throw new ValueTooLargeException("the value for key '" + key + "' has " + value.size()
                    + " bytes; the limit is " + config.maxValueBytes() + " (setting dynamo.max.value.bytes)");
        }
        return write("put", key, context, value, writeQuorum);
    }

    public Context delete(Key key, Context context, OptionalInt writeQuorum) {
        checkKey(key);
        return write("delete", key, context, Value.tombstone(), writeQuorum);
    }

    private Context write(String operation, Key key, Context context, Value value, OptionalInt writeQuorum) {
        int w = quorum("w", writeQuorum, config.writeQuorum());
        // Refuse before writing anything: a write that cannot reach its quorum must not be stored at all here.
        requireAnswers(operation, key, w, 1);
        return replica.coordinate(key, context, value).context();
    }

    private void checkKey(Key key) {
        if (key.length() > config.maxKeyBytes()) {
            throw new InvalidKeyException("the key has " + key.length() + " bytes; the limit is "
                    + config.maxKeyBytes() + " (setting dynamo.max.key.bytes)");
        }
    }

    private int quorum(String name, OptionalInt requested, int configured) {
        int q = requested.orElse(configured);
        if (q < 1 || q > config.replicas()) {
            throw new InvalidQuorumException(name + "=" + q + " is out of range: it must be between 1 and N="
                    + config.replicas());
        }
        return q;
    }

    private void requireAnswers(String operation, Key key, int required, int available) {
        if (available < required) {
            throw new InsufficientReplicasException(operation, key, required, available, config.nodeId());
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
