package io.dynamo.core.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.testkit.SimulatedNetwork;
import io.dynamo.testkit.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local failure detector on a manual clock: what one miss, three misses and an answer do to a peer, what a
 * state change tells its listener, and how {@link PeerChannel} feeds it (round trips timed by the clock, timeouts
 * as misses, probes only to the peers routed around).
 */
class FailureDetectorTest {
    private static final long START = 1_000_000;
    private static final Duration TIMEOUT = Duration.ofMillis(100);

    private final SimulatedScheduler clock = new SimulatedScheduler(START);
    private final FailureDetector detector = new FailureDetector(clock);
    private final List<PeerHealth> changes = new ArrayList<>();

    @BeforeEach
    void listen() {
        detector.onChange(changes::add);
    }

    @Test
    void aPeerNeverHeardFromIsRoutableWithNothingKnown() {
        assertThat(detector.routable("b")).isTrue();
        assertThat(detector.health("b")).isEqualTo(new PeerHealth("b", Reachability.UP, 0, -1, 0));
        assertThat(detector.view()).isEmpty();
    }

    @Test
    void oneMissMakesAPeerSuspectAndThreeInARowDownAndOnlyChangesAreReported() {
        detector.missed("b");
        assertThat(detector.health("b").reachability()).isEqualTo(Reachability.SUSPECT);
        assertThat(detector.routable("b")).as("routed around after one miss").isFalse();
        detector.missed("b");
        assertThat(detector.health("b").reachability()).isEqualTo(Reachability.SUSPECT);
        detector.missed("b");
        assertThat(detector.health("b")).extracting(PeerHealth::reachability, PeerHealth::consecutiveFailures)
                .containsExactly(Reachability.DOWN, 3);
        detector.missed("b");
        assertThat(detector.health("b").consecutiveFailures()).isEqualTo(4);

        assertThat(changes).extracting(PeerHealth::reachability)
                .containsExactly(Reachability.SUSPECT, Reachability.DOWN);
        assertThat(detector.routable("c")).as("another peer is not affected").isTrue();
    }

    @Test
    void anyAnswerMakesAPeerUpAgainAndStartsTheCountAfresh() {
        detector.missed("b");
        detector.missed("b");
        detector.missed("b");
        clock.advance(Duration.ofSeconds(7));
        detector.answered("b", 5);

        assertThat(detector.health("b")).isEqualTo(new PeerHealth("b", Reachability.UP, START + 7_000, 5, 0));
        assertThat(changes).extracting(PeerHealth::reachability)
                .containsExactly(Reachability.SUSPECT, Reachability.DOWN, Reachability.UP);
        detector.missed("b");
        detector.missed("b");
        assertThat(detector.health("b").reachability()).as("two misses since the answer").isEqualTo(
                Reachability.SUSPECT);
    }

    @Test
    void aSuspicionFromTheGroupLayerRoutesAroundThePeerLikeAMiss() {
        detector.suspect("b");
        assertThat(detector.routable("b")).isFalse();
        assertThat(detector.health("b").consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void contactTimesComeFromTheClockAndRoundTripsAreSmoothed() {
        clock.advance(Duration.ofMillis(250));
        detector.answered("b", 100);
        clock.advance(Duration.ofMillis(250));
        detector.answered("b", 200);
        // An exponentially weighted average, the newest sample weighing 0.2.
        assertThat(detector.health("b").rttMillis()).isEqualTo(120.0);
        assertThat(detector.health("b").lastContactMillis()).isEqualTo(START + 500);

        clock.advance(Duration.ofSeconds(1));
        detector.missed("b");
        assertThat(detector.health("b").lastContactMillis()).as("a miss is no contact").isEqualTo(START + 500);
        assertThat(detector.health("b").rttMillis()).as("and no sample").isEqualTo(120.0);
        assertThat(detector.view()).containsOnlyKeys("b");
    }

    @Test
    void theChannelTimesAnswersByTheClockAndCountsATimeoutAsAMissOnlyWhenItExpires() {
        SimulatedNetwork network = new SimulatedNetwork(clock, 1).delays(10, 10);
        PeerChannel channel = channel(network, "a");
        answerEverything(network, "b");

        clock.runUntil(channel.call("b", new Ping()), Duration.ofSeconds(1));
        assertThat(detector.health("b").rttMillis()).as("10 ms each way").isEqualTo(20.0);
        assertThat(detector.health("b").lastContactMillis()).isEqualTo(START + 20);
        assertThat(channel.latencies().snapshot().get("b").latencyMicros().count()).as("the answer's latency")
                .isEqualTo(1);

        network.partition(Set.of("a"), Set.of("b"));
        CompletableFuture<Message> lost = channel.call("b", new Ping());
        clock.advance(TIMEOUT.minusMillis(1));
        assertThat(detector.routable("b")).as("still within the timeout").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(lost).isCompletedExceptionally();
        assertThat(detector.health("b").reachability()).isEqualTo(Reachability.SUSPECT);
        assertThat(channel.latencies().snapshot().get("b").missed()).as("the timeout counted as a miss").isEqualTo(1);
    }

    @Test
    void probesGoOnlyToPeersRoutedAroundAndAnAnswerBringsThemBack() {
        SimulatedNetwork network = new SimulatedNetwork(clock, 2).delays(1, 1);
        PeerChannel channel = channel(network, "a");
        List<String> pinged = new ArrayList<>();
        for (String peer : List.of("b", "c")) {
            network.transport(peer).serve((from, m) -> {
                pinged.add(peer);
                return CompletableFuture.completedFuture(new Ack());
            });
        }
        detector.answered("b", 1);
        detector.missed("c");
        detector.missed("c");
        detector.missed("c");

        channel.probeUnreachable();
        clock.advance(TIMEOUT);
        assertThat(pinged).containsExactly("c");
        assertThat(detector.health("c")).extracting(PeerHealth::reachability, PeerHealth::consecutiveFailures)
                .containsExactly(Reachability.UP, 0);

        channel.probeUnreachable();
        clock.advance(TIMEOUT);
        assertThat(pinged).as("nobody left to probe").containsExactly("c");
    }

    @Test
    void aRequestFromAPeerRoutesToItAgainAtOnceKeepingItsRoundTrip() {
        detector.answered("b", 40);
        detector.missed("b");
        detector.missed("b");
        detector.missed("b");
        clock.advance(Duration.ofSeconds(2));
        detector.heardFrom("b");

        assertThat(detector.health("b")).isEqualTo(new PeerHealth("b", Reachability.UP, START + 2_000, 40, 0));
        assertThat(changes).extracting(PeerHealth::reachability)
                .containsExactly(Reachability.SUSPECT, Reachability.DOWN, Reachability.UP);
    }

    @Test
    void aMissOfARequestSentBeforeThePeerWasLastHeardFromIsNotCounted() {
        long sent = clock.nowMillis();
        clock.advance(Duration.ofMillis(50));
        detector.heardFrom("b");
        clock.advance(Duration.ofMillis(50));
        detector.missed("b", sent);
        assertThat(detector.health("b").consecutiveFailures()).as("heard from since it was sent").isZero();
        assertThat(detector.routable("b")).isTrue();

        detector.missed("b", clock.nowMillis() - 10);
        assertThat(detector.health("b").reachability()).as("sent after the last contact").isEqualTo(
                Reachability.SUSPECT);
        assertThat(changes).extracting(PeerHealth::reachability).containsExactly(Reachability.SUSPECT);
    }

    @Test
    void aTimeoutThatFiresAWholeTimeoutLateIsThisNodesPauseNotAMissOfThePeer() {
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        PeerChannel channel = new PeerChannel(new HeldTransport(sent), detector, clock, TIMEOUT);
        channel.call("b", new Ping());
        channel.call("c", new Ping());

        clock.advance(TIMEOUT);
        sent.get(0).completeExceptionally(new UnreachableException("b", "no answer within 100 ms"));
        // As a process stopped for seconds sees it on resume: the timer fires long after the deadline.
        clock.advance(Duration.ofSeconds(5));
        sent.get(1).completeExceptionally(new UnreachableException("c", "no answer within 100 ms"));

        assertThat(detector.health("b").reachability()).isEqualTo(Reachability.SUSPECT);
        assertThat(detector.routable("c")).as("its miss came 5 s after its deadline").isTrue();
    }

    /** The node under test; it must serve too, since the simulated network drops replies to nodes it does not know. */
    private PeerChannel channel(SimulatedNetwork network, String node) {
        return new PeerChannel(answerEverything(network, node), detector, clock, TIMEOUT);
    }

    private static ClusterTransport answerEverything(SimulatedNetwork network, String node) {
        ClusterTransport transport = network.transport(node);
        transport.serve((from, m) -> CompletableFuture.completedFuture(new Ack()));
        return transport;
    }

    /** Holds every request's future for the test to complete, whenever it likes. */
    private record HeldTransport(List<CompletableFuture<Message>> sent) implements ClusterTransport {
        @Override
        public String localNode() {
            return "a";
        }

        @Override
        public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
            CompletableFuture<Message> reply = new CompletableFuture<>();
            sent.add(reply);
            return reply;
        }

        @Override
        public void serve(RequestHandler handler) {
        }

        @Override
        public void close() {
        }
    }
}
