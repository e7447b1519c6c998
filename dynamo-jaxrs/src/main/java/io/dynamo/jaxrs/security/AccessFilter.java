package io.dynamo.jaxrs.security;

import io.dynamo.core.DynamoNode;
import io.dynamo.jaxrs.api.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/** Lets a request through only with the role its path needs; otherwise 401 or 403 with a JSON error. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Basic realm=\"dynamo\", charset=\"UTF-8\"";

    @Inject
    SecuritySettings settings;
    @Inject
    DynamoNode node;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Role needed = settings.policy().required(request.getMethod(), request.getUriInfo().getPath());
        if (needed == Role.NONE) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> groups = (Set<String>) servletRequest.getAttribute(BasicCredentialsMechanism.GROUPS);
        if (groups != null && groups.contains(needed.group())) {
            return;
        }
        if (needed == Role.ADMIN && !settings.adminConfigured()) {
            request.abortWith(error(403, "admin_disabled", "node " + node.id() + " has no admin user: set "
                    + SecuritySettings.ADMIN_PASSWORD + " (or the environment variable DYNAMO_SECURITY_ADMIN_PASSWORD)"
                    + " and restart it to use the admin API").build());
            return;
        }
        String what = needed == Role.ADMIN ? "this admin request needs the credentials of the admin user"
                : "node " + node.id() + " requires client credentials for this request";
        if (groups != null) {
            request.abortWith(error(403, "forbidden", what + "; the user given has role "
                    + String.join(", ", groups)).build());
            return;
        }
        Object refused = servletRequest.getAttribute(BasicCredentialsMechanism.REFUSED);
        String detail = refused != null ? what + ", but " + refused : what + " (HTTP Basic)";
        request.abortWith(error(401, "unauthorized", detail).header("WWW-Authenticate", CHALLENGE).build());
    }

    private static Response.ResponseBuilder error(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(error, detail));
    }
}
