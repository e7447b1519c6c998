package io.dynamo.jaxrs.kv;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A request's query parameters as JAX-RS reads them for {@code @QueryParam}: decoded ({@code +} is a space), the first
 * of a repeated name, an empty value for a name without {@code =}. Read from the query string itself: the servlet's
 * own parameter map would read a form body.
 */
final class QueryParams {
    private final Map<String, String> first;

    private QueryParams(Map<String, String> first) {
        this.first = first;
    }

    /** The parameters of a raw query string (null for none), or null when it cannot be decoded. */
    static QueryParams parse(String query) {
        Map<String, String> first = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    first.putIfAbsent(name, value);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return new QueryParams(first);
    }

    /** The parameter's value, or null when absent. */
    String get(String name) {
        return first.get(name);
    }
}
