package io.dynamo.jaxrs.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault run found, as Jepsen's set checker reports it, with the evidence to print before anything is
 * asserted: the seed, the fault schedule, the counts by outcome, and every problem.
 *
 * @param lost           per key, acknowledged elements missing from the final read
 * @param stray          per key, elements in the final read that no client ever attempted
 * @param staleReads     reads that missed an element acknowledged before they began
 * @param convergence    how the healed cluster converged, or what still differed
 * @param runFailures    the nemesis, the heal or the final read failing (each with its cause)
 */
record Verdict(long seed, String run, List<String> schedule, List<String> ineffectiveCuts,
               Map<String, Long> outcomes, long attempted, long acknowledged, List<String> unexpectedOutcomes,
               int unexpectedCount, List<String> clientDeaths, long staleReads, List<String> staleExamples,
               Map<String, Set<String>> lost, Map<String, Set<String>> stray, Convergence.Result convergence,
               List<String> runFailures) {

    long lostCount() {
        return lost.values().stream().mapToLong(Set::size).sum();
    }

    long strayCount() {
        return stray.values().stream().mapToLong(Set::size).sum();
    }

    /** Everything that is wrong, one line each; empty for a clean run. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lostCount() > 0) {
            problems.add(lostCount() + " acknowledged elements lost: " + sample(lost));
        }
        if (strayCount() > 0) {
            problems.add(strayCount() + " elements that were never written: " + sample(stray));
        }
        if (staleReads > 0) {
            problems.add(staleReads + " stale reads: " + staleExamples);
        }
        if (unexpectedCount > 0) {
            problems.add(unexpectedCount + " requests failed other than by the documented 503 insufficient_replicas"
                    + " or no answer: " + unexpectedOutcomes);
        }
        clientDeaths.forEach(d -> problems.add("client thread: " + d));
        ineffectiveCuts.forEach(c -> problems.add("a cut that did not take: " + c));
        if (!convergence.converged()) {
            problems.add("not converged " + convergence.millis() + " ms after healing: " + convergence.difference());
        }
        problems.addAll(runFailures);
        if (acknowledged == 0) {
            problems.add("no write was acknowledged: the run tested nothing");
        }
        return problems;
    }

    String report() {
        StringBuilder out = new StringBuilder();
        out.append(run).append(", seed ").append(seed).append(" (-Ddynamo.faults.seed=").append(seed)
                .append(" repeats the schedule)\n");
        out.append("faults:\n");
        schedule.forEach(f -> out.append("  ").append(f).append('\n'));
        out.append("outcomes: ").append(outcomes).append('\n');
        out.append(String.format("attempted %d, acknowledged %d, lost %d, never written %d, stale reads %d; %s%n",
                attempted, acknowledged, lostCount(), strayCount(), staleReads, convergence.converged()
                        ? "converged " + convergence.millis() + " ms after healing" : "did not converge"));
        List<String> problems = problems();
        out.append(problems.isEmpty() ? "no problems\n" : "problems:\n");
        problems.forEach(p -> out.append("  ").append(p).append('\n'));
        return out.toString();
    }

    /** A few elements per key: enough to look for in the nodes' logs, not thousands. */
    private static String sample(Map<String, Set<String>> byKey) {
        StringBuilder out = new StringBuilder();
        byKey.forEach((key, elements) -> {
            if (!elements.isEmpty()) {
                out.append(key).append(' ').append(elements.stream().limit(10).toList())
                        .append(elements.size() > 10 ? " and " + (elements.size() - 10) + " more" : "").append("; ");
            }
        });
        return out.toString();
    }
}
