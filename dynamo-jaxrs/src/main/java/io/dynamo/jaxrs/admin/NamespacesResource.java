package io.dynamo.jaxrs.admin;

import io.dynamo.api.NamespaceBody;
import io.dynamo.api.NamespacePlanBody;
import io.dynamo.api.NamespacesBody;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Locale;

/**
 * The namespaces: listed with their settings and this node's key counts, and created, changed and dropped by plan
 * then commit. A commit makes the plan again from the node's catalog if it is still at the reviewed plan's version
 * (else 409 {@code stale_plan}) and commits it on this node; gossip spreads it to the others.
 */
@Path("admin/namespaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NamespacesResource {
    @Inject
    NodeView node;

    @Inject
    NodeNamespaces namespaces;

    @GET
    public NamespacesBody list() {
        return new NamespacesBody(node.id(), namespaces.catalogVersion(), namespaces.list().stream()
                .map(e -> body(e.name(), e.settings(), e.version(), state(e), e.keysHere(), e.purge())).toList());
    }

    /** What the change would make; nothing changes. */
    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public NamespacePlanBody plan(InputStream body) {
        NamespaceRequests.Request request = NamespaceRequests.parse(body, false, namespaces);
        long from = namespaces.catalogVersion();
        return answer(request, from, namespaces.plan(request.change()), false);
    }

    @POST
    @Path("commit")
    @Consumes(MediaType.APPLICATION_JSON)
    public NamespacePlanBody commit(InputStream body) {
        NamespaceRequests.Request request = NamespaceRequests.parse(body, true, namespaces);
        return answer(request, request.catalogVersion(), namespaces.commit(request.catalogVersion(),
                request.change()), true);
    }

    private NamespacePlanBody answer(NamespaceRequests.Request request, long from, Namespace entry,
                                     boolean committed) {
        return new NamespacePlanBody(node.id(), request.change().kind().name().toLowerCase(Locale.ROOT), from,
                committed, body(entry.name(), entry.settings(), entry.version(), entry.dropped() ? "dropped" : "live",
                        null, null));
    }

    private static String state(NodeNamespaces.Entry e) {
        if (!e.dropped()) {
            return "live";
        }
        NodeNamespaces.Purge p = e.purge();
        return p != null && p.partitionsDone() < p.partitions() ? "dropping" : "dropped";
    }

    private static NamespaceBody body(String name, NamespaceSettings s, long version, String state, Long keysHere,
                                      NodeNamespaces.Purge purge) {
        return new NamespaceBody(name, s.replicas(), s.readQuorum(), s.writeQuorum(), s.durableWrites(),
                s.policy().label(), s.maxKeyBytes(), s.maxValueBytes(), s.siblingsWarn(), s.siblingsMax(), s.role(),
                s.ttlSeconds(), version, state, keysHere, purge == null ? null
                : new NamespaceBody.PurgeBody(purge.partitionsDone(), purge.partitions(), purge.keysRemoved()));
    }
}
