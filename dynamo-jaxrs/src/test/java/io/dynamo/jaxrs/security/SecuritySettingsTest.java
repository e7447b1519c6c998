package io.dynamo.jaxrs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    private static SecuritySettings of(Map<String, String> values) {
        return new SecuritySettings(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void theAdminHasBothRolesTheClientOnlyItsOwn() {
        SecuritySettings s = of(Map.of(SecuritySettings.ADMIN_PASSWORD, "a-secret",
                SecuritySettings.CLIENT_USER, "app", SecuritySettings.CLIENT_PASSWORD, "c-secret"));
        assertThat(s.authenticate("admin", "a-secret")).contains(Set.of(Role.ADMIN, Role.CLIENT));
        assertThat(s.authenticate("app", "c-secret")).contains(Set.of(Role.CLIENT));
        assertThat(s.authenticate("admin", "c-secret")).as("another user's password").isEmpty();
        assertThat(s.authenticate("app", "a-secret")).isEmpty();
        assertThat(s.authenticate("client", "c-secret")).as("the default name was replaced").isEmpty();
        assertThat(s.authenticate("admin", "")).isEmpty();
    }

    @Test
    void withoutPasswordsNobodyAuthenticatesAndTheAdminApiIsShut() {
        SecuritySettings s = of(Map.of(SecuritySettings.CLIENT_REQUIRED, "false"));
        assertThat(s.adminConfigured()).isFalse();
        assertThat(s.clientRequired()).isFalse();
        assertThat(s.authenticate("admin", "")).isEmpty();
        assertThat(s.authenticate("admin", "admin")).isEmpty();
        assertThat(of(Map.of(SecuritySettings.ADMIN_PASSWORD, "", SecuritySettings.CLIENT_REQUIRED, "false"))
                .adminConfigured()).as("empty is unset").isFalse();
    }

    @Test
    void theKeyValueApiNeedsTheClientUserUnlessSettingsSayOtherwise() {
        assertThat(of(Map.of(SecuritySettings.CLIENT_PASSWORD, "c-secret")).clientRequired()).isTrue();
        assertThat(of(Map.of(SecuritySettings.CLIENT_PASSWORD, "c-secret")).policy().required("GET", "kv/k"))
                .isEqualTo(Role.CLIENT);
        assertThat(of(Map.of(SecuritySettings.CLIENT_REQUIRED, " false ")).policy().required("GET", "kv/k"))
                .as("the explicit opt-out").isEqualTo(Role.NONE);
    }

    @Test
    void requiringTheClientUserWithoutItsPasswordIsRefused() {
        for (Map<String, String> settings : List.of(Map.<String, String>of(),
                Map.of(SecuritySettings.CLIENT_PASSWORD, ""),
                Map.of(SecuritySettings.CLIENT_REQUIRED, "true", SecuritySettings.ADMIN_PASSWORD, "a-secret"))) {
            assertThatThrownBy(() -> of(settings)).as("%s", settings)
                    .hasMessageContaining("no client password is set")
                    .hasMessageContaining("set dynamo.security.client.password")
                    .hasMessageContaining("DYNAMO_SECURITY_CLIENT_PASSWORD")
                    .hasMessageContaining("dynamo.security.client.required=false");
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> of(Map.of(SecuritySettings.CLIENT_REQUIRED, "yes")))
                .hasMessageContaining("dynamo.security.client.required = yes is invalid");
        assertThatThrownBy(() -> of(Map.of(SecuritySettings.ADMIN_PASSWORD, "a", SecuritySettings.CLIENT_USER, "admin",
                SecuritySettings.CLIENT_PASSWORD, "b"))).hasMessageContaining("both name user admin");
    }

    @Test
    void basicCredentialsAreParsedStrictly() {
        assertThat(BasicCredentials.parse(basic("admin:pa:ss"))).containsExactly("admin", "pa:ss");
        assertThat(BasicCredentials.parse("basic " + b64("u:"))).containsExactly("u", "");
        assertThat(BasicCredentials.parse("Bearer abc")).isNull();
        assertThat(BasicCredentials.parse("Basic")).isNull();
        assertThat(BasicCredentials.parse("Basic %%%")).isNull();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isNull();
        assertThat(BasicCredentials.parse(basic(":password-only"))).isNull();
        assertThat(BasicCredentials.shown("a\u0000b\nc")).isEqualTo("abc");
        assertThat(BasicCredentials.shown("x".repeat(100))).hasSize(67);
    }

    private static String basic(String userColonPassword) {
        return "Basic " + b64(userColonPassword);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
