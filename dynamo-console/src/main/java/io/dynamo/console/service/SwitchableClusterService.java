package io.dynamo.console.service;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.VersionsBody;
import java.net.URI;

/**
 * The cluster of the current connection: view models keep this one instance while the operator connects to
 * another URL or with other credentials.
 */
public final class SwitchableClusterService implements ClusterService {
    private volatile ClusterService target;

    public void use(ClusterService service) {
        this.target = service;
    }

    private ClusterService target() {
        ClusterService now = target;
        if (now == null) {
            throw new IllegalStateException(
                    "not connected: enter a node's URL and the admin credentials, then Connect");
        }
        return now;
    }

    @Override
    public RingBody ring() {
        return target().ring();
    }

    @Override
    public NodesBody nodes() {
        return target().nodes();
    }

    @Override
    public KeyPlacementBody placement(String key) {
        return target().placement(key);
    }

    @Override
    public KeyVersionsBody versions(String key) {
        return target().versions(key);
    }

    @Override
    public VersionsBody read(String key) {
        return target().read(key);
    }

    @Override
    public String write(String key, byte[] value, String contentType, String context) {
        return target().write(key, value, contentType, context);
    }

    @Override
    public PlanBody planJoin(String node, int weight) {
        return target().planJoin(node, weight);
    }

    @Override
    public PlanBody commitJoin(String node, int weight, long ringVersion) {
        return target().commitJoin(node, weight, ringVersion);
    }

    @Override
    public PlanBody planLeave(String node) {
        return target().planLeave(node);
    }

    @Override
    public PlanBody commitLeave(String node, long ringVersion) {
        return target().commitLeave(node, ringVersion);
    }

    @Override
    public ExchangeBody antiEntropy(int partition) {
        return target().antiEntropy(partition);
    }

    @Override
    public URI currentNode() {
        return target().currentNode();
    }
}
