package io.dynamo.bench;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The figures of one YCSB run after its warm-up, from the HdrHistogram interval logs YCSB writes per operation
 * ({@code hdrhistogram.fileoutput}): the intervals that start in the measured window (from the end of the warm-up
 * to the end of the measurement) are added up.
 *
 * <p>Warm-up and measurement run in one client JVM this way. As two YCSB processes, the measured one started with
 * a cold JIT and spent its first seconds compiling the client on the cores the nodes need.
 *
 * <p>{@code MeasuredWindow FROM_EPOCH_MS TO_EPOCH_MS FILE.hdr...}: prints the throughput and, per operation (the file name
 * without {@code .hdr}), the count and the avg, p50, p95, p99 and p99.9 latency in milliseconds; failed operations
 * (YCSB's {@code READ-FAILED} and so on) are counted in the throughput and shown as errors; YCSB's per-thread
 * {@code CLEANUP} is left out.
 */
public final class MeasuredWindow {
    private final long fromMillis;
    private final long toMillis;
    private final Map<String, Histogram> byOperation = new TreeMap<>();
    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;

    MeasuredWindow(long fromMillis, long toMillis) {
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    public static void main(String[] args) throws FileNotFoundException {
        if (args.length < 3) {
            System.err.println("usage: MeasuredWindow FROM_EPOCH_MS TO_EPOCH_MS FILE.hdr...");
            System.exit(2);
        }
        MeasuredWindow window = new MeasuredWindow(Long.parseLong(args[0]), Long.parseLong(args[1]));
        for (int i = 2; i < args.length; i++) {
            File file = new File(args[i]);
            window.add(operationOf(file.toPath()), new HistogramLogReader(file));
        }
        window.print(System.out);
    }

    static String operationOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".hdr") ? name.substring(0, name.length() - 4) : name;
    }

    /** Adds the intervals of one operation's log that start in the window. */
    void add(String operation, HistogramLogReader log) {
        if (operation.equals("CLEANUP")) {
            return; // YCSB's per-thread teardown at the end of the run, not an operation of the workload
        }
        Histogram sum = byOperation.computeIfAbsent(operation, o -> new Histogram(3));
        for (EncodableHistogram h = log.nextIntervalHistogram(); h != null; h = log.nextIntervalHistogram()) {
            long start = h.getStartTimeStamp();
            if (start < fromMillis || start >= toMillis || !(h instanceof Histogram interval)) {
                continue;
            }
            sum.add(interval);
            windowStart = Math.min(windowStart, start);
            windowEnd = Math.max(windowEnd, h.getEndTimeStamp());
        }
    }

    /** Seconds from the first measured interval's start to the last one's end; 0 when nothing was measured. */
    double seconds() {
        return windowEnd > windowStart ? (windowEnd - windowStart) / 1000.0 : 0;
    }

    long operations() {
        return byOperation.values().stream().mapToLong(Histogram::getTotalCount).sum();
    }

    void print(PrintStream out) {
        double seconds = seconds();
        out.printf(Locale.ROOT, "throughput %.0f ops/s (%d operations in %.1f s)%n",
                seconds > 0 ? operations() / seconds : 0.0, operations(), seconds);
        out.printf(Locale.ROOT, "%-7s %9s %9s %9s %9s %9s %9s  (latency in ms)%n",
                "op", "count", "avg", "p50", "p95", "p99", "p99.9");
        List<String> failed = new ArrayList<>();
        byOperation.forEach((operation, h) -> {
            if (operation.endsWith("-FAILED")) {
                if (h.getTotalCount() > 0) {
                    failed.add(operation + "=" + h.getTotalCount());
                }
                return;
            }
            out.printf(Locale.ROOT, "%-7s %9d %9.2f %9.2f %9.2f %9.2f %9.2f%n", operation, h.getTotalCount(),
                    h.getMean() / 1000, ms(h, 50), ms(h, 95), ms(h, 99), ms(h, 99.9));
        });
        if (!failed.isEmpty()) {
            out.println("errors: " + String.join(" ", failed));
        }
    }

    /** YCSB records microseconds. */
    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
