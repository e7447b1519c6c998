package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.system.FaultSchedule.Fault;
import io.dynamo.jaxrs.system.planted.FailingReads;
import io.dynamo.jaxrs.system.planted.ForgetfulStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault test's checker must report real bugs: the same run as {@link FaultInjectionIT}, on nodes whose WAR has
 * two bugs planted on its class path (see {@link PlantedWar}), must end in a verdict that names what they did.
 * {@link ForgetfulStorage} forgets one version in seven that merges bring: acknowledged elements are lost and reads
 * miss acknowledged writes. {@link FailingReads} fails one store read in fifty: gets answer 500. A checker that stops
 * seeing either fails here. Short, to keep the build short: {@code dynamo.planted.seconds} (default 20) of load
 * with cuts and pauses; kills are left out, as a restart takes 30-70 s on two cores.
 */
class PlantedBugIT {
    private static final long SEED = FaultRun.seed();
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("dynamo.planted.seconds", 20));
    private static FaultRun faults;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("PlantedBugIT: seed " + SEED + ", " + LOAD.toSeconds() + " s of load");
        Path war = PlantedWar.with(List.of(ForgetfulStorage.class, FailingReads.class),
                Path.of("target", "planted").toAbsolutePath());
        faults = FaultRun.start("planted", war);
    }

    @AfterAll
    static void stop() throws Exception {
        if (faults != null) {
            faults.close();
        }
    }

    @Test
    void theCheckerReportsLostWritesStaleReadsAndServerErrors() throws Exception {
        for (MicroNode node : faults.nodes()) {
            assertThat(new String(Files.readAllBytes(node.log()), StandardCharsets.UTF_8))
                    .as("the bugs are planted in %s", node.name)
                    .contains("storage decorated by " + ForgetfulStorage.class.getName())
                    .contains("storage decorated by " + FailingReads.class.getName());
        }
        Verdict verdict = faults.run(SEED, LOAD, List.of(Fault.CUT_FROM_OTHERS, Fault.CUT_PAIR,
                Fault.PAUSE), Duration.ofSeconds(60));
        System.out.println(verdict.report());
        String evidence = "with the bugs planted (seed " + SEED + "; the report above)";
        assertThat(verdict.lostCount()).as("acknowledged elements found lost " + evidence).isPositive();
        assertThat(verdict.staleReads()).as("stale reads found " + evidence).isPositive();
        assertThat(verdict.outcomes()).as("outcomes " + evidence).containsKey("GET 500 internal_error (unexpected)");
        assertThat(verdict.problems()).as("problems reported " + evidence)
                .anyMatch(p -> p.contains("failed other than by the documented"));
    }
}
