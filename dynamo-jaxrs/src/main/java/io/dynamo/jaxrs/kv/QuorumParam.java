package io.dynamo.jaxrs.kv;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Parses the r, w and dw query parameters; their range (1..N, 1..W) is the node's to check. */
final class QuorumParam {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private QuorumParam() {
    }

    /** @return empty when the parameter is absent */
    static OptionalInt parse(String name, String raw) {
        return parse(name, raw, "a quorum from 1 to N");
    }

    /** dw: how many of the W acknowledgements must come from replicas that synced the write. */
    static OptionalInt durableWrites(String raw) {
        return parse("dw", raw, "the number of replicas that must sync the write, from 1 to W");
    }

    private static OptionalInt parse(String name, String raw, String expected) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        if (!INTEGER.matcher(raw).matches()) {
            throw new InvalidParameterException("query parameter " + name + " = '" + abbreviate(raw)
                    + "' is not an integer; give " + expected + ", or leave it out for the node's default");
        }
        return OptionalInt.of(Integer.parseInt(raw));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
