package io.dynamo.jaxrs.security;

import io.dynamo.api.ErrorCode;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a request has the role its path needs ({@link AccessPolicy}), whichever way it is served: the JAX-RS
 * {@link AccessFilter}, or the key-value servlet path. HTTP Basic credentials are checked against Jakarta Security's
 * identity stores, and only when the path needs a role. Not through an {@code HttpAuthenticationMechanism}: the
 * container's bridge to one looked it up through JNDI twice per request, a fifth of a key-value request's CPU time
 * (docs/performance.md). A header the stores accepted is remembered for a minute by its digest
 * ({@link VerifiedCredentials}).
 */
@ApplicationScoped
public class AccessCheck {
    /** The WWW-Authenticate header of a 401. */
    public static final String CHALLENGE = "Basic realm=\"dynamo\", charset=\"UTF-8\"";

    /** A refused request: its answer's code and detail, and whether it says WWW-Authenticate ({@link #CHALLENGE}). */
    public record Refusal(ErrorCode code, String detail, boolean challenge) {
    }

    @Inject
    SecuritySettings settings;
    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    NodeView node;
    @Inject
    NodeNamespaces namespaces;

    private final VerifiedCredentials verified = new VerifiedCredentials(System::currentTimeMillis);

    /**
     * Why a request with this method, path (below {@code /api/v1}) and Authorization header (or null) may not go on,
     * or empty when it may.
     */
    public Optional<Refusal> check(String method, String path, String header) {
        Role needed = settings.policy().required(method, path);
        Optional<String> namespaceRole = AccessPolicy.ownNamespace(path)
                .flatMap(name -> namespaces.settings(name).map(NamespaceSettings::role));
        String group = AccessPolicy.group(needed, namespaceRole).orElse(null);
        if (group == null) {
            return Optional.empty();
        }
        Set<String> remembered = header == null ? null : verified.groups(header).orElse(null);
        if (remembered != null && remembered.contains(group)) {
            return Optional.empty();
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
            return Optional.empty();
        }
        if (needed == Role.ADMIN && !settings.adminConfigured()) {
            return Optional.of(new Refusal(ErrorCode.ADMIN_DISABLED, "node " + node.id() + " has no admin user: set "
                    + SecuritySettings.ADMIN_PASSWORD + " (or the environment variable DYNAMO_SECURITY_ADMIN_PASSWORD)"
                    + " and restart it to use the admin API", false));
        }
        String what = namespaceRole.isPresent() ? "namespace " + AccessPolicy.ownNamespace(path).orElseThrow()
                + " requires a user with role " + group
                : needed == Role.ADMIN ? "this admin request needs the credentials of the admin user"
                : "node " + node.id() + " requires client credentials for this request";
        if (groups != null) {
            return Optional.of(new Refusal(ErrorCode.FORBIDDEN, what + "; the user given has role "
                    + String.join(", ", groups), false));
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
        return Optional.of(new Refusal(ErrorCode.UNAUTHORIZED, detail, true));
    }
}
