package io.dynamo.jaxrs.admin;

import java.util.regex.Pattern;

/** Parses a {partition} path segment against the ring's Q. */
final class PartitionParam {
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

    private PartitionParam() {
    }

    static int parse(String raw, int partitionCount) {
        if (raw == null || !INTEGER.matcher(raw).matches() || Integer.parseInt(raw) >= partitionCount) {
            String shown = raw == null ? "" : raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
            throw new InvalidPartitionException("partition '" + shown + "' does not exist: partitions are numbered"
                    + " 0 to " + (partitionCount - 1) + " (Q=" + partitionCount + ")");
        }
        return Integer.parseInt(raw);
    }
}
