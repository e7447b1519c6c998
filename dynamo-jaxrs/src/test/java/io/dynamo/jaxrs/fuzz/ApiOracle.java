package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.dynamo.jaxrs.fuzz.Credentials.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the API may answer to a request, from docs/api.md, docs/admin-api.md and docs/security.md: which successes
 * each method and path has, which role each path needs, and the shape of errors. Written from the documents, not
 * from the product's code, so that a product that routes or authorises a path differently is caught.
 *
 * <p>A path is read in every way some layer of the stack might read it (raw or percent-decoded; matrix parameters,
 * empty and dot segments kept or dropped). A success must be a documented route in one reading, and the credentials
 * must carry the role of the strictest reading: so no path trick reaches an endpoint without the role it needs.
 */
final class ApiOracle {
    private static final List<String> PREFIX = List.of("dynamo", "api", "v1");

    private ApiOracle() {
    }

    /** Null when the answer is one the API allows for this request. */
    static String problem(FuzzTarget node, String method, String target, Credentials credentials,
                          RawHttp.Answer answer) {
        int status = answer.status();
        if (status < 0) {
            return "no HTTP answer: " + answer.headers();
        }
        if (status >= 500) {
            return status + " " + answer.body();
        }
        List<List<String>> readings = readings(target);
        Role needed = strictest(node, method, readings);
        boolean allowed = node.adminEnabled() || needed != Role.ADMIN ? credentials.role().covers(needed)
                : needed == Role.NONE;
        if (status < 400) {
            if (!allowed) {
                return status + " without the " + needed + " role that " + method + " " + target + " needs";
            }
            return readings.stream().anyMatch(r -> documented(method, r, status, answer)) ? null
                    : status + " is not a documented answer to " + method + " " + target + ": " + answer.headers();
        }
        if (method.equals("HEAD") ? !answer.json() : !answer.jsonError()) {
            return status + " without the API's JSON error: " + answer.headers() + " " + answer.body();
        }
        if (status == 401 && !answer.header("www-authenticate").startsWith("Basic")) {
            return "401 without a Basic challenge";
        }
        boolean unambiguous = readings.stream().allMatch(r -> role(node, method, r) == needed);
        if (!allowed && unambiguous && !deniedAsDocumented(node, method, needed, credentials, answer)) {
            return status + " to a request without the " + needed + " role it needs; expected the documented "
                    + "401/403: " + answer.body();
        }
        return null;
    }

    /**
     * A request refused for its credentials: 401, 403 forbidden, 403 admin_disabled (a HEAD answer has no body to
     * tell the two 403s apart); or refused even earlier, by a servlet filter, for its framing or Content-Type.
     */
    private static boolean deniedAsDocumented(FuzzTarget node, String method, Role needed, Credentials credentials,
                                              RawHttp.Answer answer) {
        String body = method.equals("HEAD") ? null : answer.body();
        if (answer.status() == 400 && (body == null || body.contains("\"invalid_header\""))) {
            return true;
        }
        if (needed == Role.ADMIN && !node.adminEnabled()) {
            return answer.status() == 403 && (body == null || body.contains("\"admin_disabled\""));
        }
        if (needed == Role.ADMIN && credentials.role() == Role.CLIENT) {
            return answer.status() == 403 && (body == null || body.contains("\"forbidden\""));
        }
        return answer.status() == 401 && (body == null || body.contains("\"unauthorized\""));
    }

    /**
     * Whether the request is one no HTTP/1.1 parser accepts, which Payara's listener answers itself (RFC 3986
     * escapes, RFC 9110 field values), or a head over the listener's 8 KiB.
     */
    static boolean listenerDomain(byte[] request) {
        String text = new String(request, ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        if (head.length() >= 8000) {
            return true;
        }
        int lineEnd = head.indexOf("\r\n");
        String target = (lineEnd < 0 ? head : head.substring(0, lineEnd)).split(" ")[1];
        // NUL and backslash: refused by the listener's URI normalisation (see api.md, known limits).
        if (target.contains("%00") || target.toUpperCase(java.util.Locale.ROOT).contains("%5C")) {
            return true;
        }
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        String headers = lineEnd < 0 ? "" : head.substring(lineEnd + 2).replace("\r\n", "");
        // Control characters are forbidden in field values; bytes from 0x80 up are obsolete text that senders must
        // not generate (RFC 9110 5.5), and Payara's listener refuses some of them.
        return headers.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f);
    }

    /** Null when the answer is one of the listener's own to a request in its domain: a bare 400 or an empty 200. */
    static String listenerRefusal(RawHttp.Answer answer) {
        boolean emptyOk = answer.status() == 200 && answer.body().isBlank();
        return answer.status() == 400 || emptyOk ? null : "a request that is not HTTP must get the listener's 400 or"
                + " its empty 200, got " + answer;
    }

    /** The role the strictest reading of the path needs on this node (docs/security.md). */
    static Role strictest(FuzzTarget node, String method, List<List<String>> readings) {
        Role needed = Role.NONE;
        for (List<String> path : readings) {
            Role role = role(node, method, path);
            needed = role.compareTo(needed) > 0 ? role : needed;
        }
        return needed;
    }

    private static Role role(FuzzTarget node, String method, List<String> path) {
        if (path.isEmpty()) {
            return Role.NONE;
        }
        Role client = node.clientRequired() ? Role.CLIENT : Role.NONE;
        if (path.get(0).equals("ns") && path.size() >= 2) {
            // A namespace of its own needs its role; default and one that does not exist what kv needs.
            return FuzzNamespaces.role(path.get(1)).orElse(client);
        }
        if (Set.of("kv", "ns", "keys").contains(path.get(0))) {
            return client;
        }
        if (path.get(0).equals("admin")) {
            boolean routingRead = method.equals("GET") && path.size() == 2
                    && (path.get(1).equals("ring") || path.get(1).equals("nodes"));
            return routingRead ? client : Role.ADMIN;
        }
        return Role.NONE;
    }

    /** The documented successes (and the 300 of siblings), by method and path below /api/v1. */
    private static boolean documented(String method, List<String> path, int status, RawHttp.Answer answer) {
        String route = route(path);
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (method.equals("OPTIONS")) {
            return route != null && (status == 200 || status == 204) && !answer.header("allow").isEmpty();
        }
        if (route == null) {
            return false;
        }
        switch (route) {
            case "kv", "ns/{namespace}/kv":
                return false; // the empty key, refused whatever the method
            case "keys", "ns/{namespace}/keys":
                return read && status == 200 && (method.equals("HEAD") || answer.json()
                        || answer.header("content-type").startsWith("application/x-ndjson"));
            case "kv/{key}", "ns/{namespace}/kv/{key}":
                if (read) {
                    return status == 200 || status == 300;
                }
                if (method.equals("POST")) {
                    // Batches: a POST of any other key is 405.
                    return Set.of("_mget", "_mput").contains(path.get(path.size() - 1)) && status == 200
                            && answer.json();
                }
                return (method.equals("PUT") || method.equals("DELETE")) && status == 204
                        && !answer.header("x-dynamo-context").isEmpty();
            case "admin/events":
                return method.equals("GET") && status == 200 && answer.header("content-type")
                        .startsWith("text/event-stream") || method.equals("HEAD") && status == 200;
            case "admin/anti-entropy/{partition}", "admin/join", "admin/join/commit", "admin/leave",
                    "admin/leave/commit":
                return method.equals("POST") && status == 200 && answer.json();
            default:
                return read && status == 200 && answer.json();
        }
    }

    /** The documented route a path is, or null. */
    static String route(List<String> path) {
        int n = path.size();
        if (n == 1 && path.get(0).equals("kv")) {
            return "kv";
        }
        if (n == 2 && path.get(0).equals("kv")) {
            return "kv/{key}";
        }
        if (n == 1 && path.get(0).equals("keys")) {
            return "keys";
        }
        if (n >= 3 && n <= 4 && path.get(0).equals("ns")) {
            String below = String.join("/", path.subList(2, n));
            return below.equals("keys") ? "ns/{namespace}/keys" : below.equals("kv") ? "ns/{namespace}/kv"
                    : n == 4 && path.get(2).equals("kv") ? "ns/{namespace}/kv/{key}" : null;
        }
        if (n < 2 || !path.get(0).equals("admin")) {
            return null;
        }
        String rest = String.join("/", path.subList(1, n));
        if (Set.of("ring", "nodes", "hints", "limits", "transfers", "anti-entropy", "events", "join", "join/commit",
                "leave", "leave/commit").contains(rest)) {
            return "admin/" + rest;
        }
        if (n == 3 && path.get(1).equals("anti-entropy")) {
            return "admin/anti-entropy/{partition}";
        }
        if (n == 4 && path.get(1).equals("ring") && path.get(2).equals("key")) {
            return "admin/ring/key/{key}";
        }
        return n == 4 && path.get(1).equals("keys") && path.get(3).equals("versions") ? "admin/keys/{key}/versions"
                : null;
    }

    /**
     * Every way the request target's path may be read, as segments below /dynamo/api/v1 (readings that leave that
     * prefix are dropped): raw or percent-decoded, each with empty segments and matrix parameters dropped, with and
     * without dot segments resolved.
     */
    static List<List<String>> readings(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        Set<List<String>> out = new LinkedHashSet<>();
        for (String form : List.of(path, percentDecoded(path))) {
            List<String> segments = new ArrayList<>();
            for (String segment : form.split("/", -1)) {
                int matrix = segment.indexOf(';');
                String s = matrix < 0 ? segment : segment.substring(0, matrix);
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
            for (List<String> reading : List.of(segments, dotsResolved(segments))) {
                if (reading.size() >= PREFIX.size() && reading.subList(0, PREFIX.size()).equals(PREFIX)) {
                    out.add(List.copyOf(reading.subList(PREFIX.size(), reading.size())));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> dotsResolved(List<String> segments) {
        List<String> out = new ArrayList<>();
        for (String s : segments) {
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    /** Percent-escapes decoded (broken ones kept as they are), the bytes read as UTF-8. */
    static String percentDecoded(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
