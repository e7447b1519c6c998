package io.dynamo.infra;

import io.dynamo.core.ClusterSettings;
import io.dynamo.core.DynamoNode;
import io.dynamo.core.NodeConfig;
import io.dynamo.core.NodeServices;
import io.dynamo.core.NodeTiming;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.infra.xodus.XodusHintStore;
import io.dynamo.infra.xodus.XodusStorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one place a node is wired from its config: the EJB uses it, and so do tests that start real nodes. */
public final class NodeAssembler {
    private NodeAssembler() {
    }

    /** A node alone in its ring (its own data, its own hints); the cluster transport joins it to others. */
    public static DynamoNode assemble(NodeConfig config) {
        StorageEngine storage = XodusStorageEngine.open(directory(config, "store"), false);
        HintStore hints;
        try {
            hints = XodusHintStore.open(directory(config, "hints"), false);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("dynamo-" + config.nodeId() + "-" + t.getName());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        ExecutorScheduler scheduler = new ExecutorScheduler(executor);
        NodeServices services = new NodeServices(config, NodeTiming.DEFAULTS, ClusterSettings.standalone(""),
                storage, hints, FileMembershipStore.in(config.dataDir()), new NoPeersTransport(config.nodeId()),
                scheduler);
        return new DynamoNode(services).start();
    }

    private static Path directory(NodeConfig config, String name) {
        Path dir = config.dataDir().resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create the directory " + dir + " for node " + config.nodeId() + ": "
                    + e + "; set dynamo.data.dir to a writable directory", e);
        }
        return dir;
    }
}
