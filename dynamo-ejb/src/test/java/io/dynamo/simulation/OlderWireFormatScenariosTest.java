package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Causes;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.wire.MessageCodec;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A node of the release before versions had times (wire format 4) in a cluster of this release. */
class OlderWireFormatScenariosTest {
    @Test
    void aNodeOfWireFormat4ReadsAndWritesWithTheOthersAndGetsVersionsWithoutTimes() {
        try (LocalCluster cluster = new LocalCluster(23, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            cluster.network().wireFormat("n3", MessageCodec.NAMESPACE_FORMAT);
            Context first = cluster.put("n1", "k", Context.EMPTY, "from n1", 3);
            cluster.runFor(Duration.ofSeconds(1));
            Sibling atN1 = cluster.stored("n1", "k").siblings().get(0);
            assertThat(atN1.time().isKnown()).as("the coordinator stamped it").isTrue();
            // n3 got it in the untimed form, as a node of the earlier release reads it.
            assertThat(cluster.stored("n3", "k").siblings()).extracting(Sibling::time).containsExactly(HybridTime.ZERO);
            assertThat(cluster.get("n3", "k", 3).values()).extracting(LocalCluster::text).containsExactly("from n1");

            // n3 coordinates an overwrite with the context; the others take it.
            cluster.put("n3", "k", first, "from n3", 3);
            cluster.runFor(Duration.ofSeconds(1));
            for (String id : cluster.nodeIds()) {
                assertThat(cluster.get(id, "k", 3).values()).as("read through %s", id)
                        .extracting(LocalCluster::text).containsExactly("from n3");
            }
            // Times are not part of a set's equality nor of the Merkle hash: the copies agree, nothing is re-sent.
            SiblingSet atN2 = cluster.stored("n2", "k");
            assertThat(cluster.stored("n1", "k")).isEqualTo(atN2);
            assertThat(cluster.stored("n3", "k")).isEqualTo(atN2);
        }
    }

    /**
     * A node of the release before expiries (wire format 5) could not keep a value's expiry: a put with one is never
     * sent to it. The put counts it as a failed replica (W from the others, or 503), and the node is not suspected.
     */
    @Test
    void aValueWithAnExpiryIsNeverSentToANodeOfWireFormat5() {
        try (LocalCluster cluster = new LocalCluster(29, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            cluster.network().wireFormat("n3", MessageCodec.TIME_FORMAT);
            long expiresAt = cluster.scheduler().nowMillis() + 60_000;
            cluster.await(cluster.node("n1").putAsync(LocalCluster.key("k"), Context.EMPTY,
                    LocalCluster.text("expiring").expiringAt(expiresAt), OptionalInt.of(2)));
            assertThatThrownBy(() -> cluster.await(cluster.node("n1").putAsync(LocalCluster.key("all"), Context.EMPTY,
                    LocalCluster.text("expiring").expiringAt(expiresAt), OptionalInt.of(3))))
                    .satisfies(e -> assertThat(Causes.unwrap(e)).isInstanceOf(InsufficientReplicasException.class));
            cluster.runFor(Duration.ofSeconds(5)); // hints, read repair and anti-entropy run too
            assertThat(cluster.get("n2", "k", 2).values()).extracting(v -> v.expiresAt()).containsExactly(expiresAt);
            assertThat(cluster.stored("n3", "k").siblings()).as("never written without its expiry").isEmpty();
            assertThat(cluster.stored("n3", "all").siblings()).isEmpty();

            // The node still takes everything else, at W=3 too: it was not suspected.
            cluster.put("n1", "plain", Context.EMPTY, "no expiry", 3);
            assertThat(cluster.stored("n3", "plain").liveValues()).extracting(LocalCluster::text)
                    .containsExactly("no expiry");
        }
    }
}
