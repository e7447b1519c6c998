package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jepsen-style: three real nodes, each on its own loopback address, while clients add unique elements to a few keys
 * by read-modify-write (see {@link SetWorkload}), and a nemesis repeatedly cuts and heals the network between nodes,
 * kills a node with SIGKILL and restarts it, and pauses one with SIGSTOP (see {@link FaultSchedule}). After the
 * faults stop and the cluster heals, the {@link Verdict} must find nothing: no acknowledged element lost, none that
 * was never written, no stale read, no failure but the documented ones, no client thread dead, every cut seen by the
 * node it cut off, and every replica holding the same versions. Bounded by {@code dynamo.faults.seconds} (default
 * 60); the seed is {@code dynamo.faults.seed} (default: the wall clock).
 */
class FaultInjectionIT {
    private static final long SEED = FaultRun.seed();
    private static final Duration FAULTS = Duration.ofSeconds(Long.getLong("dynamo.faults.seconds", 60));
    private static FaultRun faults;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("FaultInjectionIT: seed " + SEED + ", " + FAULTS.toSeconds() + " s of faults");
        faults = FaultRun.start("faults", MicroNode.builtWar());
    }

    @AfterAll
    static void stop() throws Exception {
        if (faults != null) {
            faults.close();
        }
    }

    @Test
    void noAcknowledgedElementIsLostThroughPartitionsCrashesAndPauses() throws Exception {
        Verdict verdict = faults.run(SEED, FAULTS, List.of(FaultSchedule.Fault.values()),
                Duration.ofMinutes(4));
        System.out.println(verdict.report());
        assertThat(verdict.problems()).as("what the checker found (seed %d; the report above)", SEED).isEmpty();
    }
}
