package io.dynamo.ejb;

import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.NodeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes the node, its key-value face and its settings injectable with {@code @Inject}. Dependent scope on purpose:
 * DynamoNode is a final class that CDI cannot proxy, and the instance is the singleton's anyway.
 */
@ApplicationScoped
public class DynamoNodeProducer {
    @Inject
    DynamoNodeBean bean;

    @Produces
    DynamoNode node() {
        return bean.node();
    }

    /** The node's asynchronous key-value face, for the REST resource. */
    @Produces
    KeyValueService keyValues() {
        return bean.node().keyValues();
    }

    @Produces
    NodeConfig nodeConfig() {
        return bean.nodeConfig();
    }
}
