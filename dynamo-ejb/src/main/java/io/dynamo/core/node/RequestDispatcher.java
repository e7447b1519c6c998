package io.dynamo.core.node;

import io.dynamo.core.coordination.RemoteFailures;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.MessageHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Answers requests from peers with the handler registered for the request's type; the services register what they
 * handle. A request no handler serves, and any failure of a handler, is answered with a {@link Failure}.
 */
final class RequestDispatcher implements ClusterTransport.RequestHandler {
    private final String nodeId;
    private final Map<Class<? extends Message>, MessageHandler<? extends Message>> handlers =
            new ConcurrentHashMap<>();

    RequestDispatcher(String nodeId) {
        this.nodeId = nodeId;
    }

    <M extends Message> RequestDispatcher on(Class<M> type, MessageHandler<M> handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException(type.getSimpleName() + " already has a handler on node " + nodeId);
        }
        return this;
    }

    /** A request answered with {@link Ack} once the action returned. */
    <M extends Message> RequestDispatcher acking(Class<M> type, Consumer<M> action) {
        return on(type, (from, request) -> {
            action.accept(request);
            return CompletableFuture.completedFuture(new Ack());
        });
    }

    @Override
    public CompletableFuture<Message> handle(String from, Message request) {
        try {
            return dispatch(from, request).exceptionally(RemoteFailures::toReply);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(RemoteFailures.toReply(e));
        }
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> CompletableFuture<Message> dispatch(String from, M request) {
        MessageHandler<M> handler = (MessageHandler<M>) handlers.get(request.getClass());
        if (handler == null) {
            return CompletableFuture.completedFuture(new Failure(Failure.Kind.INVALID_REQUEST,
                    "node " + nodeId + " does not serve " + request.getClass().getSimpleName(), 0, 0));
        }
        return handler.handle(from, request);
    }
}
