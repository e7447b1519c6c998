package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.AntiEntropySettings;
import io.dynamo.core.antientropy.MerkleQuery;
import io.dynamo.core.antientropy.PartitionTrees;
import io.dynamo.core.antientropy.RemoveTombstone;
import io.dynamo.core.antientropy.SegmentQuery;
import io.dynamo.core.antientropy.TombstoneReaper;
import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.NodeBackup;
import io.dynamo.core.base.Causes;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.Key;
import io.dynamo.core.base.ValueTooLargeException;
import io.dynamo.core.coordination.CoordinateGet;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.coordination.LocalReplica;
import io.dynamo.core.coordination.ReadCoordinator;
import io.dynamo.core.coordination.RemoteFailures;
import io.dynamo.core.coordination.WriteCoordinator;
import io.dynamo.core.handoff.BoundedHintStore;
import io.dynamo.core.handoff.HintedHandoffService;
import io.dynamo.core.listing.KeyLister;
import io.dynamo.core.listing.KeyListing;
import io.dynamo.core.listing.KeyPage;
import io.dynamo.core.listing.KeyPageQuery;
import io.dynamo.core.listing.KeyPageReader;
import io.dynamo.core.listing.ListingCursor;
import io.dynamo.core.membership.ChangeRequest;
import io.dynamo.core.membership.Claimant;
import io.dynamo.core.membership.Gossip;
import io.dynamo.core.membership.Gossiper;
import io.dynamo.core.membership.LoadTable;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.PlanRequest;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transfer.PartitionTransfer;
import io.dynamo.core.transfer.TransferBatch;
import io.dynamo.core.transfer.TransferSettings;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * One Dynamo node: accepts get, put and delete for any key, checks them against the node's limits, and either
 * coordinates them (when it is one of the key's N replicas) or forwards them to the first reachable replica.
 */
public final class DynamoNode implements AutoCloseable {
    private final NodeServices services;
    private final NodeConfig config;
    private final LocalReplica local;
    private final PeerChannel peers;
    private final ReadCoordinator reads;
    private final WriteCoordinator writes;
    private final BoundedHintStore hints;
    private final HintedHandoffService handoff;
    private final PartitionTrees trees;
    private final AntiEntropyService antiEntropy;
    private final TombstoneReaper tombstones;
    private final MembershipService membership;
    private final LoadTable loads = new LoadTable();
    private final Gossiper gossiper;
    private final PartitionTransfer transfer;
    private final RequestDispatcher dispatcher;
    private final NodeKeyValues keyValues;
    private final NodeView view;
    private final NodeAdmin admin;
    private final KeySpaces keySpaces;
    private final NamespacePurge purge;
    private final NodeNamespaces namespaces;
    private final List<Scheduler.Cancellable> background = new ArrayList<>();
    private final KeySerializer conditionalWrites = new KeySerializer();
    private final KeyPageReader keyPages;
    private final KeyLister lister;

    public DynamoNode(NodeServices services) {
        this.services = services;
        this.config = services.config();
        Scheduler scheduler = services.scheduler();
        ReplicaStore store = new ReplicaStore(services.storage(), new DotSource(config.nodeId(), services.storage()),
                clockOf(scheduler), config.clockMaxEntries(),
                new SiblingLimits(config.nodeId(), config.siblingsWarn(), config.siblingsMax()));
        this.peers = new PeerChannel(services.transport(), new FailureDetector(scheduler), scheduler,
                services.timing().requestTimeout());
        this.hints = new BoundedHintStore(services.hints(), services.timing().hints(),
                target -> downSince(peers.detector().health(target)), scheduler::nowMillis);
        this.local = new LocalReplica(store, hints, scheduler);
        ClusterSettings cluster = services.cluster();
        this.membership = MembershipService.open(config.nodeId(), cluster.httpAddress(), config.partitions(),
                new RingSettings(config.replicas(), config.readQuorum(), config.writeQuorum()), cluster.bootstrap(),
                services.membership());
        this.keySpaces = new KeySpaces(config, membership);
        this.purge = new NamespacePurge(config.nodeId(), store, scheduler, config.partitions());
        membership.onNamespacesChange(catalog -> namespacesChanged(catalog, store));
        this.namespaces = new NodeNamespaces(config, membership, keySpaces, purge, services.storage());
        this.gossiper = new Gossiper(membership, peers, scheduler, cluster.seeds(), cluster.gossipInterval(),
                new Random(cluster.gossipSeed()), loads, services.storage()::keyCount);
        this.transfer = new PartitionTransfer(config.nodeId(), config.replicas(), membership.ringView(), store, peers,
                scheduler, TransferSettings.DEFAULTS.withCopyDelay(services.timing().forwardTimeout().multipliedBy(2)));
        membership.onRingChange(transfer);
        transfer.onIdle(membership::markLeft);
        transfer.onCopied(membership::confirm);
        this.reads = new ReadCoordinator(local, peers, scheduler);
        this.writes = new WriteCoordinator(local, peers);
        this.handoff = new HintedHandoffService(hints, peers, services.timing().hintsPerRound(), membership.ringView(),
                config.replicas(), (key, versions) -> local.write(key, versions, ""));
        this.trees = new PartitionTrees(services.storage(), config.partitions());
        this.antiEntropy = new AntiEntropyService(config.nodeId(), membership.ringView(), config.replicas(), store, trees,
                peers::call, scheduler, new AntiEntropySettings(services.timing().antiEntropyInterval(), 1000, 8));
        this.tombstones = new TombstoneReaper(config.nodeId(), membership.ringView(), config.replicas(), store,
                local::read, peers::call, scheduler, services.timing().tombstones());
        this.keyValues = new NodeKeyValues(this, scheduler, services.timing(), config.maxInFlight());
        NodeBackup backup = new NodeBackup(config.dataDir(), services.backups());
        this.view = new NodeReadModel(config, membership, peers.detector(), loads, store, handoff, hints, transfer,
                antiEntropy, reads, tombstones, new ReplicaCopies(config, this::preferenceList, local, peers), backup,
                keyValues::stats, peers.latencies());
        Claimant claimant = new Claimant(membership, peers, loads);
        this.admin = new NodeAdministration(antiEntropy, claimant, hints, config.replicas(), backup,
                this::backupFacts);
        this.keyPages = new KeyPageReader(services.storage(), config.partitions());
        this.lister = new KeyLister(membership.ringView(), keySpaces::holders,
                node -> node.equals(id()) || peers.detector().routable(node), this::keyPage,
                (key, versions) -> store.resolved(key, versions).isLiveAt(scheduler.nowMillis()), scheduler::nowMillis,
                services.timing().forwardTimeout());
        this.dispatcher = new RequestDispatcher(config.nodeId())
                .on(ReadReplica.class, (from, m) -> done(new ReplicaState(m.key(), local.read(m.key()))))
                .on(WriteReplica.class, (from, m) -> done(writeReplica(m)))
                .acking(Ping.class, m -> { })
                .on(CoordinateGet.class, (from, m) -> coordinateGet(m.key(), m.readQuorum())
                        .thenApply(v -> new ReplicaState(m.key(), v)))
                .on(CoordinatePut.class, this::coordinateForwardedPut)
                .acking(RemoveTombstone.class, tombstones::remove)
                .acking(TransferBatch.class, m -> m.states().forEach(s -> local.write(s.key(), s.versions(), "")))
                .on(Gossip.class, gossiper::onGossip)
                .on(ChangeRequest.class, (from, m) -> done(claimant.onRequest(m)))
                .on(PlanRequest.class, (from, m) -> done(claimant.onRequest(m)))
                .on(MerkleQuery.class, antiEntropy::onMerkleQuery)
                .on(SegmentQuery.class, antiEntropy::onSegmentQuery)
                .on(KeyPageQuery.class, (from, m) -> done(keyPages.read(m)));
    }

    /** Applies a new catalog: the namespaces' sibling limits and conflict policies, and the purge of those dropped. */
    private void namespacesChanged(NamespaceCatalog catalog, ReplicaStore store) {
        Set<String> latestWins = catalog.entries().values().stream()
                .filter(n -> !n.dropped() && n.settings().policy() == ConflictPolicy.LAST_WRITE_WINS)
                .map(Namespace::name).collect(Collectors.toUnmodifiableSet());
        store.resolveLatestWins(key -> !key.inDefaultNamespace() && latestWins.contains(key.namespace()));
        Map<String, int[]> limits = new HashMap<>();
        catalog.entries().values().stream().filter(n -> !n.dropped()).forEach(n -> limits.put(n.name(),
                new int[] {n.settings().siblingsWarn(), n.settings().siblingsMax()}));
        store.limits().forNamespaces(limits);
        purge.catalogChanged(catalog);
    }

    private Ack writeReplica(WriteReplica m) {
        local.write(m.key(), m.versions(), m.hintFor(), m.synced());
        if (m.hintFor().isEmpty()) {
            transfer.stored(m.key());
        }
        return new Ack(m.synced());
    }

    private CompletableFuture<Message> coordinateForwardedPut(String from, CoordinatePut m) {
        String operation = m.value().isTombstone() ? "delete" : "put";
        // The forwarder answers its client with the context alone: the values would cross the wire for nothing.
        return coordinatePut(m.key(), m.context(), m.value(), m.writeQuorum(), m.durableWrites(), operation)
                .thenApply(v -> new ReplicaState(m.key(), v.withoutSiblings()));
    }

    private static CompletableFuture<Message> done(Message reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** Starts answering peers and the background work (hint delivery, probing). */
    public DynamoNode start() {
        namespacesChanged(membership.state().namespaces(), local.store());
        // The trees must reflect the store before any write is reported to them.
        trees.rebuildAll();
        local.store().listen(trees);
        services.transport().serve((from, request) -> {
            if (!from.equals(config.nodeId())) {
                peers.detector().heardFrom(from); // proof of life, sooner than this node's next probe
            }
            return dispatcher.handle(from, request);
        });
        antiEntropy.start();
        tombstones.start();
        gossiper.start();
        transfer.start();
        NodeTiming timing = services.timing();
        Scheduler scheduler = services.scheduler();
        background.add(scheduler.every(timing.handoffInterval(), handoff::deliverRound));
        background.add(scheduler.every(timing.handoffInterval(), hints::expireOld));
        background.add(scheduler.every(timing.probeInterval(), peers::probeUnreachable));
        return this;
    }

    public String id() {
        return config.nodeId();
    }

    public NodeConfig config() {
        return config;
    }

    /** Fed by the transport's own suspicions (JGroups view changes) as well as by the node's calls. */
    public FailureDetector failureDetector() {
        return peers.detector();
    }

    /** What the admin, metrics and health views read: snapshots of the node's state. */
    public NodeView view() {
        return view;
    }

    /** The commands of the admin API. */
    public NodeAdmin admin() {
        return admin;
    }

    /** The namespaces: listed, planned and committed through the admin API. */
    public NodeNamespaces namespaces() {
        return namespaces;
    }

    /** The node's key-value operations, asynchronous and bounded in time: what the REST API calls. */
    public KeyValueService keyValues() {
        return keyValues;
    }

    /** {@link #keyValues()}'s get, waited for; for tests and tools. */
    public ReadResult get(Key key, OptionalInt readQuorum) {
        return await(keyValues.get(key, readQuorum));
    }

    /** @return the context of the new version */
    public Context put(Key key, Context context, Value value, OptionalInt writeQuorum) {
        return await(keyValues.put(key, context, value, writeQuorum, OptionalInt.empty()));
    }

    public Context delete(Key key, Context context, OptionalInt writeQuorum) {
        return await(keyValues.delete(key, context, writeQuorum, OptionalInt.empty()));
    }

    /**
     * Unbounded in time: simulations drive these on their own clock. {@link #keyValues()} adds the limit.
     *
     * @param readQuorum R for this request, or empty for the cluster's
     */
    public CompletableFuture<ReadResult> getAsync(Key key, OptionalInt readQuorum) {
        keySpaces.requireKeyWithinLimit(key);
        int r = quorum(key, "r", readQuorum, RingSettings::readQuorum);
        return coordinateGet(key, r).thenApply(versions -> ReadResult.of(versions, services.scheduler().nowMillis()));
    }

    public CompletableFuture<Context> putAsync(Key key, Context context, Value value, OptionalInt writeQuorum) {
        return putAsync(key, context, value, writeQuorum, OptionalInt.empty());
    }

    /** @param durableWrites dw for this request (1 to its W), or empty for the configured durability */
    public CompletableFuture<Context> putAsync(Key key, Context context, Value value, OptionalInt writeQuorum,
                                               OptionalInt durableWrites) {
        keySpaces.requireKeyWithinLimit(key);
        requireValueWithinLimit(key, value);
        int w = quorum(key, "w", writeQuorum, RingSettings::writeQuorum);
        return coordinatePut(key, context, withDefaultTtl(key, value), w, durableWrites(key, durableWrites, w), "put")
                .thenApply(SiblingSet::context);
    }

    public CompletableFuture<Context> deleteAsync(Key key, Context context, OptionalInt writeQuorum) {
        return deleteAsync(key, context, writeQuorum, OptionalInt.empty());
    }

    public CompletableFuture<Context> deleteAsync(Key key, Context context, OptionalInt writeQuorum,
                                                  OptionalInt durableWrites) {
        keySpaces.requireKeyWithinLimit(key);
        int w = quorum(key, "w", writeQuorum, RingSettings::writeQuorum);
        return coordinatePut(key, context, Value.tombstone(), w, durableWrites(key, durableWrites, w), "delete")
                .thenApply(SiblingSet::context);
    }

    /**
     * A put, or a delete when the value is a tombstone, made only if {@code condition} holds for the key's versions
     * as this node reads them at R just before writing; fails with {@link PreconditionFailedException} otherwise. The
     * write carries the context of that read merged with {@code context}, so it supersedes what the condition was
     * checked against. Conditional writes of one key taken by this node run one at a time (the check and the write of
     * one are never interleaved with another's); other nodes, and unconditional writes, are not held back, so this is
     * a best-effort check, not a linearizable one (docs/api.md).
     */
    public CompletableFuture<Context> writeIfAsync(WriteCondition condition, Key key, Context context, Value value,
                                                   OptionalInt readQuorum, OptionalInt writeQuorum,
                                                   OptionalInt durableWrites) {
        keySpaces.requireKeyWithinLimit(key);
        requireValueWithinLimit(key, value);
        int r = quorum(key, "r", readQuorum, RingSettings::readQuorum);
        int w = quorum(key, "w", writeQuorum, RingSettings::writeQuorum);
        int dw = durableWrites(key, durableWrites, w);
        String operation = value.isTombstone() ? "delete" : "put";
        return conditionalWrites.run(key, () -> coordinateGet(key, r).thenCompose(current -> {
            Context seen = current.context();
            Optional<String> refusal = condition.refusal(current.isLiveAt(services.scheduler().nowMillis()),
                    seen.tag());
            if (refusal.isPresent()) {
                return CompletableFuture.failedFuture(new PreconditionFailedException("the " + operation
                        + " of key '" + key + "' was not made: " + refusal.get()));
            }
            return coordinatePut(key, seen.merge(context), withDefaultTtl(key, value), w, dw, operation)
                    .thenApply(SiblingSet::context);
        }));
    }

    /** A put in a namespace with a default TTL expires then, unless it brought its own. */
    private Value withDefaultTtl(Key key, Value value) {
        return key.inDefaultNamespace() ? value
                : keySpaces.settings(key).withDefaultTtl(value, services.scheduler().nowMillis());
    }

    CompletableFuture<SiblingSet> coordinateGet(Key key, int r) {
        PreferenceList list = preferenceList(key);
        if (list.isReplica(id())) {
            return reads.read(key, list, r);
        }
        return forward(list.replicas(), 0, new CoordinateGet(key, r), "get", key);
    }

    /**
     * A page of the live keys of a namespace whose bytes start with {@code prefix}, from the cursor on (empty for the
     * first page); unbounded in time, as the other operations here, though a page stops starting requests after the
     * forward timeout. {@link #keyValues()} adds the limit on listings at once.
     */
    public CompletableFuture<KeyListing> keysAsync(String namespace, byte[] prefix, Optional<String> cursor,
                                                   int limit) {
        if (!namespace.equals(Key.DEFAULT_NAMESPACE)) {
            keySpaces.settings(namespace);
        }
        if (prefix.length > config.maxKeyBytes()) {
            throw new InvalidKeyException("the prefix has " + prefix.length + " bytes; no key is longer than "
                    + config.maxKeyBytes() + " (setting dynamo.max.key.bytes)");
        }
        ListingCursor from = cursor.map(c -> ListingCursor.decode(c, namespace, prefix))
                .orElseGet(() -> ListingCursor.start(namespace, prefix));
        return lister.page(from, limit);
    }

    /** A page of a partition's keys from a node: this one's store, or a peer's. */
    private CompletableFuture<KeyPage> keyPage(String node, KeyPageQuery query) {
        if (node.equals(id())) {
            return CompletableFuture.completedFuture(keyPages.read(query));
        }
        return peers.call(node, query).thenApply(reply -> {
            if (reply instanceof KeyPage page) {
                return page;
            }
            throw new IllegalStateException(reply instanceof Failure f ? f.message()
                    : "answered " + reply.getClass().getSimpleName());
        });
    }

    /** Coordinated by a replica that reads answer from, so the new version is stamped where the data is. */
    CompletableFuture<SiblingSet> coordinatePut(Key key, Context context, Value value, int w, int dw,
                                                String operation) {
        Ring ring = membership.ringView().get();
        int partition = ring.partitioner().partitionOf(key.md5());
        PreferenceList list = keySpaces.readList(ring, partition, key);
        if (list.isReplica(id())) {
            return writes.write(key, keySpaces.writeLists(ring, partition, key), context, value, w, dw,
                    operation);
        }
        return forward(list.replicas(), 0, new CoordinatePut(key, context, value, w, dw), operation, key);
    }

    /** Sends the request to the first replica that answers, in preference order. */
    private CompletableFuture<SiblingSet> forward(List<String> replicas, int from, Message request, String operation,
                                                  Key key) {
        int next = from;
        while (next < replicas.size() && !peers.detector().routable(replicas.get(next))) {
            next++;
        }
        if (next == replicas.size()) {
            return CompletableFuture.failedFuture(new InsufficientReplicasException(operation, key, 1, 0, id()));
        }
        String coordinator = replicas.get(next);
        int after = next + 1;
        return peers.call(coordinator, request, services.timing().forwardTimeout()).handle((reply, failure) -> {
            if (reply instanceof ReplicaState state) {
                return CompletableFuture.completedFuture(state.versions());
            }
            if (reply instanceof Failure f) {
                return CompletableFuture.<SiblingSet>failedFuture(
                        RemoteFailures.fromReply(f, operation, key, coordinator));
            }
            Throwable cause = Causes.unwrap(failure);
            if (cause instanceof UnreachableException u && u.maybeDelivered()) {
                // The coordinator may have done the work: trying another would make a second version of one write.
                return CompletableFuture.<SiblingSet>failedFuture(new InsufficientReplicasException(operation, key,
                        1, 0, id() + " (its coordinator " + coordinator + " did not answer in time)"));
            }
            return forward(replicas, after, request, operation, key);
        }).thenCompose(f -> f);
    }

    /** The replicas reads of the key go to: during a ring change, the previous ring's until the copies are made. */
    private PreferenceList preferenceList(Key key) {
        Ring ring = membership.ringView().get();
        return keySpaces.readList(ring, ring.partitioner().partitionOf(key.md5()), key);
    }

    /**
     * The request's R or W, or the cluster's; at most N. While the settings change, the smaller N and the larger R
     * and W of the two rings' ({@link Ring#requestSettings}).
     */
    private int quorum(Key key, String name, OptionalInt requested, ToIntFunction<RingSettings> clusterDefault) {
        if (!key.inDefaultNamespace()) {
            NamespaceSettings own = keySpaces.settings(key);
            int q = requested.orElse(clusterDefault.applyAsInt(new RingSettings(own.replicas(), own.readQuorum(),
                    own.writeQuorum())));
            if (q < 1 || q > own.replicas()) {
                throw new InvalidQuorumException(name + "=" + q + " is out of range: it must be between 1 and N="
                        + own.replicas() + " of namespace " + key.namespace());
            }
            return q;
        }
        RingSettings cluster = membership.settings();
        RingSettings limits = membership.ring().map(ring -> ring.requestSettings(cluster)).orElse(cluster);
        int q = requested.orElse(clusterDefault.applyAsInt(limits));
        if (q < 1 || q > limits.replicas()) {
            throw new InvalidQuorumException(name + "=" + q + " is out of range: it must be between 1 and N="
                    + limits.replicas() + (cluster.replicas() != limits.replicas() ? " (N goes to "
                    + cluster.replicas() + " once the change of settings under way is over)" : ""));
        }
        return q;
    }

    private void requireValueWithinLimit(Key key, Value value) {
        if (value.size() > config.maxValueBytes()) {
            throw new ValueTooLargeException("the value for key '" + key + "' has " + value.size()
                    + " bytes; the limit is " + config.maxValueBytes() + " (setting dynamo.max.value.bytes)");
        }
        if (!key.inDefaultNamespace() && value.size() > keySpaces.settings(key).maxValueBytes()) {
            throw new ValueTooLargeException("the value for key '" + key + "' has " + value.size()
                    + " bytes; namespace " + key.namespace() + " allows " + keySpaces.settings(key).maxValueBytes());
        }
    }

    /** The request's dw, or the configured one (never above the request's W, which may be lower than the cluster's). */
    private int durableWrites(Key key, OptionalInt requested, int w) {
        if (requested.isEmpty()) {
            int own = key.inDefaultNamespace() ? 0 : keySpaces.settings(key).durableWrites();
            return Math.min(own > 0 ? own : config.durability().durableWrites(), w);
        }
        int dw = requested.getAsInt();
        if (dw < 1 || dw > w) {
            throw new InvalidQuorumException("dw=" + dw + " is out of range: it must be between 1 and W=" + w);
        }
        return dw;
    }

    /** What a backup's manifest says of the node, as the backup starts: the ring it has, its settings, its keys. */
    private BackupManifest backupFacts() {
        MembershipState state = membership.state();
        RingSettings settings = state.ring().flatMap(Ring::settings).orElse(new RingSettings(config.replicas(),
                config.readQuorum(), config.writeQuorum()));
        return new BackupManifest(BackupManifest.FORMAT_VERSION, id(), services.backups().cluster(),
                state.ringVersion(), config.partitions(), settings.replicas(), settings.readQuorum(),
                settings.writeQuorum(), services.scheduler().nowMillis(), services.storage().keyCount(), List.of());
    }

    /** When an unreachable peer last answered; 0 when it is reachable or never answered. */
    private static long downSince(PeerHealth health) {
        return health.routable() ? 0 : health.lastContactMillis();
    }

    /** Waits for a stage of {@link #keyValues()}, which is bounded in time and fails with the exception itself. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = Causes.unwrap(e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    private static Clock clockOf(Scheduler scheduler) {
        // The versions' update times follow the scheduler, so simulations control them too.
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(scheduler.nowMillis());
            }
        };
    }

    @Override
    public void close() {
        background.forEach(Scheduler.Cancellable::cancel);
        gossiper.close();
        transfer.close();
        antiEntropy.close();
        tombstones.close();
        services.transport().close();
        services.hints().close();
        services.storage().close();
        if (services.scheduler() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("node " + id() + " could not stop its scheduler", e);
            }
        }
    }
}
