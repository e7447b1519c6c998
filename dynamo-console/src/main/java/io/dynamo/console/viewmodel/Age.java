package io.dynamo.console.viewmodel;

/** A duration shown as "4.2 s" or "3 min 5 s"; sorts by length, unknown first. */
public record Age(Long millis) implements Comparable<Age> {
    public static final Age UNKNOWN = new Age(null);

    public static Age of(Long millis) {
        return millis == null ? UNKNOWN : new Age(millis);
    }

    @Override
    public int compareTo(Age other) {
        return Long.compare(millis == null ? -1 : millis, other.millis == null ? -1 : other.millis);
    }

    @Override
    public String toString() {
        if (millis == null) {
            return "—";
        }
        if (millis < 10_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
