package io.dynamo.core.antientropy;

import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.wire.MessageCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes in one JVM calling each other directly: every request and reply goes through the binary codec (so the
 * wire form is exercised) and completes synchronously. Nodes can be cut off; requests are counted by type.
 */
final class LoopbackNetwork {
    private final Map<String, ClusterTransport.RequestHandler> handlers = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

    ClusterTransport transport(String node) {
        return new ClusterTransport() {
            @Override
            public String localNode() {
                return node;
            }

            @Override
            public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
                return deliver(node, target, request);
            }

            @Override
            public void serve(RequestHandler handler) {
                handlers.put(node, handler);
            }

            @Override
            public void close() {
                handlers.remove(node);
            }
        };
    }

    void cut(String node) {
        down.add(node);
    }

    void heal(String node) {
        down.remove(node);
    }

    int sent(Class<? extends Message> type) {
        AtomicInteger n = sent.get(type.getSimpleName());
        return n == null ? 0 : n.get();
    }

    void resetCounts() {
        sent.clear();
    }

    private CompletableFuture<Message> deliver(String from, String target, Message request) {
        ClusterTransport.RequestHandler handler = handlers.get(target);
        if (handler == null || down.contains(target) || down.contains(from)) {
            return CompletableFuture.failedFuture(new UnreachableException(target, "cut off in the test"));
        }
        sent.computeIfAbsent(request.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        Message decoded = MessageCodec.decode(MessageCodec.encode(request));
        return handler.handle(from, decoded).thenApply(reply -> MessageCodec.decode(MessageCodec.encode(reply)));
    }
}
