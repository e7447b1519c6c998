package io.dynamo.client;

import io.dynamo.api.AntiEntropyBody;
import io.dynamo.api.BackupBody;
import io.dynamo.api.BackupRequestBody;
import io.dynamo.api.ExchangeBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.HintsPurgedBody;
import io.dynamo.api.KeyPaths;
import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.MembershipChangeBody;
import io.dynamo.api.NamespacePlanBody;
import io.dynamo.api.NamespaceRequestBody;
import io.dynamo.api.NamespacesBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.PlanChangeBody;
import io.dynamo.api.PlanRequestBody;
import io.dynamo.api.ReplaceBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.SettingsBody;
import io.dynamo.api.TransfersBody;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The admin API ({@code docs/admin-api.md}) through a {@link DynamoClient}: the same nodes, credentials, failover
 * and {@link DynamoClientException}. Calls that are not about a key go to any node, round-robin, and move on when
 * one does not answer; the answers that are one node's own (hints, transfers) say which node in
 * {@code answeredBy}. Thread-safe.
 */
public final class DynamoAdmin {
    private final DynamoClient client;
    /** The one node every call goes to; null to route like the client's other requests. */
    private final URI node;

    DynamoAdmin(DynamoClient client, URI node) {
        this.client = client;
        this.node = node;
    }

    public RingBody ring() {
        return get("admin/ring", RingBody.class);
    }

    public NodesBody nodes() {
        return get("admin/nodes", NodesBody.class);
    }

    public HintsBody hints() {
        return get("admin/hints", HintsBody.class);
    }

    public TransfersBody transfers() {
        return get("admin/transfers", TransfersBody.class);
    }

    /** The answering node's anti-entropy since it started: totals and one entry per partition exchanged. */
    public AntiEntropyBody antiEntropyStatus() {
        return get("admin/anti-entropy", AntiEntropyBody.class);
    }

    /** Where the key lives: its partition and preference list, as the answering node's ring says. */
    public KeyPlacementBody placement(String key) {
        return get("admin/ring/key/" + KeyPaths.segment(key), KeyPlacementBody.class);
    }

    /** The key's versions on each of its replicas, and their merge. */
    public KeyVersionsBody keyVersions(String key) {
        return get("admin/keys/" + KeyPaths.segment(key) + "/versions", KeyVersionsBody.class);
    }

    public PlanBody planJoin(String node, int weight) {
        return post("admin/join", new MembershipChangeBody(node, weight, null), PlanBody.class);
    }

    /** @param ringVersion the {@code fromVersion} of the plan reviewed: a ring changed since is refused (409) */
    public PlanBody commitJoin(String node, int weight, long ringVersion) {
        return post("admin/join/commit", new MembershipChangeBody(node, weight, ringVersion), PlanBody.class);
    }

    public PlanBody planLeave(String node) {
        return post("admin/leave", new MembershipChangeBody(node, null, null), PlanBody.class);
    }

    public PlanBody commitLeave(String node, long ringVersion) {
        return post("admin/leave/commit", new MembershipChangeBody(node, null, ringVersion), PlanBody.class);
    }

    /** Plans taking a dead node out of the ring; its partitions are copied from the other replicas. */
    public PlanBody planRemove(String node) {
        return post("admin/remove", new MembershipChangeBody(node, null, null), PlanBody.class);
    }

    public PlanBody commitRemove(String node, long ringVersion) {
        return post("admin/remove/commit", new MembershipChangeBody(node, null, ringVersion), PlanBody.class);
    }

    /** Plans replacing {@code node}, running or dead, by {@code with}, which takes exactly its partitions. */
    public PlanBody planReplace(String node, String with) {
        return post("admin/replace", new ReplaceBody(node, with, null), PlanBody.class);
    }

    public PlanBody commitReplace(String node, String with, long ringVersion) {
        return post("admin/replace/commit", new ReplaceBody(node, with, ringVersion), PlanBody.class);
    }

    /** Plans new N, R and W for the cluster (copies to the keys' new replicas, as in a node change). */
    public PlanBody planSettings(int n, int r, int w) {
        return post("admin/settings", new SettingsBody(n, r, w, null), PlanBody.class);
    }

    public PlanBody commitSettings(int n, int r, int w, long ringVersion) {
        return post("admin/settings/commit", new SettingsBody(n, r, w, ringVersion), PlanBody.class);
    }

    /** Plans several changes (joins, leaves, removes, replaces, settings) as one ring change. */
    public PlanBody plan(List<PlanChangeBody> changes) {
        return post("admin/plan", new PlanRequestBody(changes, null), PlanBody.class);
    }

    public PlanBody commitPlan(List<PlanChangeBody> changes, long ringVersion) {
        return post("admin/plan/commit", new PlanRequestBody(changes, ringVersion), PlanBody.class);
    }

    /** Every namespace, dropped ones included, with the answering node's key counts and its catalog version. */
    public NamespacesBody namespaces() {
        return get("admin/namespaces", NamespacesBody.class);
    }

    /** Plans a create, change or drop of a namespace: the entry the commit would make, and the catalog version. */
    public NamespacePlanBody planNamespace(NamespaceRequestBody request) {
        return post("admin/namespaces/plan", request, NamespacePlanBody.class);
    }

    /**
     * Commits the namespace change planned.
     *
     * @param catalogVersion the {@code fromVersion} of the plan reviewed: a catalog changed since is refused (409)
     */
    public NamespacePlanBody commitNamespace(NamespaceRequestBody request, long catalogVersion) {
        return post("admin/namespaces/commit", request.committing(catalogVersion), NamespacePlanBody.class);
    }

    /** Runs one anti-entropy exchange of the partition now, from the node that takes the request. */
    public ExchangeBody antiEntropy(int partition) {
        return post("admin/anti-entropy/" + partition, null, ExchangeBody.class);
    }

    /** Drops every hint the answering node holds for {@code target}, at once and without a plan (audited there). */
    public HintsPurgedBody purgeHints(String target) {
        return call("DELETE", "admin/hints/" + KeyPaths.segment(target), null, HintsPurgedBody.class);
    }

    /**
     * Starts a backup of the answering node's stores into a new directory under {@code directory}, an absolute
     * path on that node's own disk; answers at once with its state (follow it with {@link #backupStatus()} on the
     * same node).
     */
    public BackupBody backup(String directory) {
        return post("admin/backup", new BackupRequestBody(directory), BackupBody.class);
    }

    /** The answering node's backup under way or latest, with its progress, and the latest that completed. */
    public BackupBody backupStatus() {
        return get("admin/backup", BackupBody.class);
    }

    private <T> T get(String path, Class<T> type) {
        return call("GET", path, null, type);
    }

    private <T> T post(String path, Object body, Class<T> type) {
        return call("POST", path, body == null ? null : Entity.entity(body, MediaType.APPLICATION_JSON_TYPE), type);
    }

    private <T> T call(String method, String path, Entity<?> entity, Class<T> type) {
        NodeHttp.Request request = new NodeHttp.Request(method, path, null, MediaType.APPLICATION_JSON, Map.of(),
                entity);
        DynamoClient.Handler<T> handler = (response, answered, tried) -> Answers.json(response, answered, tried, type);
        return node == null ? client.execute(request, null, handler) : client.executeOn(node, request, handler);
    }
}
