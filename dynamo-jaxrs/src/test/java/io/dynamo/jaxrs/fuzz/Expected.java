package io.dynamo.jaxrs.fuzz;

import java.util.Arrays;
import java.util.Set;

/**
 * The exact answer docs/api.md gives a request whose every part the generator chose knowingly: one of the statuses,
 * the error code of a 4xx (a HEAD answer has no body to show it), and for a listing asked as NDJSON its media type.
 */
record Expected(Set<Integer> statuses, String error, boolean ndjson) {
    static Expected status(int status) {
        return new Expected(Set.of(status), null, false);
    }

    static Expected error(int status, String error) {
        return new Expected(Set.of(status), error, false);
    }

    static Expected oneOf(String error, Integer... statuses) {
        return new Expected(Set.copyOf(Arrays.asList(statuses)), error, false);
    }

    static Expected lines() {
        return new Expected(Set.of(200), null, true);
    }

    /** Null when the answer is the expected one. */
    String problem(String method, RawHttp.Answer answer) {
        int status = answer.status();
        if (!statuses.contains(status)) {
            return "expected " + this + ", got " + answer;
        }
        boolean body = !method.equals("HEAD");
        if (body && status >= 400 && error != null && !answer.body().contains("\"error\":\"" + error + "\"")) {
            return "expected the error " + error + ", got " + answer;
        }
        if (body && ndjson && !answer.header("content-type").startsWith("application/x-ndjson")) {
            return "expected NDJSON, got " + answer.headers();
        }
        return null;
    }

    @Override
    public String toString() {
        return statuses + (error == null ? "" : " " + error) + (ndjson ? " as NDJSON" : "");
    }
}
