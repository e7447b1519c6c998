package io.dynamo.core.coordination;

import static io.dynamo.core.coordination.ReadQuorumTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.SimulatedScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A put coordinated at replica a of [a, b, c] with W=2, b's and c's acknowledgements given by hand: what is stored
 * when the write is refused, when it fails, and when it succeeds.
 */
class WriteCoordinatorTest {
    private static final Key KEY = Key.of("k");
    private static final PreferenceList ABC = new PreferenceList(0, List.of("a", "b", "c"), List.of());

    private final SimulatedScheduler scheduler = new SimulatedScheduler(1_000_000);
    private final FailureDetector detector = new FailureDetector(scheduler);
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final InMemoryHintStore hints = new InMemoryHintStore();
    private final ScriptedPeers peers = new ScriptedPeers("a");
    private final WriteCoordinator writes = new WriteCoordinator(new LocalReplica(new ReplicaStore(storage,
            new DotSource("a", storage), Clock.systemUTC(), 10, SiblingLimits.none("a")), hints, scheduler),
            new PeerChannel(peers, detector, scheduler, Duration.ofMillis(100)));

    @Test
    void withTooFewNodesRoutableTheWriteIsRefusedBeforeAnythingIsStored() {
        detector.missed("b");
        detector.missed("c");
        assertFailed(write(), "needed 2 replicas but 1 answered");
        assertThat(storage.read(KEY).clock().isEmpty()).isTrue();
        assertThat(hints.targets()).isEmpty();
        assertThat(peers.calls).isEmpty();
    }

    @Test
    void aWriteThatGetsTooFewAcknowledgementsFailsButStaysStoredAndHintedForTheReplicasThatMissedIt() {
        CompletableFuture<SiblingSet> write = write();
        peers.fail("b");
        peers.fail("c");
        assertFailed(write, "needed 2 replicas but 1 answered");
        assertThat(storage.read(KEY).liveValues()).as("not acknowledged, yet stored").containsExactly(text("v"));
        assertThat(hints.targets()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void theWriteSucceedsWithWAcknowledgementsItsOwnIncluded() {
        CompletableFuture<SiblingSet> write = write();
        assertThat(write).isNotDone();
        peers.ack("b");
        assertThat(write).isCompleted();
        assertThat(write.join().liveValues()).containsExactly(text("v"));
        peers.ack("c");
        assertThat(hints.targets()).isEmpty();
    }

    @Test
    void withDwTheWriteWaitsForThatManySyncedAcknowledgementsNotJustW() {
        CompletableFuture<SiblingSet> write = writes.write(KEY, ABC, Context.EMPTY, text("v"), 2, 2, "put");
        assertThat(peers.sentTo("b")).singleElement().isEqualTo(new WriteReplica(KEY, storage.read(KEY), "", true));
        peers.ack("b", false);
        assertThat(write).as("W=2 reached, but only the coordinator synced").isNotDone();
        peers.ack("c", true);
        assertThat(write).isCompleted();
    }

    @Test
    void withDwAWriteFailsOnceTooFewReplicasAreLeftToSyncIt() {
        CompletableFuture<SiblingSet> write = writes.write(KEY, ABC, Context.EMPTY, text("v"), 2, 2, "put");
        peers.ack("b", false);
        peers.fail("c");
        assertFailed(write, "needed 2 replicas");
    }

    @Test
    void withDwAWriteWhoseTargetsAllAnsweredUnsyncedFailsAtOnceThoughASpareIsLeft() {
        PreferenceList withSpare = new PreferenceList(0, List.of("a", "b", "c"), List.of("d"));
        CompletableFuture<SiblingSet> write = writes.write(KEY, withSpare, Context.EMPTY, text("v"), 2, 2, "put");
        peers.ack("b", false);
        peers.ack("c", false);
        assertFailed(write, "needed 2 replicas to sync the write (dw) but 1 did");
        assertThat(peers.sentTo("d")).as("a spare stands in only for a target that failed").isEmpty();
    }

    // A ring change on three nodes with N=2: partition 0 moves from [a, b] to [b, c], so the two rings' replicas
    // are every node and no fallback is left outside them.
    private static final PreferenceList BEFORE = new PreferenceList(0, List.of("a", "b"), List.of("c"));
    private static final PreferenceList AFTER = new PreferenceList(0, List.of("b", "c"), List.of("a"));

    @Test
    void duringARingChangeAReplicaOfTheOtherRingStandsInForADownNewReplica() {
        detector.missed("c");
        CompletableFuture<SiblingSet> write = writeDuringChange();
        assertThat(hints.targets()).as("the coordinator a holds c's copy as a hint").containsExactly("c");
        assertThat(write).as("b's answer still awaited").isNotDone();
        peers.ack("b");
        assertThat(write).as("previous ring: a, b; new ring: b, and a for c").isCompleted();
        assertThat(peers.sentTo("c")).isEmpty();
    }

    @Test
    void duringARingChangeAReplicaOfBothRingsThatIsDownIsStoodInForInEachRingByANodeNotInIt() {
        detector.missed("b");
        CompletableFuture<SiblingSet> write = writeDuringChange();
        assertThat(hints.targets()).as("a stands in for b in the new ring").containsExactly("b");
        assertThat(peers.sentTo("c")).as("c as a replica, and as b's stand-in in the previous ring")
                .containsExactlyInAnyOrder(new WriteReplica(KEY, storage.read(KEY), "", false),
                        new WriteReplica(KEY, storage.read(KEY), "b", false));
        peers.ack("c");
        assertThat(write).as("the previous ring still waits for c standing in for b").isNotDone();
        peers.ack("c");
        assertThat(write).isCompleted();
    }

    @Test
    void aStandInDoesNotCountInAGroupItIsAReplicaOf() {
        detector.missed("b");
        CompletableFuture<SiblingSet> write = writeDuringChange();
        peers.ack("c"); // standing in for b: counts in the previous ring only, where c is no replica
        peers.fail("c"); // as a replica of the new ring
        assertFailed(write, "needed 2 replicas but 1 answered of the new ring's replicas [b, c] "
                + "(the ring is changing)");
    }

    private CompletableFuture<SiblingSet> writeDuringChange() {
        return writes.write(KEY, List.of(BEFORE, AFTER), Context.EMPTY, text("v"), 2, 0, "put");
    }

    private CompletableFuture<SiblingSet> write() {
        return writes.write(KEY, ABC, Context.EMPTY, text("v"), 2, "put");
    }

    private static void assertFailed(CompletableFuture<SiblingSet> write, String message) {
        assertThat(write).isCompletedExceptionally();
        assertThatThrownBy(write::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InsufficientReplicasException.class).hasMessageContaining(message);
    }
}
