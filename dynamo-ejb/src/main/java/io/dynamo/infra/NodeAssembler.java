package io.dynamo.infra;

import io.dynamo.core.backup.BackupSupport;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeServices;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.infra.jgroups.JGroupsSettings;
import io.dynamo.infra.jgroups.JGroupsTransport;
import io.dynamo.infra.xodus.XodusHintStore;
import io.dynamo.infra.xodus.XodusStorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The one place a node is wired from its config: the EJB uses it, and so do tests that start real nodes. */
public final class NodeAssembler {
    /** Threads answering peers: handlers may wait on the store, so a few run at once. */
    private static final int PEER_THREADS = 8;
    private static final Logger LOG = Logger.getLogger(NodeAssembler.class.getName());

    private NodeAssembler() {
    }

    /** A node alone in its own ring, with no cluster transport. */
    public static DynamoNode assemble(NodeConfig config) {
        return assemble(config, NodeTiming.DEFAULTS, ClusterSettings.standalone(""), Optional.empty());
    }

    /** A node on plain threads, as tests run it. */
    public static DynamoNode assemble(NodeConfig config, NodeTiming timing, ClusterSettings cluster,
                                      Optional<JGroupsSettings> jgroups) {
        return assemble(config, timing, cluster, jgroups, Executors.defaultThreadFactory());
    }

    /**
     * @param jgroups the cluster transport's settings, or empty for a node that runs alone
     * @param threads makes the threads of the node's pools (in the server the application's managed thread factory)
     */
    public static DynamoNode assemble(NodeConfig config, NodeTiming timing, ClusterSettings cluster,
                                      Optional<JGroupsSettings> jgroups, ThreadFactory threads) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            boolean restored = RestoreMarkers.pending(config.dataDir());
            Path storeDir = directory(config, "store");
            XodusStorageEngine xodus = restored
                    ? XodusStorageEngine.openAsNewIncarnation(storeDir, config.durability().interval())
                    : XodusStorageEngine.open(storeDir, config.durability().interval());
            opened.add(xodus);
            if (restored) {
                RestoreMarkers.applied(config.dataDir());
                LOG.warning(() -> "Dynamo node " + config.nodeId() + " starts on data restored from a backup, as "
                        + "the new incarnation " + xodus.incarnation() + " of its store");
            }
            StorageEngine storage = decorated(xodus,
                    ServiceLoader.load(StorageDecorator.class, StorageDecorator.class.getClassLoader()), config);
            XodusHintStore hints = XodusHintStore.open(directory(config, "hints"), config.durability().interval());
            opened.add(hints);
            FileMembershipStore membership = FileMembershipStore.in(config.dataDir());
            // Every thread starts now, on the caller's thread: a managed thread factory gives a thread the context
            // of the thread that asks for it, and later requests would come from threads without the application's.
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, named(threads, config, "timer"));
            timer.setRemoveOnCancelPolicy(true);
            timer.prestartAllCoreThreads();
            opened.add(timer::shutdownNow);
            ThreadPoolExecutor peerThreads = new ThreadPoolExecutor(PEER_THREADS, PEER_THREADS, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), named(threads, config, "peer"));
            peerThreads.prestartAllCoreThreads();
            opened.add(peerThreads::shutdownNow);
            ThreadPoolExecutor backupThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), named(threads, config, "backup"));
            backupThread.prestartAllCoreThreads();
            opened.add(backupThread::shutdownNow);
            ClusterTransport transport = jgroups.isPresent()
                    ? JGroupsTransport.start(jgroups.get(), peerThreads, timer)
                    : new NoPeersTransport(config.nodeId());
            opened.add(transport);
            BackupSupport backups = new BackupSupport(jgroups.map(JGroupsSettings::clusterName).orElse(""),
                    List.of(xodus.backupSource("store"), hints.backupSource("hints"),
                            membership.backupSource(FileMembershipStore.FILE_NAME)), backupThread);
            NodeServices services = new NodeServices(config, timing, withViewAsSeeds(cluster, transport),
                    storage, hints, membership, transport, new ExecutorScheduler(timer, () -> {
                        peerThreads.shutdownNow();
                        backupThread.shutdownNow();
                    }), backups);
            DynamoNode node = new DynamoNode(services);
            if (transport instanceof JGroupsTransport group) {
                // JGroups' own failure detection feeds the node's detector.
                group.onSuspect(node.failureDetector()::suspect);
            }
            return node.start();
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** Applies every {@link StorageDecorator} found, in the order of their class names, and says so in the log. */
    static StorageEngine decorated(StorageEngine storage, Iterable<StorageDecorator> found, NodeConfig config) {
        List<StorageDecorator> decorators = new ArrayList<>();
        found.forEach(decorators::add);
        decorators.sort(Comparator.comparing(d -> d.getClass().getName()));
        StorageEngine result = storage;
        for (StorageDecorator decorator : decorators) {
            LOG.warning(() -> "Dynamo node " + config.nodeId() + ": storage decorated by "
                    + decorator.getClass().getName() + " (a StorageDecorator on the class path)");
            result = decorator.decorate(result);
        }
        return result;
    }

    /** The members JGroups found at start are gossip seeds too, so a new node needs no list of node ids. */
    private static ClusterSettings withViewAsSeeds(ClusterSettings cluster, ClusterTransport transport) {
        if (!(transport instanceof JGroupsTransport group)) {
            return cluster;
        }
        Set<String> seeds = new LinkedHashSet<>(cluster.seeds());
        seeds.addAll(group.members());
        seeds.remove(transport.localNode());
        return new ClusterSettings(cluster.httpAddress(), cluster.bootstrap(), List.copyOf(seeds),
                cluster.gossipInterval(), cluster.gossipSeed());
    }

    private static ThreadFactory named(ThreadFactory base, NodeConfig config, String role) {
        return r -> {
            Thread t = base.newThread(r);
            t.setName("dynamo-" + config.nodeId() + "-" + role + "-" + t.getName());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeAll(List<AutoCloseable> opened, RuntimeException failure) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
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
