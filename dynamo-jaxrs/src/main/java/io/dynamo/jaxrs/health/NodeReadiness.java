package io.dynamo.jaxrs.health;

import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.node.NodeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the node's store is open (the bean started) and the node is a member of the ring it knows: a node
 * that still waits to be joined is live but not ready, and so is one whose last write to its store failed. Reports the node's identity, quorum settings and ring
 * version so an operator can see at a glance which node answers and whether it has joined.
 */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {
    @Inject
    NodeConfig config;

    @Inject
    NodeView node;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("dynamo-node")
                .withData("nodeId", config.nodeId())
                .withData("n", node.settings().replicas())
                .withData("r", node.settings().readQuorum())
                .withData("w", node.settings().writeQuorum())
                .withData("q", config.partitions());
        if (node.settings().replicas() != config.replicas() || node.settings().readQuorum() != config.readQuorum()
                || node.settings().writeQuorum() != config.writeQuorum()) {
            // The cluster's settings win over the node's own, which matter only to a cluster's first node.
            answer.withData("ownSettings", "N=" + config.replicas() + " R=" + config.readQuorum() + " W="
                    + config.writeQuorum() + " (dynamo.n, dynamo.r, dynamo.w; the cluster keeps "
                    + node.settings() + ")");
        }
        var storageFailure = node.storageFailure();
        if (storageFailure.isPresent()) {
            return answer.down().withData("reason", "the last write to the store failed: " + storageFailure.get()
                    + "; free space or fix the permissions of " + config.dataDir() + " (the node is ready again after"
                    + " its next successful write)").build();
        }
        try {
            var ring = node.ring();
            boolean member = ring.contains(config.nodeId());
            answer.withData("ringVersion", ring.version()).withData("joined", member);
            return (member ? answer.up() : answer.down()
                    .withData("reason", "not a member of the ring yet: join it through the admin API")).build();
        } catch (RingUnknownException e) {
            return answer.down().withData("joined", false).withData("reason", e.getMessage()).build();
        }
    }
}
