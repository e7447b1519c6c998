package io.dynamo.simulation;

import static io.dynamo.testkit.LocalCluster.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.PreconditionFailedException;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * If-Match and If-None-Match writes on a simulated cluster of five nodes (N=3, R=2, W=2), and the limits of what they
 * guarantee: conditional writes of one key through one coordinator are serialised there; through two coordinators,
 * or on both sides of a partition, both may pass, and the key then keeps both as siblings.
 */
class ConditionalWritesTest {
    private final LocalCluster cluster = new LocalCluster(7, 5, 3, 2, 2, 16, LocalCluster.fastTiming());
    private final PreferenceList list = cluster.ring().preferenceList(
            cluster.ring().partitioner().partitionOfKey(Key.of("k").bytes()), 3);
    private final String coordinator = list.replicas().get(0);

    @AfterEach
    void stop() {
        cluster.close();
    }

    private CompletableFuture<Context> writeIf(String via, WriteCondition condition, String value) {
        return cluster.node(via).writeIfAsync(condition, Key.of("k"), Context.EMPTY,
                value == null ? Value.tombstone() : text(value), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty());
    }

    private Throwable failureOf(CompletableFuture<?> f) {
        cluster.scheduler().runUntil(f, LocalCluster.CLIENT_LIMIT);
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private List<String> values(String via) {
        return cluster.get(via, "k", 3).values().stream().map(LocalCluster::text).toList();
    }

    private String tag(String via) {
        return cluster.get(via, "k", 2).context().tag().orElseThrow();
    }

    @Test
    void ifMatchWritesOverTheMatchedVersionAndRefusesAStaleTag() {
        cluster.put(coordinator, "k", Context.EMPTY, "v1", 2);
        String v1 = tag(list.replicas().get(1));
        assertThat(tag(list.fallbacks().get(0))).as("the same context has the same tag on any node").isEqualTo(v1);

        Context written = cluster.await(writeIf(coordinator, WriteCondition.matching(v1), "v2"));
        assertThat(values(coordinator)).containsExactly("v2");
        assertThat(written.tag()).contains(tag(coordinator)).isNotEqualTo(v1);

        assertThat(failureOf(writeIf(coordinator, WriteCondition.matching(v1), "v3")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("If-Match");
        assertThat(values(coordinator)).as("a refused write stores nothing").containsExactly("v2");
    }

    @Test
    void ifMatchOnAKeyNeverWrittenIsRefused() {
        assertThat(failureOf(writeIf(coordinator, WriteCondition.matching("AAAAAAAAAAAAAAAAAAAAAA"), "v")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("never written");
        assertThat(cluster.get(coordinator, "k", 3).found()).isFalse();
    }

    @Test
    void ifMatchAnyNeedsAValueAndIfNoneMatchATagRefusesOnlyThatVersion() {
        WriteCondition any = new WriteCondition(Set.of(), true, Set.of(), false);
        assertThat(failureOf(writeIf(coordinator, any, "v"))).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("If-Match: *");
        cluster.put(coordinator, "k", Context.EMPTY, "v1", 2);
        String v1 = tag(coordinator);
        WriteCondition notV1 = new WriteCondition(Set.of(), false, Set.of(v1), false);
        cluster.await(writeIf(coordinator, any, "v2"));
        cluster.await(writeIf(coordinator, notV1, "v3"));
        String v3 = tag(coordinator);
        assertThat(failureOf(writeIf(coordinator, new WriteCondition(Set.of(), false, Set.of(v3), false), "v4")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("If-None-Match names");
        assertThat(values(coordinator)).containsExactly("v3");
    }

    @Test
    void theReadQuorumOfTheCheckIsRefusedAtOnceOutside1ToN() {
        assertThatThrownBy(() -> cluster.node(coordinator).writeIfAsync(WriteCondition.absent(), Key.of("k"),
                Context.EMPTY, text("v"), OptionalInt.of(4), OptionalInt.empty(), OptionalInt.empty()))
                .isInstanceOf(InvalidQuorumException.class).hasMessageContaining("r=4");
        assertThat(cluster.get(coordinator, "k", 3).found()).isFalse();
    }

    @Test
    void ifAbsentCreatesAMissingOrDeletedKeyAndRefusesAPresentOne() {
        cluster.await(writeIf(coordinator, WriteCondition.absent(), "first"));
        assertThat(failureOf(writeIf(coordinator, WriteCondition.absent(), "second")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("If-None-Match: *");
        assertThat(values(coordinator)).containsExactly("first");

        cluster.await(writeIf(coordinator, WriteCondition.matching(tag(coordinator)), null));
        assertThat(cluster.get(coordinator, "k", 3).found()).isFalse();
        cluster.await(writeIf(coordinator, WriteCondition.absent(), "again"));
        ReadResult read = cluster.get(coordinator, "k", 3);
        assertThat(read.values()).extracting(LocalCluster::text)
                .as("the write carries the read's context: it supersedes the tombstone, no sibling")
                .containsExactly("again");
    }

    @Test
    void twoIfMatchWritesOfOneTagThroughOneCoordinatorOneWinsOneIsRefused() {
        cluster.put(coordinator, "k", Context.EMPTY, "v1", 2);
        assertTheFirstOfTwoWinsThroughOneCoordinator(WriteCondition.matching(tag(coordinator)));
    }

    @Test
    void twoIfAbsentWritesThroughOneCoordinatorCreateTheKeyOnce() {
        assertTheFirstOfTwoWinsThroughOneCoordinator(WriteCondition.absent());
    }

    /** Both writes are under way at once; the second checks only once the first has written. */
    private void assertTheFirstOfTwoWinsThroughOneCoordinator(WriteCondition condition) {
        CompletableFuture<Context> a = writeIf(coordinator, condition, "a");
        CompletableFuture<Context> b = writeIf(coordinator, condition, "b");
        assertThat(a).as("the first is still reading the replicas").isNotDone();
        cluster.scheduler().runUntil(CompletableFuture.allOf(a, b).exceptionally(f -> null), LocalCluster.CLIENT_LIMIT);
        assertThat(a).isCompleted();
        assertThat(failureOf(b)).isInstanceOf(PreconditionFailedException.class);
        assertThat(values(coordinator)).containsExactly("a");
    }

    @Test
    void twoCoordinatorsCanBothPassTheCheckAndTheKeyKeepsBothAsSiblings() {
        cluster.put(coordinator, "k", Context.EMPTY, "v1", 3);
        String v1 = tag(coordinator);
        String other = list.replicas().get(1);
        CompletableFuture<Context> a = writeIf(coordinator, WriteCondition.matching(v1), "a");
        CompletableFuture<Context> b = writeIf(other, WriteCondition.matching(v1), "b");
        cluster.scheduler().runUntil(CompletableFuture.allOf(a, b), LocalCluster.CLIENT_LIMIT);
        assertThat(a).isCompleted();
        assertThat(b).as("both read v1 before either wrote: not linearizable").isCompleted();
        cluster.runFor(Duration.ofSeconds(1));
        assertThat(values(list.replicas().get(2))).as("no acknowledged write is lost")
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void bothSidesOfAPartitionPassTheirChecksAndBothWritesSurviveTheHeal() {
        cluster.put(coordinator, "k", Context.EMPTY, "v1", 3);
        String v1 = tag(coordinator);
        String right = list.replicas().get(1);
        cluster.network().partition(Set.of(coordinator, list.fallbacks().get(0)),
                Set.of(right, list.replicas().get(2), list.fallbacks().get(1)));
        WriteCondition matchV1 = WriteCondition.matching(v1);
        cluster.await(cluster.node(coordinator).writeIfAsync(matchV1, Key.of("k"), Context.EMPTY, text("left"),
                OptionalInt.of(1), OptionalInt.of(1), OptionalInt.empty()));
        cluster.await(writeIf(right, matchV1, "right"));
        cluster.network().heal();
        cluster.runFor(Duration.ofSeconds(3));
        assertThat(values(list.replicas().get(2))).containsExactlyInAnyOrder("left", "right");
    }
}
