package io.dynamo.jaxrs.kv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Accept header the way JAX-RS ranks it (by quality, then more specific ranges first, else in the order
 * sent) to tell whether a read should answer JSON for one version: only when the first choice is exactly
 * {@code application/json}. Strict on purpose: a header it cannot read is left to JAX-RS, which answers a malformed
 * one with the API's 400.
 */
final class AcceptHeader {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern RANGE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")((?:\\s*;\\s*" + TOKEN
            + "\\s*=\\s*(?:" + TOKEN + "|\"[^\"\\\\]*\"))*)");
    private static final Pattern QUALITY = Pattern.compile(";\\s*[qQ]\\s*=\\s*(" + TOKEN + "|\"[^\"\\\\]*\")");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private record Range(String type, String subtype, double quality) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }
    }

    private AcceptHeader() {
    }

    /** Whether the first choice is {@code application/json}; empty when the header cannot be read here. */
    static Optional<Boolean> prefersJson(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(false);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            // An empty element ("a/b, , c/d") is one JAX-RS cannot parse either.
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            double quality = 1;
            Matcher q = QUALITY.matcher(m.group(3));
            if (q.find()) {
                if (!QVALUE.matcher(q.group(1)).matches()) {
                    return Optional.empty();
                }
                quality = Double.parseDouble(q.group(1));
            }
            ranges.add(new Range(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), quality));
        }
        // A stable sort: equal ranges keep the order they were sent in.
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed()
                .thenComparing(Comparator.comparingInt(Range::specificity).reversed()));
        Range first = ranges.get(0);
        return Optional.of(first.type().equals("application") && first.subtype().equals("json"));
    }
}
