package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Protected requests with their paths disguised the ways that fooled path-based access checks elsewhere:
 * doubled slashes, matrix parameters ({@code ;}), encoded slashes and dots, dot segments, case, trailing slashes,
 * and the same on the /dynamo/api/v1 prefix. None may get a success without the role the strictest reading of the
 * path needs ({@link ApiOracle}), and a refused put must store nothing.
 */
public final class PathTricks {
    /** Method and path below /api/v1 of requests that need a role (the kv ones when the node requires clients). */
    public static final List<String[]> PROTECTED = List.of(new String[] {"GET", "admin/hints"},
            new String[] {"GET", "admin/events"}, new String[] {"POST", "admin/join"},
            new String[] {"POST", "admin/anti-entropy/0"}, new String[] {"GET", "admin/keys/trick-key/versions"},
            new String[] {"GET", "admin/ring/key/trick-key"}, new String[] {"GET", "admin/limits"},
            new String[] {"GET", "admin/ring"}, new String[] {"GET", "admin/nodes"},
            new String[] {"PUT", "kv/trick-key"}, new String[] {"GET", "kv/trick-key"});

    /** Every admin request that needs the admin role, for a node that has no admin user. */
    public static final List<String[]> ADMIN_REQUESTS = List.of(new String[] {"GET", "admin/hints"},
            new String[] {"GET", "admin/events"}, new String[] {"POST", "admin/join"},
            new String[] {"POST", "admin/join/commit"}, new String[] {"POST", "admin/leave"},
            new String[] {"POST", "admin/leave/commit"}, new String[] {"GET", "admin/anti-entropy"},
            new String[] {"POST", "admin/anti-entropy/0"}, new String[] {"GET", "admin/keys/k/versions"},
            new String[] {"GET", "admin/ring/key/k"}, new String[] {"GET", "admin/limits"},
            new String[] {"GET", "admin/transfers"}, new String[] {"POST", "admin/ring"},
            new String[] {"GET", "admin/backup"}, new String[] {"POST", "admin/backup"},
            new String[] {"POST", "admin/settings"}, new String[] {"POST", "admin/settings/commit"},
            new String[] {"POST", "admin/remove"}, new String[] {"POST", "admin/replace"},
            new String[] {"POST", "admin/plan/commit"},
            new String[] {"GET", "admin/no-such-path"});

    private static final List<String> PREFIXES = List.of("/dynamo//api/v1/", "//dynamo/api/v1/",
            "/dynamo/api/v1/../v1/", "/dynamo/./api/v1/", "/dynamo/api;x/v1/", "/dynamo/api/v1;x/",
            "/dynamo;x/api/v1/", "/%64ynamo/api/v1/", "/dynamo/api/%761/");

    private PathTricks() {
    }

    /** Request targets that may reach the path (two segments or more), the plain one first. */
    public static List<String> variants(String path) {
        int slash = path.indexOf('/');
        String first = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        List<String> tricks = new ArrayList<>(List.of(path, "/" + path, first + "//" + rest,
                first + ";x=1/" + rest, first + ";/" + rest, first + "%3B/" + rest, first + ";%2F/" + rest,
                path + ";x=1", first + "%2F" + rest, first + "%2f" + rest, "kv/../" + path, "kv/%2e%2e/" + path,
                "x/%2E%2E/" + path, "./" + path, "%2e/" + path, String.format("%%%02X", (int) first.charAt(0))
                        + first.substring(1) + "/" + rest, first.toUpperCase(Locale.ROOT) + "/" + rest, path + "/",
                first + "/./" + rest, first + "/x/../" + rest, first + "/x/%2e%2e/" + rest));
        List<String> targets = new ArrayList<>();
        tricks.forEach(t -> targets.add("/dynamo/api/v1/" + t));
        PREFIXES.forEach(p -> targets.add(p + path));
        return targets;
    }

    /** Sends the request; returns what was wrong with the answer, if anything. */
    public static List<String> check(FuzzTarget node, String method, String target, Credentials credentials,
                                     KeyWatch watch) {
        byte[] body = (method.equals("POST") ? "{\"node\":\"trick-node\"}" : "trick").getBytes(UTF_8);
        FuzzRequests.Request request = FuzzRequests.request(method, target, "Content-Type: "
                + (method.equals("POST") ? "application/json" : "text/plain") + "\r\n", body, credentials);
        Map<String, String> before = watch == null || !request.write() ? Map.of() : watch.before(target);
        RawHttp.Answer answer = node.http().sendExactly(request.bytes());
        String problem = ApiOracle.problem(node, method, target, credentials, answer);
        boolean outsideTheApi = PREFIXES.stream().anyMatch(target::startsWith);
        if (problem != null && outsideTheApi && answer.status() >= 301 && answer.status() < 500) {
            problem = null; // the container's own redirect or page for a path its API servlet is not mapped to
        }
        if (problem == null && !before.isEmpty() && answer.status() >= 300) {
            problem = watch.changedSince(before);
        }
        return problem == null ? List.of() : List.of(method + " " + target + " to " + node + " with " + credentials
                + " -> " + problem);
    }
}
