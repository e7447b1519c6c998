package io.dynamo.jaxrs.security;

import io.dynamo.api.ErrorCode;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.core.node.NodeView;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a request through only with the role its path needs; otherwise 401 or 403 with a JSON error.
 *
 * <p>HTTP Basic credentials are checked here, against Jakarta Security's identity stores, and only when the path
 * needs a role. Not through an {@code HttpAuthenticationMechanism}: the container's bridge to one looked it up
 * through JNDI twice per request, a fifth of a key-value request's CPU time (docs/performance.md). A header the
 * stores accepted is remembered for a minute by its digest ({@link VerifiedCredentials}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Basic realm=\"dynamo\", charset=\"UTF-8\"";

    @Inject
    SecuritySettings settings;
    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    NodeView node;
    @Inject
    NodeNamespaces namespaces;

    private final VerifiedCredentials verified = new VerifiedCredentials(System::currentTimeMillis);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Role needed = settings.policy().required(request.getMethod(), path);
        Optional<String> namespaceRole = AccessPolicy.ownNamespace(path)
                .flatMap(name -> namespaces.settings(name).map(NamespaceSettings::role));
        String group = AccessPolicy.group(needed, namespaceRole).orElse(null);
        if (group == null) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Set<String> remembered = header == null ? null : verified.groups(header).orElse(null);
        if (remembered != null && remembered.contains(group)) {
            return;
        }
        String[] userAndPassword = header == null ? null : BasicCredentials.parse(header);
        CredentialValidationResult result = userAndPassword == null ? null
                : identityStores.validate(new UsernamePasswordCredential(userAndPassword[0], userAndPassword[1]));
        boolean valid = result != null && result.getStatus() == CredentialValidationResult.Status.VALID;
        Set<String> groups = valid ? result.getCallerGroups() : null;
        if (groups != null) {
            verified.remember(header, groups);
        }
        if (groups != null && groups.contains(group)) {
            return;
        }
        if (needed == Role.ADMIN && !settings.adminConfigured()) {
            request.abortWith(error(ErrorCode.ADMIN_DISABLED, "node " + node.id() + " has no admin user: set "
                    + SecuritySettings.ADMIN_PASSWORD + " (or the environment variable DYNAMO_SECURITY_ADMIN_PASSWORD)"
                    + " and restart it to use the admin API").build());
            return;
        }
        String what = namespaceRole.isPresent() ? "namespace " + AccessPolicy.ownNamespace(path).orElseThrow()
                + " requires a user with role " + group
                : needed == Role.ADMIN ? "this admin request needs the credentials of the admin user"
                : "node " + node.id() + " requires client credentials for this request";
        if (groups != null) {
            request.abortWith(error(ErrorCode.FORBIDDEN, what + "; the user given has role "
                    + String.join(", ", groups)).build());
            return;
        }
        String detail;
        if (header == null) {
            detail = what + " (HTTP Basic)";
        } else if (userAndPassword == null) {
            detail = what + ", but the Authorization header is not HTTP Basic credentials "
                    + "('Basic ' and base64 of user:password)";
        } else {
            detail = what + ", but user '" + BasicCredentials.shown(userAndPassword[0])
                    + "' is unknown or its password is wrong";
        }
        request.abortWith(error(ErrorCode.UNAUTHORIZED, detail).header("WWW-Authenticate", CHALLENGE).build());
    }

    private static Response.ResponseBuilder error(ErrorCode code, String detail) {
        return Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(code.body(detail));
    }
}
