package io.dynamo.ejb;

import io.dynamo.core.base.DynamoException;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.infra.NodeAssembler;
import io.dynamo.infra.jgroups.JGroupsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Owns the lifecycle of this server's node: built when the application deploys, closed when it undeploys. A bad
 * setting or an unusable data directory fails the deployment with a message that names the cause. The node's pools
 * run on threads of the server's default managed thread factory: threads the container creates and knows, with the
 * application's class loader and naming context, while a task costs what it costs on a plain pool (docs/architecture.md,
 * "Threads in the server", says why not managed executors).
 */
@Singleton
@Startup
// The node is thread-safe and this bean only hands it out: container write locks would serialise every request.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Nothing here is transactional: without this every call would begin and commit a JTA transaction.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DynamoNodeBean {
    private static final Logger LOG = Logger.getLogger(DynamoNodeBean.class.getName());

    @Inject
    Config config;

    /**
     * {@code java:comp/DefaultManagedThreadFactory}, which every server binds before any module starts. A factory the
     * application declares itself is bound with the module that declares it: in the EAR the web module's definitions
     * came too late for this startup bean ("No object bound to name"), and Payara Micro ignores definitions on an EJB
     * carried in WEB-INF/lib.
     */
    @Resource
    ManagedThreadFactory threads;

    private volatile NodeConfig nodeConfig;
    private volatile DynamoNode node;

    @PostConstruct
    void start() {
        try {
            Function<String, Optional<String>> source = name -> config.getOptionalValue(name, String.class);
            NodeSettings settings = new NodeSettings(source);
            nodeConfig = settings.read();
            Optional<JGroupsSettings> jgroups = settings.standalone()
                    ? Optional.empty() : Optional.of(JGroupsSettings.read(source, nodeConfig.nodeId()));
            node = NodeAssembler.assemble(nodeConfig, settings.readTiming(), settings.readCluster(), jgroups, threads);
        } catch (DynamoException e) {
            // Logged here as well because the container buries the cause several wrappers deep.
            LOG.severe("Dynamo node NOT started: " + e.getMessage());
            throw e;
        }
        NodeConfig c = nodeConfig;
        LOG.info(() -> String.format("Dynamo node %s started: data dir %s, N=%d R=%d W=%d Q=%d, "
                        + "max key %d bytes, max value %d bytes, clock entries %d",
                c.nodeId(), c.dataDir(), c.replicas(), c.readQuorum(), c.writeQuorum(), c.partitions(),
                c.maxKeyBytes(), c.maxValueBytes(), c.clockMaxEntries()));
    }

    @PreDestroy
    void stop() {
        DynamoNode running = node;
        node = null;
        if (running == null) {
            return;
        }
        try {
            running.close();
            // Seen on undeploy; on SIGTERM Payara may have closed its log handlers already, so this line can be lost.
            LOG.info(() -> "Dynamo node " + nodeConfig.nodeId() + " stopped");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dynamo node " + nodeConfig.nodeId() + " did not close cleanly", e);
        }
    }

    /** @throws IllegalStateException after the node was closed (the application is undeploying) */
    public DynamoNode node() {
        DynamoNode running = node;
        if (running == null) {
            throw new IllegalStateException("the Dynamo node is not running");
        }
        return running;
    }

    public NodeConfig nodeConfig() {
        return nodeConfig;
    }
}
