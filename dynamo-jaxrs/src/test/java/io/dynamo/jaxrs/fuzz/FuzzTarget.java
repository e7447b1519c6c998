package io.dynamo.jaxrs.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node under fuzzing and what its settings allow: whether its data API needs the client role, whether it has an
 * admin user at all, its N and its value limit, and the passwords it was given.
 */
public record FuzzTarget(String name, RawHttp http, boolean clientRequired, boolean adminEnabled, int replicas,
                  int maxValueBytes, String adminPassword, String clientPassword) {

    String adminAuthorization() {
        return basic("admin", adminPassword);
    }

    String clientAuthorization() {
        return basic("client", clientPassword);
    }

    /**
     * The node's count of 500 answers ({@code dynamo_internal_errors_total} in its metrics), which also counts those
     * whose client never saw them.
     */
    public long internalErrors() {
        RawHttp.Answer metrics = http.sendExactly(FuzzRequests.request("GET", "/metrics?scope=application", "",
                new byte[0], Credentials.NONE).bytes());
        Matcher count = Pattern.compile("(?m)^dynamo_internal_errors_total(\\{[^}]*})? ([0-9.eE+]+)$")
                .matcher(metrics.body());
        if (metrics.status() != 200 || !count.find()) {
            throw new AssertionError("no dynamo_internal_errors_total in the metrics of " + name + ": " + metrics);
        }
        return (long) Double.parseDouble(count.group(2));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name;
    }
}
