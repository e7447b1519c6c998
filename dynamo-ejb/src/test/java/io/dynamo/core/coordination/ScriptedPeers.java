package io.dynamo.core.coordination;

import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A coordinator's transport whose every request waits until the test answers or fails it, one at a time. */
final class ScriptedPeers implements ClusterTransport {
    record Call(String target, Message request, CompletableFuture<Message> reply) {
    }

    final List<Call> calls = new ArrayList<>();
    private final String self;

    ScriptedPeers(String self) {
        this.self = self;
    }

    /** Answers the node's pending read with its versions. */
    void answer(String node, SiblingSet versions) {
        Call read = pending(node);
        read.reply().complete(new ReplicaState(((ReadReplica) read.request()).key(), versions));
    }

    /** Acknowledges the node's pending replica write. */
    void ack(String node) {
        ack(node, false);
    }

    /** Acknowledges the node's pending replica write, saying whether the node synced it. */
    void ack(String node, boolean synced) {
        pending(node).reply().complete(new Ack(synced));
    }

    /** Fails the node's pending request as a timeout would. */
    void fail(String node) {
        pending(node).reply().completeExceptionally(new UnreachableException(node, "no answer"));
    }

    /** What was sent to the node, in order. */
    List<Message> sentTo(String node) {
        return calls.stream().filter(c -> c.target().equals(node)).map(Call::request).toList();
    }

    private Call pending(String node) {
        return calls.stream().filter(c -> c.target().equals(node) && !c.reply().isDone()).findFirst()
                .orElseThrow(() -> new AssertionError(node + " has no request waiting; sent: " + calls));
    }

    @Override
    public String localNode() {
        return self;
    }

    @Override
    public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
        Call call = new Call(target, request, new CompletableFuture<>());
        calls.add(call);
        return call.reply();
    }

    @Override
    public void serve(RequestHandler handler) {
    }

    @Override
    public void close() {
    }
}
