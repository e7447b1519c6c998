package io.dynamo.jaxrs.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/** Jakarta Security's identity store for the users in the node's settings; their roles become their groups. */
@ApplicationScoped
public class SettingsIdentityStore implements IdentityStore {
    @Inject
    SecuritySettings settings;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return settings.authenticate(c.getCaller(), c.getPasswordAsString())
                .map(roles -> new CredentialValidationResult(new CallerPrincipal(c.getCaller()), groups(roles)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static Set<String> groups(Set<Role> roles) {
        return roles.stream().map(Role::group).collect(Collectors.toSet());
    }
}
