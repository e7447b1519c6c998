package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeServices;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The server half of stale-ring detection: which answers carry the node's ring version. */
class RingVersionFilterTest {

    @Test
    void keyValueAnswersCarryTheRingVersion() throws Exception {
        try (DynamoNode node = node(true)) {
            RingVersionFilter filter = filter(node);
            assertThat(headersAfter(filter, "kv/some%2Fkey")).containsEntry(DynamoHeaders.RING_VERSION, List.of("1"));
            assertThat(headersAfter(filter, "/kv/k")).containsKey(DynamoHeaders.RING_VERSION);
            assertThat(headersAfter(filter, "kv")).containsKey(DynamoHeaders.RING_VERSION);
            assertThat(headersAfter(filter, "admin/ring")).isEmpty();
            assertThat(headersAfter(filter, "kvx/k")).isEmpty();
        }
    }

    @Test
    void aNodeWithoutARingAddsNothing() throws Exception {
        try (DynamoNode node = node(false)) {
            assertThat(headersAfter(filter(node), "kv/k")).isEmpty();
        }
    }

    private static RingVersionFilter filter(DynamoNode node) throws ReflectiveOperationException {
        RingVersionFilter filter = new RingVersionFilter();
        var field = RingVersionFilter.class.getDeclaredField("node");
        field.setAccessible(true);
        field.set(filter, node.view());
        return filter;
    }

    private static MultivaluedMap<String, Object> headersAfter(RingVersionFilter filter, String path) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        UriInfo uri = proxy(UriInfo.class, "getPath", path);
        filter.filter(proxy(ContainerRequestContext.class, "getUriInfo", uri),
                proxy(ContainerResponseContext.class, "getHeaders", headers));
        return headers;
    }

    /** An interface whose one method used here answers {@code value}; anything else fails the test. */
    private static <T> T proxy(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method) && (args == null || args.length == 0)) {
                return value;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    /** One node on in-memory stores: bootstrapped (ring version 1) or waiting for seeds (no ring). */
    private static DynamoNode node(boolean bootstrap) {
        NodeConfig config = NodeConfig.defaults("solo", Path.of("unused"));
        NodeTiming timing = new NodeTiming(Duration.ofMillis(500), Duration.ofHours(1), 200, Duration.ofHours(1),
                Duration.ofHours(1));
        ClusterTransport transport = new ClusterTransport() {
            @Override
            public String localNode() {
                return "solo";
            }

            @Override
            public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
                return CompletableFuture.failedFuture(new UnreachableException(target, "no peers in this test"));
            }

            @Override
            public void serve(RequestHandler handler) {
            }

            @Override
            public void close() {
            }
        };
        NodeServices services = new NodeServices(config, timing,
                new ClusterSettings("", bootstrap, List.of(), Duration.ofHours(1), 1), new InMemoryStorageEngine(),
                new InMemoryHintStore(), new InMemoryMembershipStore(), transport,
                new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor()));
        return new DynamoNode(services).start();
    }
}
