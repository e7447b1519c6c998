package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.version.Expiry;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A put's time to live as sent: the {@code X-Dynamo-TTL} header and the {@code ttl} query parameter (null when
 * absent). Either may be given, or both if they agree; whole seconds from 1 to {@link Expiry#MAX_SECONDS}.
 */
record TtlParam(String header, String query) {
    static final String HEADER = DynamoHeaders.TTL;
    static final TtlParam NONE = new TtlParam(null, null);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    /**
     * @return the seconds, or empty when neither is given
     * @throws InvalidParameterException when one is not a time to live or they differ
     */
    OptionalLong seconds() {
        OptionalLong fromHeader = parse("header " + HEADER, header);
        OptionalLong fromQuery = parse("query parameter ttl", query);
        if (fromHeader.isPresent() && fromQuery.isPresent() && fromHeader.getAsLong() != fromQuery.getAsLong()) {
            throw new InvalidParameterException("header " + HEADER + " = " + fromHeader.getAsLong()
                    + " and query parameter ttl = " + fromQuery.getAsLong() + " differ; give the time to live once");
        }
        return fromHeader.isPresent() ? fromHeader : fromQuery;
    }

    private static OptionalLong parse(String name, String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        String trimmed = raw.trim();
        long seconds = DIGITS.matcher(trimmed).matches() ? Long.parseLong(trimmed) : -1;
        if (seconds < 1 || seconds > Expiry.MAX_SECONDS) {
            throw new InvalidParameterException(name + " = '" + (raw.length() <= 40 ? raw : raw.substring(0, 40)
                    + "...") + "' is not a time to live; give whole seconds from 1 to " + Expiry.MAX_SECONDS
                    + " (10 years), or leave it out for the namespace's default");
        }
        return OptionalLong.of(seconds);
    }
}
