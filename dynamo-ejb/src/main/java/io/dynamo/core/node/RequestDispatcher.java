package io.dynamo.core.node;

import io.dynamo.core.coordination.LocalReplica;
import io.dynamo.core.coordination.RemoteFailures;
import io.dynamo.core.transport.Message;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** Answers requests from peers: replica reads and writes, forwarded client requests, probes, transfers. */
final class RequestDispatcher {
    private final DynamoNode node;
    private final LocalReplica local;
    private volatile BiFunction<String, Message, CompletableFuture<Message>> extension = (from, m) -> null;

    RequestDispatcher(DynamoNode node, LocalReplica local) {
        this.node = node;
        this.local = local;
    }

    /** Adds a handler for messages this class does not own (anti-entropy); it returns null for others. */
    void extend(BiFunction<String, Message, CompletableFuture<Message>> handler) {
        this.extension = handler;
    }

    CompletableFuture<Message> handle(String from, Message request) {
        try {
            return dispatch(from, request).exceptionally(RemoteFailures::toReply);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(RemoteFailures.toReply(e));
        }
    }

    private CompletableFuture<Message> dispatch(String from, Message request) {
        if (request instanceof Message.ReadReplica m) {
            return done(new Message.ReplicaState(m.key(), local.read(m.key())));
        }
        if (request instanceof Message.WriteReplica m) {
            local.write(m.key(), m.versions(), m.hintFor());
            if (m.hintFor().isEmpty()) {
                node.transfer().stored(m.key());
            }
            return done(new Message.Ack());
        }
        if (request instanceof Message.Ping) {
            return done(new Message.Ack());
        }
        if (request instanceof Message.CoordinateGet m) {
            return node.coordinateGet(m.key(), m.readQuorum())
                    .thenApply(v -> new Message.ReplicaState(m.key(), v));
        }
        if (request instanceof Message.CoordinatePut m) {
            String operation = m.value().isTombstone() ? "delete" : "put";
            // The forwarder answers its client with the context alone: the values would cross the wire for nothing.
            return node.coordinatePut(m.key(), m.context(), m.value(), m.writeQuorum(), operation)
                    .thenApply(v -> new Message.ReplicaState(m.key(), v.withoutSiblings()));
        }
        if (request instanceof Message.RemoveTombstone m) {
            node.tombstones().remove(m);
            return done(new Message.Ack());
        }
        if (request instanceof Message.TransferBatch m) {
            m.states().forEach(s -> local.write(s.key(), s.versions(), ""));
            return done(new Message.Ack());
        }
        CompletableFuture<Message> answer = extension.apply(from, request);
        if (answer != null) {
            return answer;
        }
        return done(new Message.Failure(Message.Failure.Kind.INVALID_REQUEST,
                "node " + node.id() + " does not serve " + request.getClass().getSimpleName(), 0, 0));
    }

    private static CompletableFuture<Message> done(Message reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
