package io.dynamo.jaxrs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.fuzz.Credentials.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiOracleTest {
    private static final FuzzTarget CLOSED = new FuzzTarget("closed", new RawHttp(1), true, true, 2, 1024, "a", "c");
    private static final FuzzTarget OPEN = new FuzzTarget("open", new RawHttp(1), false, false, 2, 1024, "", "c");

    @Test
    void namespacedAndListingPathsAreRoutes() {
        assertThat(ApiOracle.route(List.of("keys"))).isEqualTo("keys");
        assertThat(ApiOracle.route(List.of("ns", "carts", "keys"))).isEqualTo("ns/{namespace}/keys");
        assertThat(ApiOracle.route(List.of("ns", "carts", "kv", "k"))).isEqualTo("ns/{namespace}/kv/{key}");
        assertThat(ApiOracle.route(List.of("ns", "carts", "kv"))).isEqualTo("ns/{namespace}/kv");
        assertThat(ApiOracle.route(List.of("ns", "carts", "keys", "x"))).isNull();
        assertThat(ApiOracle.route(List.of("ns", "carts"))).isNull();
        assertThat(ApiOracle.route(List.of("keys", "x"))).isNull();
    }

    @Test
    void aNamespaceOfItsOwnNeedsItsRoleAndAnyOtherWhatKvNeeds() {
        FuzzNamespaces.register("oracle-open", Role.NONE);
        FuzzNamespaces.register("oracle-closed", Role.CLIENT);

        assertThat(role(CLOSED, "/dynamo/api/v1/ns/oracle-open/kv/k")).isEqualTo(Role.NONE);
        assertThat(role(CLOSED, "/dynamo/api/v1/ns/oracle-open/keys")).isEqualTo(Role.NONE);
        assertThat(role(OPEN, "/dynamo/api/v1/ns/oracle-closed/keys")).isEqualTo(Role.CLIENT);
        assertThat(role(OPEN, "/dynamo/api/v1/ns/unknown/kv/k")).isEqualTo(Role.NONE);
        assertThat(role(CLOSED, "/dynamo/api/v1/ns/unknown/kv/k")).isEqualTo(Role.CLIENT);
        assertThat(role(CLOSED, "/dynamo/api/v1/keys")).isEqualTo(Role.CLIENT);
        assertThat(role(OPEN, "/dynamo/api/v1/keys")).isEqualTo(Role.NONE);
        // The strictest reading: out of the open namespace into an admin path needs the admin.
        assertThat(role(CLOSED, "/dynamo/api/v1/ns/oracle-open/kv/../../../admin/hints")).isEqualTo(Role.ADMIN);
    }

    private static Role role(FuzzTarget node, String target) {
        return ApiOracle.strictest(node, "GET", ApiOracle.readings(target));
    }
}
