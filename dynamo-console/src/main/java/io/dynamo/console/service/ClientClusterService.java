package io.dynamo.console.service;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.client.DynamoAdmin;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.RouteEvent;
import io.dynamo.client.Sibling;
import io.dynamo.client.Versions;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The console's calls through {@link DynamoClient}: its routing, failover and errors. */
public final class ClientClusterService implements ClusterService {
    private final DynamoClient client;
    private final DynamoAdmin admin;
    private final AtomicReference<URI> lastAnswered;

    /**
     * @param lastAnswered the node that answered last, kept up to date by {@link #tracking}, registered as the
     *                     client's listener
     */
    public ClientClusterService(DynamoClient client, AtomicReference<URI> lastAnswered) {
        this.client = client;
        this.admin = client.admin();
        this.lastAnswered = lastAnswered;
    }

    /** A route listener that keeps the node that answered last. */
    public static Consumer<RouteEvent> tracking(AtomicReference<URI> lastAnswered) {
        return event -> {
            if (event.outcome() == RouteEvent.Outcome.ANSWERED) {
                lastAnswered.set(event.node());
            }
        };
    }

    @Override
    public RingBody ring() {
        return admin.ring();
    }

    @Override
    public NodesBody nodes() {
        return admin.nodes();
    }

    @Override
    public KeyPlacementBody placement(String key) {
        return admin.placement(key);
    }

    @Override
    public KeyVersionsBody versions(String key) {
        return admin.keyVersions(key);
    }

    @Override
    public VersionsBody read(String key) {
        Versions versions = client.get(key);
        Base64.Encoder base64 = Base64.getEncoder();
        List<SiblingBody> siblings = versions.siblings().stream()
                .map(s -> new SiblingBody(base64.encodeToString(s.value()), s.contentType(),
                        s.lastModified() == null ? null : s.lastModified().toString())).toList();
        return new VersionsBody(versions.context(), siblings);
    }

    @Override
    public String write(String key, byte[] value, String contentType, String context) {
        return client.put(key, context, value, contentType == null ? Sibling.OCTET_STREAM : contentType);
    }

    @Override
    public PlanBody planJoin(String node, int weight) {
        return admin.planJoin(node, weight);
    }

    @Override
    public PlanBody commitJoin(String node, int weight, long ringVersion) {
        return admin.commitJoin(node, weight, ringVersion);
    }

    @Override
    public PlanBody planLeave(String node) {
        return admin.planLeave(node);
    }

    @Override
    public PlanBody commitLeave(String node, long ringVersion) {
        return admin.commitLeave(node, ringVersion);
    }

    @Override
    public ExchangeBody antiEntropy(int partition) {
        return admin.antiEntropy(partition);
    }

    @Override
    public URI currentNode() {
        URI last = lastAnswered.get();
        return last != null ? last : client.knownNodes().get(0);
    }
}
