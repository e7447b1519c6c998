package io.dynamo.jaxrs.system;

import io.dynamo.client.DynamoClientException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The clients' requests counted by what came back: {@code GET ok}, {@code PUT 503 insufficient_replicas},
 * {@code GET no answer} (every node timed out or refused the connection), ... Under faults the API allows only two
 * failures, both documented: 503 {@code insufficient_replicas} (fewer than R or W replicas answered in time) and no
 * answer at all. Anything else (a 500, another 503, a 4xx, an answer the client could not read) is a bug, kept with
 * its message as evidence.
 */
final class Outcomes {
    private static final int EXAMPLES = 20;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unexpectedCount = new AtomicInteger();

    void succeeded(String operation) {
        count(operation + " ok");
    }

    void failed(String operation, DynamoClientException e) {
        if (allowed(e)) {
            count(operation + (e.status() == 0 ? " no answer" : " " + e.status() + " " + e.error()));
        } else {
            count(operation + " " + e.status() + " " + e.error() + " (unexpected)");
            if (unexpectedCount.getAndIncrement() < EXAMPLES) {
                unexpected.add(operation + ": " + e.getMessage());
            }
        }
    }

    /** The documented refusals under faults; a write that got one is not acknowledged and may or may not be kept. */
    static boolean allowed(DynamoClientException e) {
        return e.status() == 503 && "insufficient_replicas".equals(e.error())
                || e.status() == 0 && DynamoClientException.UNREACHABLE.equals(e.error());
    }

    private void count(String outcome) {
        counts.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** Every outcome seen and how often, sorted by name. */
    Map<String, Long> counts() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((outcome, n) -> sorted.put(outcome, n.sum()));
        return sorted;
    }

    int unexpectedCount() {
        return unexpectedCount.get();
    }

    /** The first few unexpected failures' messages. */
    List<String> unexpectedExamples() {
        return List.copyOf(unexpected);
    }
}
