package io.dynamo.testkit;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeServices;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Many nodes in one JVM on a simulated network and clock, built through the same {@link DynamoNode} wiring as
 * production with in-memory stores. A crashed node keeps its stores; a restart builds a new node over them; a wipe
 * replaces them with empty ones, as when a node's disk is lost.
 */
public final class LocalCluster implements AutoCloseable {
    public static final Duration CLIENT_LIMIT = Duration.ofSeconds(30);

    private final SimulatedScheduler scheduler = new SimulatedScheduler(1_700_000_000_000L);
    private final SimulatedNetwork network;
    private final NodeTiming timing;
    private final NodeConfig template;
    private int maxInFlight = NodeConfig.DEFAULT_MAX_IN_FLIGHT;
    private final NodeWiring wiring;
    private final EventTimes wipeTimes = new EventTimes();
    private int wipes;
    private final Map<String, InMemoryStorageEngine> storages = new LinkedHashMap<>();
    private final Map<String, InMemoryMembershipStore> memberships = new LinkedHashMap<>();
    private final Map<String, InMemoryHintStore> hints = new LinkedHashMap<>();
    private final Map<String, DynamoNode> running = new LinkedHashMap<>();
    private final Map<String, int[]> quorums = new LinkedHashMap<>();

    public LocalCluster(long seed, int nodes, int n, int r, int w, int partitions, NodeTiming timing) {
        this(seed, nodes, n, r, w, partitions, timing, NodeWiring.PLAIN);
    }

    public LocalCluster(long seed, int nodes, int n, int r, int w, int partitions, NodeTiming timing,
                        NodeWiring wiring) {
        this.network = new SimulatedNetwork(scheduler, seed);
        this.timing = timing;
        this.wiring = wiring;
        this.template = new NodeConfig("template", Path.of("unused"), n, r, w, partitions,
                NodeConfig.DEFAULT_MAX_KEY_BYTES, NodeConfig.DEFAULT_MAX_VALUE_BYTES, wiring.clockMaxEntries(),
                NodeConfig.DEFAULT_SIBLINGS_WARN, NodeConfig.DEFAULT_SIBLINGS_MAX);
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            members.add(Member.of("n" + i));
        }
        // The cluster starts formed, as after earlier joins: every node has the same stored ring.
        MembershipState formed = MembershipState.of(Ring.initial(partitions, members)
                        .withSettings(new RingSettings(n, r, w)),
                members.stream().map(m -> new NodeInfo(m.nodeId(), "", NodeStatus.JOINED, 1)).toList());
        for (Member m : members) {
            add(m.nodeId());
            memberships.get(m.nodeId()).save(formed);
        }
        for (Member m : members) {
            start(m.nodeId());
        }
    }

    private void add(String id) {
        storages.put(id, new InMemoryStorageEngine("i" + storages.size()));
        hints.put(id, new InMemoryHintStore());
        memberships.put(id, new InMemoryMembershipStore());
    }

    /**
     * Starts a new node that knows only the current nodes as seeds, and joins it through an admin plan committed
     * at {@code via}; gossip spreads the new ring and partition transfer moves the data.
     */
    public PartitionPlan join(String id, String via) {
        addNode(id);
        return change(via, RingChange.join(id, 1));
    }

    /**
     * Plans the changes at {@code via} and commits them as one ring change; nodes they add must have been started
     * ({@link #addNode}). Re-plans while a newcomer has not announced itself yet; fails with any other refusal.
     */
    public PartitionPlan change(String via, RingChange... changes) {
        DynamoNode admin = node(via);
        for (int tries = 0; ; tries++) {
            PartitionPlan plan = admin.admin().plan(admin.view().ring(), List.of(changes));
            try {
                commit(via, plan);
                return plan;
            } catch (JoinRefusedException notYet) {
                if (tries > 100) {
                    throw notYet;
                }
                runFor(Duration.ofMillis(100));
            }
        }
    }

    /** Starts a new node as {@link #addNode(String)} does, but set to other N, R and W than the cluster's. */
    public void addNode(String id, int n, int r, int w) {
        quorums.put(id, new int[] {n, r, w});
        addNode(id);
    }

    /** Starts a new node on empty stores that knows the other nodes as seeds; it is not in the ring until joined. */
    public void addNode(String id) {
        if (storages.containsKey(id)) {
            throw new IllegalStateException("node " + id + " exists");
        }
        add(id);
        start(id);
    }

    /** Makes a node leave through an admin plan committed at {@code via}. */
    public PartitionPlan leave(String id, String via) {
        DynamoNode admin = node(via);
        PartitionPlan plan = admin.admin().planLeave(admin.view().ring(), id);
        commit(via, plan);
        return plan;
    }

    /** Commits the plan through {@code via} (and the claimant), waiting; fails with the refusal itself. */
    public void commit(String via, PartitionPlan plan) {
        try {
            await(node(via).admin().commit(plan));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Quick settings for tests: short timeouts and frequent background rounds. */
    public static NodeTiming fastTiming() {
        return new NodeTiming(Duration.ofMillis(100), Duration.ofMillis(200), 50, Duration.ofMillis(500),
                Duration.ofMillis(200));
    }

    public SimulatedScheduler scheduler() {
        return scheduler;
    }

    public SimulatedNetwork network() {
        return network;
    }

    /** The ring as the first running node sees it. */
    public Ring ring() {
        return running.values().iterator().next().view().ring();
    }

    public List<String> nodeIds() {
        return new ArrayList<>(storages.keySet());
    }

    public DynamoNode node(String id) {
        DynamoNode node = running.get(id);
        if (node == null) {
            throw new IllegalStateException("node " + id + " is not running");
        }
        return node;
    }

    public boolean isRunning(String id) {
        return running.containsKey(id);
    }

    public InMemoryStorageEngine storage(String id) {
        return storages.get(id);
    }

    public InMemoryHintStore hintStore(String id) {
        return hints.get(id);
    }

    /** Takes the node off the network at once; its stores keep what they held. */
    public void crash(String id) {
        DynamoNode node = running.remove(id);
        if (node != null) {
            node.close();
        }
    }

    /**
     * Crashes the node for good: it is no longer one of {@link #nodeIds} (so nothing restarts or inspects it), as a
     * machine that is gone, which an operator then removes from the ring.
     */
    public void destroy(String id) {
        crash(id);
        storages.remove(id);
        hints.remove(id);
        memberships.remove(id);
    }

    public void restart(String id) {
        if (running.containsKey(id)) {
            throw new IllegalStateException("node " + id + " is running");
        }
        storages.put(id, InMemoryStorageEngine.reopen(storages.get(id)));
        start(id);
    }

    /**
     * Crashes the node (if it runs), loses its data and its hints, and starts it on empty stores; its ring is kept.
     * The new store is a new incarnation, as a fresh Xodus store is.
     */
    public void wipe(String id) {
        wipe(id, "w" + ++wipes);
    }

    /** {@link #wipe(String)} with the new store's incarnation chosen by the caller. */
    public void wipe(String id, String incarnation) {
        crash(id);
        storages.get(id).close();
        storages.put(id, new InMemoryStorageEngine(incarnation));
        hints.put(id, new InMemoryHintStore());
        wipeTimes.add(scheduler.nowMillis());
        start(id);
    }

    /** Whether some node lost its data within the range of simulated millis. */
    public boolean wipedBetween(long fromMillis, long toMillis) {
        return wipeTimes.anyBetween(fromMillis, toMillis);
    }

    public NodeTiming timing() {
        return timing;
    }

    /** Nodes started (or restarted) from now on take at most {@code max} key-value requests at once. */
    public void maxInFlight(int max) {
        maxInFlight = max;
    }

    private void start(String id) {
        NodeConfig config = new NodeConfig(id, template.dataDir(), template.replicas(), template.readQuorum(),
                template.writeQuorum(), template.partitions(), template.maxKeyBytes(), template.maxValueBytes(),
                template.clockMaxEntries(), template.siblingsWarn(), template.siblingsMax())
                .withMaxInFlight(maxInFlight);
        int[] quorum = quorums.get(id);
        if (quorum != null) {
            config = config.withQuorum(quorum[0], quorum[1], quorum[2]);
        }
        ClusterSettings cluster = new ClusterSettings("", false, new ArrayList<>(storages.keySet()),
                timing.probeInterval().multipliedBy(2), id.hashCode() * 31L + network.random().nextInt());
        NodeServices services = new NodeServices(config, timing, cluster, wiring.storage().apply(id, storages.get(id)),
                hints.get(id), memberships.get(id), network.transport(id),
                new SkewedScheduler(scheduler, wiring.clockOffsets().applyAsLong(id)));
        running.put(id, new DynamoNode(services).start());
    }

    /** Lets simulated time pass, running everything due. */
    public void runFor(Duration duration) {
        scheduler.advance(duration);
    }

    public <T> T await(CompletableFuture<T> future) {
        if (!scheduler.runUntil(future, CLIENT_LIMIT)) {
            throw new AssertionError("no answer within " + CLIENT_LIMIT + " of simulated time");
        }
        return future.join();
    }

    /** The key a test names: {@code "carts::k"} is key k of namespace carts, any other name a default key. */
    public static Key key(String name) {
        int at = name.indexOf("::");
        return at < 0 ? Key.of(name) : Key.in(name.substring(0, at), name.substring(at + 2).getBytes(
                StandardCharsets.UTF_8));
    }

    public Context put(String via, String key, Context context, String value, int w) {
        return await(node(via).putAsync(key(key), context, text(value), OptionalInt.of(w)));
    }

    public ReadResult get(String via, String key, int r) {
        return await(node(via).getAsync(key(key), OptionalInt.of(r)));
    }

    /** What one node holds of a key in its own store (not its hints). */
    public SiblingSet stored(String id, String key) {
        return storages.get(id).read(key(key));
    }

    public static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    public static String text(Value v) {
        return new String(v.bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::crash);
    }
}
