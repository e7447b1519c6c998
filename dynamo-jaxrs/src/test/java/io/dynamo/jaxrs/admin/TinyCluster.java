package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeServices;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.SiblingSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Real nodes in one JVM, on in-memory stores, sharing one ring from the start and calling each other directly (no
 * codec, no network): enough to check what the admin views make of real core state. A node can be cut off.
 */
final class TinyCluster implements AutoCloseable {
    static final int Q = 8;
    private final Map<String, DynamoNode> nodes = new LinkedHashMap<>();
    private final Map<String, ClusterTransport.RequestHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cut = new ConcurrentHashMap<>();

    TinyCluster(int n, String... ids) {
        Ring ring = Ring.initial(Q, List.of(ids).stream().map(Member::of).toList());
        for (String id : ids) {
            InMemoryMembershipStore membership = new InMemoryMembershipStore();
            membership.save(MembershipState.of(ring, List.of()));
            NodeConfig config = new NodeConfig(id, Path.of("unused"), n, 1, 1, Q, NodeConfig.DEFAULT_MAX_KEY_BYTES,
                    NodeConfig.DEFAULT_MAX_VALUE_BYTES, NodeConfig.DEFAULT_CLOCK_MAX_ENTRIES,
                    NodeConfig.DEFAULT_SIBLINGS_WARN, NodeConfig.DEFAULT_SIBLINGS_MAX);
            NodeTiming timing = new NodeTiming(Duration.ofMillis(500), Duration.ofHours(1), 200, Duration.ofHours(1),
                    Duration.ofHours(1));
            NodeServices services = new NodeServices(config, timing,
                    new ClusterSettings("", false, List.of(), Duration.ofHours(1), 1), new InMemoryStorageEngine(),
                    new InMemoryHintStore(), membership, transport(id),
                    new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor()));
            nodes.put(id, new DynamoNode(services).start());
        }
    }

    DynamoNode node(String id) {
        return nodes.get(id);
    }

    /** The node's copy of the key (with any hint it holds for it), as it answers a peer's {@link ReadReplica}. */
    SiblingSet read(String id, Key key) {
        return ((ReplicaState) handlers.get(id).handle("test", new ReadReplica(key)).join()).versions();
    }

    /** Merges the versions into the node's copy (or its hints for {@code hintFor}), as a peer's write does. */
    void write(String id, Key key, SiblingSet versions, String hintFor) {
        assertThat(handlers.get(id).handle("test", new WriteReplica(key, versions, hintFor)).join())
                .isInstanceOf(Ack.class);
    }

    /** The node stops answering; calls to it fail as unreachable. */
    void cutOff(String id) {
        cut.put(id, true);
    }

    private ClusterTransport transport(String self) {
        return new ClusterTransport() {
            @Override
            public String localNode() {
                return self;
            }

            @Override
            public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
                ClusterTransport.RequestHandler handler = handlers.get(target);
                if (handler == null || cut.containsKey(target)) {
                    return CompletableFuture.failedFuture(new UnreachableException(target, "cut off in the test"));
                }
                return handler.handle(self, request);
            }

            @Override
            public void serve(RequestHandler handler) {
                handlers.put(self, handler);
            }

            @Override
            public void close() {
                handlers.remove(self);
            }
        };
    }

    @Override
    public void close() {
        nodes.values().forEach(DynamoNode::close);
    }
}
