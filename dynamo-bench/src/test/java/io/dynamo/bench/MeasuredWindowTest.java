package io.dynamo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

class MeasuredWindowTest {
    private static final long T0 = 1_700_000_000_000L;

    /** An interval log as YCSB writes it: one histogram of microsecond latencies per status interval. */
    private static HistogramLogReader log(long[][] intervals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        writer.outputLogFormatVersion();
        writer.outputStartTime(T0);
        writer.setBaseTime(T0);
        writer.outputLegend();
        for (long[] interval : intervals) {
            Histogram h = new Histogram(3);
            h.setStartTimeStamp(interval[0]);
            h.setEndTimeStamp(interval[1]);
            for (int i = 2; i < interval.length; i += 2) {
                h.recordValueWithCount(interval[i], interval[i + 1]);
            }
            writer.outputIntervalHistogram(h);
        }
        return new HistogramLogReader(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void onlyIntervalsThatStartInTheWindowCount() {
        MeasuredWindow window = new MeasuredWindow(T0 + 30_000, T0 + 50_000);
        window.add("READ", log(new long[][] {
            {T0, T0 + 10_000, 900_000, 100}, // warm-up: slow, must not count
            {T0 + 20_000, T0 + 30_000, 900_000, 100},
            {T0 + 30_000, T0 + 40_000, 1_000, 990, 40_000, 10},
            {T0 + 40_000, T0 + 50_000, 2_000, 1_000},
            {T0 + 50_000, T0 + 52_000, 900_000, 50}})); // the client's tail after the window: must not count
        window.add("READ-FAILED", log(new long[][] {{T0 + 5_000, T0 + 10_000, 5, 3}, {T0 + 45_000, T0 + 50_000, 7, 2}}));
        window.add("CLEANUP", log(new long[][] {{T0 + 45_000, T0 + 50_000, 1, 16}}));

        assertThat(window.seconds()).isEqualTo(20.0);
        assertThat(window.operations()).isEqualTo(2_002);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        window.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("throughput 100 ops/s (2002 operations in 20.0 s)");
        // 2,000 reads: 990 at 1 ms, 1,000 at 2 ms, 10 at 40 ms; none of the warm-up's 900 ms.
        assertThat(text).containsPattern("READ\\s+2000\\s+1\\.7\\d\\s+2\\.00\\s+2\\.00\\s+2\\.00\\s+40\\.0\\d");
        assertThat(text).contains("errors: READ-FAILED=2");
    }

    @Test
    void aRunThatEndedDuringTheWarmUpMeasuresNothing() {
        MeasuredWindow window = new MeasuredWindow(T0 + 30_000, T0 + 90_000);
        window.add("UPDATE", log(new long[][] {{T0, T0 + 10_000, 1_000, 5}}));
        assertThat(window.seconds()).isZero();
        assertThat(window.operations()).isZero();
    }

    @Test
    void theOperationIsTheFileName() {
        assertThat(MeasuredWindow.operationOf(Path.of("run/bench/hdr-A/UPDATE.hdr"))).isEqualTo("UPDATE");
    }
}
