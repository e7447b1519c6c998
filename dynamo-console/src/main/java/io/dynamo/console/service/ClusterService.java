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
 * What the console asks of the cluster: the admin API and the two kv calls that resolve siblings. Calls block and
 * throw {@link io.dynamo.client.DynamoClientException}; view models make them through a {@code BackgroundExecutor}.
 */
public interface ClusterService {
    RingBody ring();

    NodesBody nodes();

    KeyPlacementBody placement(String key);

    KeyVersionsBody versions(String key);

    /** {@code GET /kv/{key}} as JSON: every sibling and the context that supersedes them all. */
    VersionsBody read(String key);

    /** {@code PUT /kv/{key}} with the context of a read; answers the new context. */
    String write(String key, byte[] value, String contentType, String context);

    PlanBody planJoin(String node, int weight);

    PlanBody commitJoin(String node, int weight, long ringVersion);

    PlanBody planLeave(String node);

    PlanBody commitLeave(String node, long ringVersion);

    ExchangeBody antiEntropy(int partition);

    /** The node requests go to now. */
    URI currentNode();
}
