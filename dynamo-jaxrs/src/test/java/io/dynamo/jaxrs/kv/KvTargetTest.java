package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.namespace.InvalidNamespaceException;
import org.junit.jupiter.api.Test;

class KvTargetTest {

    @Test
    void readsTheKeyAndNamespaceOfThePlainShapes() {
        KvTarget kv = KvTarget.of("/dynamo/api/v1/kv/user%3A1", "/dynamo");
        assertThat(kv).isEqualTo(new KvTarget(null, "user%3A1"));
        assertThat(kv.path()).isEqualTo("kv/user%3A1");
        assertThat(kv.key().toString()).contains("user:1");
        KvTarget ns = KvTarget.of("/dynamo/api/v1/ns/carts/kv/a%2Fb", "/dynamo");
        assertThat(ns).isEqualTo(new KvTarget("carts", "a%2Fb"));
        assertThat(ns.path()).isEqualTo("ns/carts/kv/a%2Fb");
        assertThat(ns.key().namespace()).isEqualTo("carts");
        assertThat(KvTarget.of("/api/v1/kv/k", "")).isEqualTo(new KvTarget(null, "k"));
    }

    /** Everything else is left to JAX-RS, which answers it as it always did. */
    @Test
    void leavesEveryOtherShapeToJaxRs() {
        for (String uri : new String[] {"/dynamo/api/v1/kv", "/dynamo/api/v1/kv/", "/dynamo/api/v1/kv/a/b",
            "/dynamo/api/v1/kv/a;x=1", "/dynamo/api/v1//kv/a", "/dynamo/api/v1/kv;x=1/a", "/dynamo/api/v1/ns/carts",
            "/dynamo/api/v1/ns/carts/kv", "/dynamo/api/v1/ns/carts/kv/", "/dynamo/api/v1/ns//kv/a",
            "/dynamo/api/v1/ns/c%61rts/kv/a", "/dynamo/api/v1/ns/carts;x/kv/a", "/dynamo/api/v1/ns/carts/kvx/a",
            "/dynamo/api/v1/admin/ring", "/other/api/v1/kv/a", "/dynamo/api/v2/kv/a", "/dynamo"}) {
            assertThat(KvTarget.of(uri, "/dynamo")).as(uri).isNull();
        }
        assertThat(KvTarget.of(null, "/dynamo")).isNull();
    }

    @Test
    void anInvalidKeyOrNamespaceNameIsRefusedWhenTheKeyIsRead() {
        assertThatThrownBy(() -> KvTarget.of("/dynamo/api/v1/kv/%FF", "/dynamo").key())
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> KvTarget.of("/dynamo/api/v1/ns/Carts!/kv/a", "/dynamo").key())
                .isInstanceOf(InvalidNamespaceException.class);
    }
}
