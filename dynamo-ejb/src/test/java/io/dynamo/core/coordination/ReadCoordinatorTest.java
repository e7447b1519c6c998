package io.dynamo.core.coordination;

import static io.dynamo.core.coordination.ReadQuorumTest.NEW;
import static io.dynamo.core.coordination.ReadQuorumTest.OLD;
import static io.dynamo.core.coordination.ReadQuorumTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.SimulatedScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A get coordinated at replica a of [a, b, c], with the replies of b, c (and fallback d) given by hand: the
 * coordinator's own copy is one answer of R, never the read's answer on its own when R is 2 or more.
 */
class ReadCoordinatorTest {
    private static final Key KEY = Key.of("k");
    private static final PreferenceList ABC = new PreferenceList(0, List.of("a", "b", "c"), List.of());

    private final SimulatedScheduler scheduler = new SimulatedScheduler(1_000_000);
    private final FailureDetector detector = new FailureDetector(scheduler);
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final ReplicaStore store = new ReplicaStore(storage, new DotSource("a", storage), Clock.systemUTC(), 10,
            SiblingLimits.none("a"));
    private final ScriptedPeers peers = new ScriptedPeers("a");
    private final ReadCoordinator reads = new ReadCoordinator(
            new LocalReplica(store, new InMemoryHintStore(), scheduler),
            new PeerChannel(peers, detector, scheduler, Duration.ofMillis(100)), scheduler);

    @Test
    void withROfOneTheCoordinatorAnswersFromItsOwnCopy() {
        store.merge(KEY, OLD);
        assertThat(reads.read(KEY, ABC, 1)).isCompletedWithValue(OLD);
    }

    @Test
    void aStaleCoordinatorWithROfTwoAnswersWithTheNewerVersionAnotherReplicaHolds() {
        store.merge(KEY, OLD);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        assertThat(read).as("its own copy is one answer of two").isNotDone();

        peers.answer("b", NEW);
        assertThat(read).isCompletedWithValue(NEW);
        assertThat(read.join().liveValues()).containsExactly(text("new"));
    }

    @Test
    void aReadWithROfThreeWaitsForEveryReplica() {
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 3);
        peers.answer("b", OLD);
        assertThat(read).isNotDone();
        peers.answer("c", NEW);
        assertThat(read).isCompletedWithValue(NEW);
    }

    @Test
    void fewerThanRAnswersFailTheReadAsTooFewReplicasFailAWrite() {
        store.merge(KEY, NEW);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        peers.fail("b");
        assertThat(read).as("c may still answer").isNotDone();
        peers.fail("c");
        assertFailed(read, "needed 2 replicas but 1 answered");
    }

    @Test
    void withROfThreeOneReplicaMissingFailsTheRead() {
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 3);
        peers.answer("b", NEW);
        peers.fail("c");
        assertFailed(read, "needed 3 replicas but 2 answered");
    }

    @Test
    void replicasRoutedAroundWithNoFallbackLeftFailTheReadAtOnce() {
        store.merge(KEY, NEW);
        detector.missed("b");
        detector.missed("c");
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        assertFailed(read, "needed 2 replicas but 1 answered");
        assertThat(peers.calls).as("nobody asked").isEmpty();
    }

    @Test
    void aReplicaThatFailsIsReplacedByAFallbackWhoseAnswerCounts() {
        PreferenceList withFallback = new PreferenceList(0, List.of("a", "b", "c"), List.of("d"));
        CompletableFuture<SiblingSet> read = reads.read(KEY, withFallback, 3);
        peers.answer("b", OLD);
        peers.fail("c");
        assertThat(read).isNotDone();
        peers.answer("d", NEW);
        assertThat(read).isCompletedWithValue(NEW);
    }

    @Test
    void withROfTwoOnlyOnePeerIsAskedWhenItAnswersInTime() {
        store.merge(KEY, NEW);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        peers.answer("b", NEW);
        assertThat(read).isCompletedWithValue(NEW);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(peers.calls).as("c is neither read nor repaired: the copies agree").extracting(c -> c.target())
                .containsExactly("b");
        assertThat(reads.speculativeReadCount()).isZero();
        assertThat(reads.repairCount()).isZero();
    }

    @Test
    void aFailedReplicaIsReplacedAtOnceByTheNextNotYetAsked() {
        store.merge(KEY, NEW);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        assertThat(peers.sentTo("c")).as("not asked while b may answer").isEmpty();
        peers.fail("b");
        assertThat(peers.sentTo("c")).containsExactly(new ReadReplica(KEY));
        peers.answer("c", NEW);
        assertThat(read).isCompletedWithValue(NEW);
        assertThat(reads.speculativeReadCount()).isZero();
    }

    @Test
    void aSlowReplicaIsBackedUpByOneMoreReadAfterTheSpeculativeDelay() {
        store.merge(KEY, NEW);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        // Nothing measured yet: the delay is a tenth of the 100 ms request timeout.
        scheduler.advance(Duration.ofMillis(9));
        assertThat(peers.sentTo("c")).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(peers.sentTo("c")).containsExactly(new ReadReplica(KEY));
        peers.answer("c", NEW);
        assertThat(read).as("b has still not answered").isCompletedWithValue(NEW);
        assertThat(reads.speculativeReadCount()).isEqualTo(1);
    }

    @Test
    void answersThatDisagreeMakeTheCoordinatorReadTheRestAndRepairEveryStaleCopy() {
        store.merge(KEY, OLD);
        CompletableFuture<SiblingSet> read = reads.read(KEY, ABC, 2);
        peers.answer("b", NEW);
        assertThat(read).isCompletedWithValue(NEW);
        assertThat(store.read(KEY)).as("not before c answered").isEqualTo(OLD);
        scheduler.advance(Duration.ZERO);

        peers.answer("c", OLD);
        assertThat(store.read(KEY)).isEqualTo(NEW);
        assertThat(peers.sentTo("c")).containsExactly(new ReadReplica(KEY),
                new WriteReplica(KEY, NEW, ""));
        assertThat(reads.repairCount()).isEqualTo(2);
    }

    private static void assertFailed(CompletableFuture<SiblingSet> read, String message) {
        assertThat(read).isCompletedExceptionally();
        assertThatThrownBy(read::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InsufficientReplicasException.class).hasMessageContaining(message);
    }
}
