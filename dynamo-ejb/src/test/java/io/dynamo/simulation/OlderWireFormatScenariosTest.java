package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.wire.MessageCodec;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
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
}
