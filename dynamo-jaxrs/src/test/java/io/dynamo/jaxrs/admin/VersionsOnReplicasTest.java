package io.dynamo.jaxrs.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.ReplicaVersionsBody;
import io.dynamo.api.VersionBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.ReplicaVersions;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Value;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code DynamoNode.versionsOnReplicas} on real nodes, and what {@link VersionViews} makes of its answer. */
class VersionsOnReplicasTest {
    private final TinyCluster cluster = new TinyCluster(2, "a", "b", "c");
    private final Key key = Key.of("k");
    private final PreferenceList list = preferenceList(key);
    private final String first = list.replicas().get(0);
    private final String second = list.replicas().get(1);
    private final String fallback = list.fallbacks().get(0);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void everyReplicaReportsItsCopyAndTheyAgree() throws Exception {
        cluster.node(first).put(key, Context.EMPTY, text("v1"), OptionalInt.of(2));

        Map<String, ReplicaVersions> copies = versions(first);

        assertThat(copies.keySet()).containsExactly(first, second);
        assertThat(copies.values()).allSatisfy(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.replica()).isTrue();
            assertThat(c.versions().liveValues()).containsExactly(text("v1"));
        });
        KeyVersionsBody body = VersionViews.of(first, key, list.partition(), copies);
        assertThat(body.replicas()).extracting(ReplicaVersionsBody::relation).containsOnly("EQUAL");
        assertThat(body.replicas().get(0).relations()).containsEntry(second, "EQUAL");
        assertThat(body.merged().siblings()).singleElement().satisfies(s -> {
            assertThat(Base64.getDecoder().decode(s.value())).isEqualTo("v1".getBytes(UTF_8));
            assertThat(s.contentType()).isEqualTo("text/plain");
            assertThat(s.superseded()).isFalse();
        });
        assertThat(Context.decode(body.merged().context())).isEqualTo(copies.get(first).versions().context());
    }

    @Test
    void aStaleReplicaIsBeforeAndItsOldVersionIsMarkedSuperseded() throws Exception {
        Context c1 = cluster.node(first).put(key, Context.EMPTY, text("old"), OptionalInt.of(2));
        cluster.cutOff(second);
        cluster.node(first).put(key, c1, text("new"), OptionalInt.of(1));

        Map<String, ReplicaVersions> copies = versions(first);

        assertThat(copies.get(second).ok()).isFalse();
        assertThat(copies.get(second).error()).contains("cut off");
        KeyVersionsBody body = VersionViews.of(first, key, list.partition(), copies);
        assertThat(body.replicas().get(1).error()).contains("cut off");
        assertThat(body.replicas().get(1).siblings()).isNull();

        // What the two copies are once the second answers again: it missed the second write.
        ReplicaVersionsBody stale = VersionViews.of(first, key, list.partition(),
                Map.of(first, local(first), second, local(second))).replicas().stream()
                .filter(r -> r.node().equals(second)).findFirst().orElseThrow();
        assertThat(stale.relation()).isEqualTo("BEFORE");
        assertThat(stale.relations()).containsEntry(first, "BEFORE");
        assertThat(stale.siblings()).singleElement().extracting(VersionBody::superseded).isEqualTo(true);
    }

    @Test
    void concurrentCopiesAreConcurrentAndBothSurviveTheMerge() throws Exception {
        cluster.cutOff(second);
        cluster.node(first).put(key, Context.EMPTY, text("x"), OptionalInt.of(1));
        cluster.write(second, key, cluster.read(second, key).put(Context.EMPTY, new Dot(second, 99), text("y"), 1, 10),
                "");

        KeyVersionsBody body = VersionViews.of(first, key, list.partition(),
                Map.of(first, local(first), second, local(second)));

        assertThat(body.replicas()).allSatisfy(r -> assertThat(r.relation()).isEqualTo("BEFORE"));
        assertThat(body.replicas()).allSatisfy(r -> assertThat(r.relations()).containsValue("CONCURRENT"));
        assertThat(body.merged().siblings()).hasSize(2).noneMatch(VersionBody::superseded);
    }

    @Test
    void aFallbackHoldingAHintIsListedAfterTheReplicas() throws Exception {
        cluster.node(first).put(key, Context.EMPTY, text("v"), OptionalInt.of(2));
        cluster.write(fallback, key, cluster.read(first, key), second);

        Map<String, ReplicaVersions> copies = versions(first);

        assertThat(copies.keySet()).containsExactly(first, second, fallback);
        assertThat(copies.get(fallback).replica()).isFalse();
        assertThat(VersionViews.of(first, key, list.partition(), copies).replicas().get(2).replica()).isFalse();
    }

    @Test
    void aDeleteIsATombstoneWithoutValue() throws Exception {
        Context c = cluster.node(first).put(key, Context.EMPTY, text("v"), OptionalInt.of(2));
        cluster.node(first).delete(key, c, OptionalInt.of(2));

        KeyVersionsBody body = VersionViews.of(first, key, list.partition(), versions(first));

        assertThat(body.merged().siblings()).singleElement().satisfies(s -> {
            assertThat(s.tombstone()).isTrue();
            assertThat(s.value()).isNull();
        });
        assertThat(body.merged().clock()).isNotEmpty();
    }

    @Test
    void askedFromANodeThatIsNoReplicaItStillListsTheReplicas() throws Exception {
        assertThat(versions(fallback).keySet()).containsExactly(first, second);
    }

    private Map<String, ReplicaVersions> versions(String via) throws Exception {
        return cluster.node(via).view().versionsOnReplicas(key).get(10, TimeUnit.SECONDS);
    }

    private ReplicaVersions local(String node) {
        return new ReplicaVersions(node, true, cluster.read(node, key), "");
    }

    private PreferenceList preferenceList(Key k) {
        Ring ring = cluster.node("a").view().ring();
        return ring.preferenceList(ring.partitioner().partitionOfKey(k.bytes()), 2);
    }

    private static Value text(String s) {
        return Value.of(s.getBytes(UTF_8), "text/plain");
    }
}
