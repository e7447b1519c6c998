package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One node as anti-entropy sees it: a store, its trees, the service, and a request handler on the network. */
final class Replica {
    final String id;
    final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    final ReplicaStore store;
    final PartitionTrees trees;
    final AntiEntropyService service;

    Replica(String id, Supplier<Ring> ring, int n, LoopbackNetwork network, ManualScheduler scheduler,
            AntiEntropySettings settings) {
        this.id = id;
        this.store = new ReplicaStore(storage, new DotSource(id, storage),
                Clock.fixed(Instant.ofEpochMilli(scheduler.nowMillis()), ZoneOffset.UTC), 10,
                SiblingLimits.none(id));
        this.trees = new PartitionTrees(storage, ring.get().partitionCount(), MerkleTree.DEFAULT_DEPTH);
        store.listen(trees);
        ClusterTransport transport = network.transport(id);
        this.service = new AntiEntropyService(id, ring, n, store, trees,
                PeerCaller.over(transport, Duration.ofSeconds(1)), scheduler, settings);
        transport.serve(this::handle);
    }

    /** What a node's dispatcher does: anti-entropy's queries, then the replica writes the repair sends. */
    private CompletableFuture<Message> handle(String from, Message request) {
        if (request instanceof MerkleQuery q) {
            return service.onMerkleQuery(from, q);
        }
        if (request instanceof SegmentQuery q) {
            return service.onSegmentQuery(from, q);
        }
        if (request instanceof WriteReplica w) {
            store.merge(w.key(), w.versions());
            return CompletableFuture.completedFuture(new Ack());
        }
        throw new IllegalArgumentException("unexpected " + request);
    }

    SiblingSet put(String key, String value) {
        Key k = Key.of(key);
        return store.coordinate(k, store.read(k).context(), text(value));
    }

    /** A write that has not seen anything stored here: concurrent with what other replicas hold. */
    SiblingSet putBlind(String key, String value) {
        return store.coordinate(Key.of(key), Context.EMPTY, text(value));
    }

    SiblingSet get(String key) {
        return store.read(Key.of(key));
    }

    Map<Key, SiblingSet> all() {
        Map<Key, SiblingSet> out = new HashMap<>();
        int q = trees.partitionCount();
        for (int p = 0; p < q; p++) {
            storage.scan(p, q, out::put);
        }
        return out;
    }

    static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
