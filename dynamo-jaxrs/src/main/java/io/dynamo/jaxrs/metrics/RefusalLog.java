package io.dynamo.jaxrs.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One log line per kind of refusal (503 insufficient_replicas, node_unreachable, ...) per period, however many
 * requests are refused: while a replica is down or the cluster is split, every request may be refused, and a line
 * (let alone a stack trace) for each buried the log (6 MB in 11 s of a partition). The first refusal of a kind is
 * logged at once; later ones within the period are counted and reported with the next line.
 */
final class RefusalLog {
    private final long periodMillis;
    private final LongSupplier clock;
    private final Consumer<String> sink;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param clock milliseconds, for the period
     * @param sink  receives each line
     */
    RefusalLog(long periodMillis, LongSupplier clock, Consumer<String> sink) {
        this.periodMillis = periodMillis;
        this.clock = clock;
        this.sink = sink;
    }

    /** Records one refused request; writes a line when the kind's period has passed since its last line. */
    void refused(int status, String error, String detail) {
        Window window = windows.computeIfAbsent(status + " " + error, k -> new Window());
        long now = clock.getAsLong();
        long since;
        synchronized (window) {
            window.refused++;
            if (window.loggedAt != Long.MIN_VALUE && now - window.loggedAt < periodMillis) {
                return;
            }
            since = window.refused;
            window.refused = 0;
            window.loggedAt = now;
        }
        sink.accept(since == 1 ? "refused a request with " + status + " " + error + ": " + detail
                : "refused " + since + " requests with " + status + " " + error + " in the last "
                        + (periodMillis / 1000) + " s; the latest: " + detail);
    }

    private static final class Window {
        long refused;
        long loggedAt = Long.MIN_VALUE;
    }
}
