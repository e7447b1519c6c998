package io.dynamo.client;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.util.List;

/** A client of one pretend node that owns the whole ring: for tests of what goes on the wire. */
final class OneFakeNode implements AutoCloseable {
    final FakeCluster cluster = new FakeCluster("only");
    final FakeNode node = cluster.node("only");
    final DynamoClient client;

    OneFakeNode() {
        cluster.serveRing(Ring.initial(8, List.of(Member.of("only"))), 1);
        client = DynamoClient.builder().seed(node.base()).build();
    }

    List<FakeNode.Received> kvRequests() {
        return cluster.received(FakeNode.Received::isKv);
    }

    FakeNode.Received lastKv() {
        List<FakeNode.Received> kv = kvRequests();
        return kv.get(kv.size() - 1);
    }

    @Override
    public void close() {
        client.close();
        cluster.close();
    }
}
