package io.dynamo.jaxrs.kv;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Parses the r and w query parameters; their range (1..N) is the node's to check. */
final class QuorumParam {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private QuorumParam() {
    }

    /** @return empty when the parameter is absent */
    static OptionalInt parse(String name, String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        if (!INTEGER.matcher(raw).matches()) {
            throw new InvalidParameterException("query parameter " + name + " = '" + abbreviate(raw)
                    + "' is not an integer; give a quorum from 1 to N, or leave it out for the node's default");
        }
        return OptionalInt.of(Integer.parseInt(raw));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
