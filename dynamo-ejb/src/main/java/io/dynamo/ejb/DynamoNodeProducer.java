package io.dynamo.ejb;

import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes the node's narrow faces (key-value service, read model, admin commands) and its settings injectable with
 * {@code @Inject}; the node itself is not, so the REST layer cannot reach into it. Dependent scope: each face is
 * the singleton node's own instance anyway.
 */
@ApplicationScoped
public class DynamoNodeProducer {
    @Inject
    DynamoNodeBean bean;

    /** The node's asynchronous key-value face, for the REST resource. */
    @Produces
    KeyValueService keyValues() {
        return bean.node().keyValues();
    }

    /** Snapshots of the node's state, for the admin, metrics and health views. */
    @Produces
    NodeView view() {
        return bean.node().view();
    }

    /** The namespaces, for the admin API and the check of a namespace's role. */
    @Produces
    NodeNamespaces namespaces() {
        return bean.node().namespaces();
    }

    /** The admin API's commands. */
    @Produces
    NodeAdmin admin() {
        return bean.node().admin();
    }

    @Produces
    NodeConfig nodeConfig() {
        return bean.nodeConfig();
    }
}
