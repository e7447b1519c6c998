package io.dynamo.jaxrs.kv;

import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.version.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ETags of the key-value API: a strong entity tag naming a read's context ({@link Context#tag()}), and the
 * {@code If-Match} and {@code If-None-Match} headers of a put or delete read into a {@link WriteCondition}.
 */
final class EntityTags {
    /** What {@link Context#tag()} makes: 16 bytes in base64url without padding. */
    private static final Pattern TAG = Pattern.compile("\"([A-Za-z0-9_-]{22})\"");
    private static final String ANY = "*";

    private EntityTags() {
    }

    /** The ETag header's value for a read or write with this context; empty for a key never written. */
    static Optional<String> of(Context context) {
        return context.tag().map(tag -> "\"" + tag + "\"");
    }

    /**
     * The condition the two headers state (each may be absent, or repeated).
     *
     * @throws MalformedEtagException when a header is empty, or holds anything but {@code *} or a comma-separated
     *                                list of this API's strong ETags
     */
    static WriteCondition condition(List<String> ifMatch, List<String> ifNoneMatch) {
        Set<String> match = new HashSet<>();
        Set<String> noneMatch = new HashSet<>();
        boolean matchAny = parse("If-Match", ifMatch, match);
        boolean absent = parse("If-None-Match", ifNoneMatch, noneMatch);
        return new WriteCondition(match, matchAny, noneMatch, absent);
    }

    /** Adds the header's tags to {@code tags}; true when it is {@code *}. */
    private static boolean parse(String header, List<String> values, Set<String> tags) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        String joined = String.join(",", values).strip();
        if (joined.equals(ANY)) {
            return true;
        }
        for (String part : joined.split(",", -1)) {
            String candidate = part.strip();
            var m = TAG.matcher(candidate);
            if (!m.matches()) {
                throw new MalformedEtagException(header + " holds '" + abbreviate(candidate) + "', which is not an"
                        + " ETag this API issues: send * or the ETag header of a read exactly as it came, quotes"
                        + " included (several separated by commas; weak W/ tags are not accepted)");
            }
            tags.add(m.group(1));
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
