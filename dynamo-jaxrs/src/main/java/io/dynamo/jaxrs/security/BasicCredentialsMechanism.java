package io.dynamo.jaxrs.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * HTTP Basic through Jakarta Security, but without the container's challenge: valid credentials log the caller in
 * (and record their groups for {@link AccessFilter}); missing or wrong ones leave the request anonymous with the
 * reason recorded, so that {@link AccessFilter} answers in the API's JSON, and only where the path needs a role.
 */
@ApplicationScoped
public class BasicCredentialsMechanism implements HttpAuthenticationMechanism {
    /** The caller's groups after a successful login ({@code Set<String>}). */
    static final String GROUPS = "io.dynamo.security.groups";
    /** Why credentials that came with the request were refused ({@code String}). */
    static final String REFUSED = "io.dynamo.security.refused";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.doNothing();
        }
        String[] userAndPassword = BasicCredentials.parse(header);
        if (userAndPassword == null) {
            request.setAttribute(REFUSED, "the Authorization header is not HTTP Basic credentials "
                    + "('Basic ' and base64 of user:password)");
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(userAndPassword[0], userAndPassword[1]));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            request.setAttribute(REFUSED, "user '" + BasicCredentials.shown(userAndPassword[0])
                    + "' is unknown or its password is wrong");
            return context.doNothing();
        }
        request.setAttribute(GROUPS, Set.copyOf(result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    /** Parsing of the header, apart so that it is tested without a container. */
    static final class BasicCredentials {
        private BasicCredentials() {
        }

        /** {user, password}, or null when the header is not Basic credentials. */
        static String[] parse(String header) {
            if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** A user name as an error may show it: printable and short. */
        static String shown(String user) {
            String printable = user.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
        }
    }
}
