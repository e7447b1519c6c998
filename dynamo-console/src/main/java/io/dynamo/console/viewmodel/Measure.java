package io.dynamo.console.viewmodel;

/** A number with its unit for a table cell ("1.3 ms", "48.2 KiB", "1 204"); sorts by value, unknown first. */
public record Measure(Double value, String text) implements Comparable<Measure> {
    public static final Measure UNKNOWN = new Measure(null, "—");

    public static Measure millis(Double millis) {
        return millis == null ? UNKNOWN : new Measure(millis, String.format("%.1f ms", millis));
    }

    public static Measure count(Long count) {
        return count == null ? UNKNOWN : new Measure(count.doubleValue(), String.format("%,d", count));
    }

    public static Measure bytes(long bytes) {
        if (bytes < 1024) {
            return new Measure((double) bytes, bytes + " B");
        }
        if (bytes < 1024 * 1024) {
            return new Measure((double) bytes, String.format("%.1f KiB", bytes / 1024.0));
        }
        return new Measure((double) bytes, String.format("%.1f MiB", bytes / (1024.0 * 1024)));
    }

    @Override
    public int compareTo(Measure other) {
        return Double.compare(value == null ? -1 : value, other.value == null ? -1 : other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
