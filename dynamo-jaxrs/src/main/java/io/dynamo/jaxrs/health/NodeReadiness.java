package io.dynamo.jaxrs.health;

import io.dynamo.core.NodeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the node bean has started (deployment fails otherwise); scripts and tests wait on it. Reports the
 * node's identity and quorum settings so an operator can see at a glance which node answers.
 */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {
    @Inject
    NodeConfig config;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dynamo-node")
                .up()
                .withData("nodeId", config.nodeId())
                .withData("n", config.replicas())
                .withData("r", config.readQuorum())
                .withData("w", config.writeQuorum())
                .withData("q", config.partitions())
                .build();
    }
}
