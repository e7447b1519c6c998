package io.dynamo.jaxrs.admin;

import io.dynamo.api.BackupBody;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.logging.Logger;

/** Online backups of this node's stores onto its own disk: start one, follow it. */
@Path("admin/backup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {
    private static final Logger AUDIT = Logger.getLogger(BackupResource.class.getName());

    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    /** The backup under way (with its progress) or the latest, and the latest that completed with its manifest. */
    @GET
    public BackupBody status() {
        return BackupViews.of(node.id(), node.backup());
    }

    /** Starts a backup into a new directory under the one given and answers 202 at once; GET follows it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(InputStream body, @Context SecurityContext security) {
        String directory = BackupRequests.directory(body);
        BackupStatus started = admin.backup(directory);
        String user = security.getUserPrincipal() == null ? "(anonymous)" : security.getUserPrincipal().getName();
        AUDIT.info(() -> "AUDIT: user " + user + " started a backup of node " + node.id() + " into "
                + started.directory().orElse(directory));
        return Response.accepted(BackupViews.of(node.id(), started)).build();
    }
}
