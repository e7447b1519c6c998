package io.dynamo.jaxrs.health;

import io.dynamo.core.node.NodeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live once the node bean has started (its deployment fails otherwise), joined to a ring or not. */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {
    @Inject
    NodeConfig config;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dynamo-node").up().withData("nodeId", config.nodeId()).build();
    }
}
