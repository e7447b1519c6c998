package io.dynamo.jaxrs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy open = new AccessPolicy(false);
    private final AccessPolicy closed = new AccessPolicy(true);

    @Test
    void everythingThatChangesOrInspectsTheClusterNeedsAnAdmin() {
        for (AccessPolicy policy : new AccessPolicy[] {open, closed}) {
            assertThat(policy.required("POST", "admin/join")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "admin/join/commit")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "/admin/leave/commit")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "admin/anti-entropy/3")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/keys/k/versions")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/ring/key/k")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/hints")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/events")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/no-such-path")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "admin/ring")).as("only reading the ring is a routing read")
                    .isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void dataAndRoutingReadsNeedAClientOnlyWhenTheNodeRequiresIt() {
        assertThat(open.required("GET", "kv/a")).isEqualTo(Role.NONE);
        assertThat(open.required("GET", "admin/ring")).isEqualTo(Role.NONE);
        assertThat(open.required("GET", "admin/nodes")).isEqualTo(Role.NONE);
        assertThat(closed.required("PUT", "kv/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("DELETE", "/kv/a%2Fb")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "admin/ring")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "admin/nodes")).isEqualTo(Role.CLIENT);
        assertThat(open.required("GET", "keys")).isEqualTo(Role.NONE);
        assertThat(closed.required("GET", "keys")).as("listing is a data read").isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "keys;x=1/")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "ns/carts/keys")).isEqualTo(Role.CLIENT);
        assertThat(AccessPolicy.ownNamespace("ns/carts/keys")).contains("carts");
    }

    /**
     * A namespace's keys need what {@code /kv} needs unless the namespace says otherwise (the filter asks the
     * namespace): without a namespace the path is never open on a node that requires clients.
     */
    @Test
    void namespacedKeysNeedAClientLikeKvAndNameTheirNamespace() {
        assertThat(closed.required("GET", "ns/carts/kv/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("PUT", "ns;x/carts/kv/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "ns")).isEqualTo(Role.CLIENT);
        assertThat(open.required("GET", "ns/carts/kv/a")).isEqualTo(Role.NONE);
        assertThat(AccessPolicy.ownNamespace("ns/carts/kv/a")).contains("carts");
        assertThat(AccessPolicy.ownNamespace("/ns;m=1//carts;x/kv/a")).contains("carts");
        assertThat(AccessPolicy.ownNamespace("kv/a")).isEmpty();
        assertThat(AccessPolicy.ownNamespace("ns")).isEmpty();
        assertThat(AccessPolicy.ownNamespace("nsx/carts/kv/a")).isEmpty();
        assertThat(AccessPolicy.ownNamespace("ns/default/kv/a")).as("default is the kv API's").isEmpty();
    }

    /** A namespace's role replaces the key-value API's; without one of its own a request needs what kv needs. */
    @Test
    void aNamespaceRoleOpensOrClosesItsKeys() {
        assertThat(AccessPolicy.group(Role.CLIENT, Optional.of("none"))).isEmpty();
        assertThat(AccessPolicy.group(Role.NONE, Optional.of("client"))).contains("client");
        assertThat(AccessPolicy.group(Role.CLIENT, Optional.of("admin"))).contains("admin");
        assertThat(AccessPolicy.group(Role.CLIENT, Optional.of("billing"))).contains("billing");
        assertThat(AccessPolicy.group(Role.CLIENT, Optional.empty())).contains("client");
        assertThat(AccessPolicy.group(Role.NONE, Optional.empty())).isEmpty();
    }

    @Test
    void pathsThatMerelyStartLikeAProtectedOneAreNotConfusedWithIt() {
        assertThat(closed.required("GET", "kvx")).isEqualTo(Role.NONE);
        assertThat(closed.required("GET", "administrator")).isEqualTo(Role.NONE);
        assertThat(open.required("GET", "admin/ringx")).isEqualTo(Role.ADMIN);
    }

    @Test
    void matrixParametersAndEmptySegmentsDoNotHideAProtectedPath() {
        for (AccessPolicy policy : new AccessPolicy[] {open, closed}) {
            assertThat(policy.required("GET", "admin;x=1/hints")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "admin;/join")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("POST", "/admin;a=b;c/join;d/commit")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "//admin/hints")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin//events")).isEqualTo(Role.ADMIN);
            assertThat(policy.required("GET", "admin/ring/;x/key/k")).isEqualTo(Role.ADMIN);
        }
        assertThat(closed.required("PUT", "kv;x/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "//kv/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", ";/kv/a")).isEqualTo(Role.CLIENT);
        assertThat(closed.required("GET", "admin;x/ring")).as("still the routing read JAX-RS serves")
                .isEqualTo(Role.CLIENT);
        assertThat(closed.required("PUT", "kvx;x/a")).isEqualTo(Role.NONE);
    }
}
