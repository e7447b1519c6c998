package io.dynamo.console.testing;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.client.DynamoClientException;
import io.dynamo.console.service.ClusterService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A cluster for view model tests: answers the recorded responses, logs every call, fails on demand. */
public final class FakeCluster implements ClusterService {
    public final List<String> calls = new ArrayList<>();
    private DynamoClientException failure;
    private String versions = "versions-cart-alice.json";
    private String placement = "placement-replica-down.json";

    /** Every following call throws this. */
    public FakeCluster failWith(DynamoClientException e) {
        this.failure = e;
        return this;
    }

    public FakeCluster placementFrom(String recorded) {
        this.placement = recorded;
        return this;
    }

    public FakeCluster versionsFrom(String recorded) {
        this.versions = recorded;
        return this;
    }

    private <T> T answer(String call, String recorded, Class<T> type) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        return Recorded.read(recorded, type);
    }

    @Override
    public RingBody ring() {
        return answer("ring", "ring.json", RingBody.class);
    }

    @Override
    public NodesBody nodes() {
        return answer("nodes", "nodes.json", NodesBody.class);
    }

    @Override
    public KeyPlacementBody placement(String key) {
        return answer("placement " + key, placement, KeyPlacementBody.class);
    }

    @Override
    public KeyVersionsBody versions(String key) {
        return answer("versions " + key, versions, KeyVersionsBody.class);
    }

    @Override
    public VersionsBody read(String key) {
        calls.add("read " + key);
        if (failure != null) {
            throw failure;
        }
        return new VersionsBody("ctx-of-read", List.of(new SiblingBody("Ymx1ZQ==", "text/plain", null),
                new SiblingBody("Z3JlZW4=", "text/plain", null)));
    }

    @Override
    public String write(String key, byte[] value, String contentType, String context) {
        calls.add("write " + key + " " + new String(value, StandardCharsets.UTF_8) + " " + contentType + " " + context);
        if (failure != null) {
            throw failure;
        }
        return "ctx-after-write";
    }

    @Override
    public PlanBody planJoin(String node, int weight) {
        return answer("planJoin " + node + " " + weight, "plan-join-node4.json", PlanBody.class);
    }

    @Override
    public PlanBody commitJoin(String node, int weight, long ringVersion) {
        return answer("commitJoin " + node + " " + weight + " " + ringVersion, "plan-join-node4.json", PlanBody.class);
    }

    @Override
    public PlanBody planLeave(String node) {
        return answer("planLeave " + node, "plan-leave-node3.json", PlanBody.class);
    }

    @Override
    public PlanBody commitLeave(String node, long ringVersion) {
        return answer("commitLeave " + node + " " + ringVersion, "plan-leave-node3.json", PlanBody.class);
    }

    @Override
    public ExchangeBody antiEntropy(int partition) {
        return answer("antiEntropy " + partition, "exchange-0.json", ExchangeBody.class);
    }

    @Override
    public URI currentNode() {
        return URI.create("http://127.0.0.1:28080/dynamo/api/v1/");
    }

    public static DynamoClientException status(int status, String error, String detail) {
        URI node = URI.create("http://127.0.0.1:28080/dynamo/api/v1/");
        return DynamoClientException.answered(status, error, detail, node, List.of(node));
    }
}
