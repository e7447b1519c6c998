package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.InvalidNamespaceException;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Expiry;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A namespace's default time to live: a put without one expires then; a put's own TTL wins; deletes are deletes. */
class NamespaceTtlTest {

    @Test
    void aPutWithoutItsOwnTtlTakesTheNamespacesDefault() {
        try (LocalCluster cluster = new LocalCluster(3, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            DynamoNode via = cluster.node(cluster.nodeIds().get(0));
            via.namespaces().commit(via.namespaces().catalogVersion(), new NamespaceChange(
                    NamespaceChange.Kind.CREATE, "cache", settings(2)));
            cluster.runFor(Duration.ofSeconds(2));
            long now = cluster.scheduler().nowMillis();
            cluster.put(cluster.nodeIds().get(1), "cache::plain", Context.EMPTY, "default ttl", 2);
            cluster.await(via.putAsync(LocalCluster.key("cache::own"), Context.EMPTY, LocalCluster.text("own ttl")
                    .expiringAt(now + 3_600_000), OptionalInt.of(2)));
            cluster.put(cluster.nodeIds().get(2), "plain", Context.EMPTY, "default namespace", 2);
            assertThat(cluster.get(cluster.nodeIds().get(2), "cache::plain", 2).values().get(0).expiresAt())
                    .isBetween(now + 2000, now + 2100);

            cluster.runFor(Duration.ofSeconds(3));
            for (String id : cluster.nodeIds()) {
                assertThat(cluster.get(id, "cache::plain", 2).found()).as("expired, through %s", id).isFalse();
                assertThat(cluster.get(id, "cache::own", 2).found()).as("own TTL, through %s", id).isTrue();
                assertThat(cluster.get(id, "plain", 2).found()).as("no TTL, through %s", id).isTrue();
            }
        }
    }

    @Test
    void aDefaultTtlIsZeroOrOneSecondToTenYears() {
        assertThat(settings(0).ttlSeconds()).isZero();
        assertThat(settings(Expiry.MAX_SECONDS).ttlSeconds()).isEqualTo(Expiry.MAX_SECONDS);
        assertThatThrownBy(() -> settings(-1)).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("default TTL");
        assertThatThrownBy(() -> settings(Expiry.MAX_SECONDS + 1)).isInstanceOf(InvalidNamespaceException.class);
    }

    private static NamespaceSettings settings(long ttl) {
        return new NamespaceSettings(3, 2, 2, 0, ConflictPolicy.SIBLINGS, NodeConfig.DEFAULT_MAX_KEY_BYTES, 1 << 20, 8,
                64, "none", ttl);
    }
}
