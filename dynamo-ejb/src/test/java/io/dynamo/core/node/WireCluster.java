package io.dynamo.core.node;

import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.wire.MessageCodec;
import io.dynamo.testkit.SimulatedScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Nodes a, b, c (N=3, each owning partitions) and d (a member that owns none, so it forwards every request), calling
 * each other at once on the caller's thread, each message through the real codec both ways. It records every
 * exchange, as sent (before encoding) and as answered (the reply's bytes). Background work never runs: the clock
 * stands still.
 */
final class WireCluster implements AutoCloseable {
    record Exchange(String from, String to, Message request, byte[] reply) {
        Message decodedReply() {
            return MessageCodec.decode(reply);
        }
    }

    private static final NodeTiming TIMING = new NodeTiming(Duration.ofSeconds(1), Duration.ofHours(1), 10,
            Duration.ofHours(1), Duration.ofHours(1));

    private final SimulatedScheduler scheduler = new SimulatedScheduler(1_700_000_000_000L);
    private final Map<String, ClusterTransport.RequestHandler> handlers = new LinkedHashMap<>();
    private final Map<String, DynamoNode> nodes = new LinkedHashMap<>();
    private final Map<String, InMemoryStorageEngine> stores = new LinkedHashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    WireCluster() {
        Ring ring = new Ring(1, 8, List.of(Member.of("a"), Member.of("b"), Member.of("c"), Member.of("d")),
                List.of("a", "b", "c", "a", "b", "c", "a", "b"));
        MembershipState formed = MembershipState.of(ring, List.of("a", "b", "c", "d").stream()
                .map(id -> new NodeInfo(id, "", NodeStatus.JOINED, 1)).toList());
        for (String id : List.of("a", "b", "c", "d")) {
            InMemoryMembershipStore membership = new InMemoryMembershipStore();
            membership.save(formed);
            InMemoryStorageEngine store = new InMemoryStorageEngine();
            stores.put(id, store);
            NodeConfig config = NodeConfig.defaults(id, Path.of("unused")).withQuorum(3, 3, 3);
            NodeServices services = new NodeServices(new NodeConfig(id, config.dataDir(), 3, 3, 3, 8,
                    config.maxKeyBytes(), config.maxValueBytes(), config.clockMaxEntries(), config.siblingsWarn(),
                    config.siblingsMax()), TIMING, new ClusterSettings("", false, List.of(), Duration.ofHours(1), 1),
                    store, new InMemoryHintStore(), membership, transport(id), scheduler);
            nodes.put(id, new DynamoNode(services).start());
        }
    }

    DynamoNode node(String id) {
        return nodes.get(id);
    }

    InMemoryStorageEngine store(String id) {
        return stores.get(id);
    }

    List<Exchange> exchanges() {
        return exchanges;
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
                if (handler == null) {
                    return CompletableFuture.failedFuture(new UnreachableException(target, "not in the test"));
                }
                Message received = MessageCodec.decode(MessageCodec.encode(request));
                return handler.handle(self, received).thenApply(answer -> {
                    byte[] reply = MessageCodec.encode(answer);
                    exchanges.add(new Exchange(self, target, request, reply));
                    return MessageCodec.decode(reply);
                });
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
