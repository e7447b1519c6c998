package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Random;

/**
 * Requests under {@code /ns/{namespace}} and to the key listing ({@code /keys}, {@code /ns/{namespace}/keys}), each
 * with the exact answer docs/api.md gives it ({@link Expected}): namespaces that exist (one open to anyone, one
 * needing the client role), {@code default}, unknown ones and names that break the rule; keys, quorums, limits,
 * prefixes, cursors (garbage, truncated, of another namespace or prefix), Accept headers and methods, mostly one
 * fault at a time so that the answer is the one for that fault. Requests whose credentials lack the role get no exact
 * expectation: {@link ApiOracle} judges those denials.
 */
final class NamespacedRequests {
    private static final List<String> BAD_NAMES = List.of("No", "9abc", "a".repeat(65), "a.b", "_x", "-x", "x%20y");
    private static final List<String> BAD_LIMITS = List.of("0", "1001", "x", "", "-1", "99999999999", "1.5");
    private static final List<String> GOOD_LIMITS = List.of("1", "7", "1000");
    private static final int MAX_KEY_BYTES = 1024;

    private final Random random;
    private final Fuzz.Listing listing;

    NamespacedRequests(Random random, Fuzz.Listing listing) {
        this.random = random;
        this.listing = listing;
    }

    /** A namespace to address: 0 default through /kv or /keys, 1 ns/default, 2 open, 3 closed, 4 unknown, 5 bad. */
    private record Space(int kind, String name) {
        boolean exists() {
            return kind <= 3;
        }

        String path() {
            return kind == 0 ? "" : "ns/" + name + "/";
        }

        /** The namespace whose cursors are valid here: default for the first two. */
        String cursorNamespace() {
            return kind <= 1 ? "default" : name;
        }
    }

    private Space space(boolean plain) {
        int kind = random.nextInt(6);
        kind = kind == 0 && !plain ? 1 : kind;
        return new Space(kind, switch (kind) {
            case 0, 1 -> "default";
            case 2 -> listing.open();
            case 3 -> listing.closed();
            case 4 -> "fz-unknown-" + random.nextInt(1000);
            default -> BAD_NAMES.get(random.nextInt(BAD_NAMES.size()));
        });
    }

    /** Any namespace name: the run's, default, an unknown one, or one that breaks the rule (some encoded). */
    String anyName() {
        return random.nextInt(4) == 0 ? List.of("a%2Fb", "%66z", "default%3Bx").get(random.nextInt(3))
                : space(false).name();
    }

    private Credentials credentials(FuzzTarget node) {
        return random.nextInt(4) == 0 ? Credentials.random(random, node) : Credentials.client(node);
    }

    /** Whether the credentials carry the role the namespace needs here (docs/api.md, namespaces). */
    private static boolean admitted(FuzzTarget node, Space space, Credentials credentials) {
        Credentials.Role needed = space.kind() == 2 ? Credentials.Role.NONE : space.kind() == 3
                ? Credentials.Role.CLIENT : node.clientRequired() ? Credentials.Role.CLIENT : Credentials.Role.NONE;
        return credentials.role().covers(needed);
    }

    /** A page of keys, asked with one part wrong or none. */
    FuzzRequests.Request listing(FuzzTarget node) {
        Space space = space(true);
        Credentials credentials = credentials(node);
        String method = random.nextInt(8) == 0 ? List.of("PUT", "POST", "DELETE", "PATCH").get(random.nextInt(4))
                : random.nextInt(8) == 0 ? "HEAD" : "GET";
        String prefix = random.nextBoolean() ? listing.prefix() : "";
        String limit = random.nextBoolean() ? null : GOOD_LIMITS.get(random.nextInt(GOOD_LIMITS.size()));
        String cursor = null;
        String accept = "";
        boolean cursorValid = true;
        boolean prefixTooLong = false;
        int fault = random.nextInt(9);
        switch (fault) {
            case 0 -> limit = BAD_LIMITS.get(random.nextInt(BAD_LIMITS.size()));
            case 1 -> {
                String real = listing.cursor(random.nextBoolean() ? "default" : listing.open());
                cursor = List.of("garbage!", "AAAA", "%2B%2F", real.substring(0, real.length() - 4))
                        .get(random.nextInt(4));
                cursorValid = false;
            }
            case 2 -> {
                // A real cursor: valid only with its own namespace and prefix.
                String of = random.nextBoolean() ? "default" : listing.open();
                cursor = listing.cursor(of);
                prefix = random.nextInt(3) == 0 ? listing.prefix() + "1" : listing.prefix();
                cursorValid = of.equals(space.cursorNamespace()) && prefix.equals(listing.prefix());
            }
            case 3 -> {
                boolean wide = random.nextBoolean();
                int over = random.nextInt(2);
                prefix = wide ? "%C3%A9".repeat(MAX_KEY_BYTES / 2 + over) : "p".repeat(MAX_KEY_BYTES + over);
                prefixTooLong = over == 1;
            }
            case 4 -> accept = List.of("text/plain", "application/xml", "image/*").get(random.nextInt(3));
            case 5 -> accept = List.of("application/x-ndjson", "application/x-ndjson, application/json;q=0.5")
                    .get(random.nextInt(2));
            case 6 -> accept = List.of("application/json", "*/*", "text/plain, application/json;q=0.2")
                    .get(random.nextInt(3));
            case 7 -> cursor = "";
            default -> {
            }
        }
        String query = (prefix.isEmpty() ? "" : "&prefix=" + prefix) + (limit == null ? "" : "&limit=" + limit)
                + (cursor == null ? "" : "&cursor=" + cursor);
        String target = "/dynamo/api/v1/" + space.path() + "keys" + (query.isEmpty() ? "" : "?" + query.substring(1));
        FuzzRequests.Request request = FuzzRequests.request(method, target, accept.isEmpty() ? ""
                : "Accept: " + accept + "\r\n", new byte[0], credentials);
        if (!admitted(node, space, credentials)) {
            return request;
        }
        boolean get = method.equals("GET") || method.equals("HEAD");
        Expected expected = !get ? Expected.error(405, "method_not_allowed")
                : fault == 4 ? Expected.error(406, "not_acceptable")
                : space.kind() == 5 ? Expected.error(400, "invalid_namespace")
                : fault == 0 ? Expected.error(400, "invalid_parameter")
                : !space.exists() ? Expected.error(404, "namespace_not_found")
                : prefixTooLong ? Expected.error(400, "invalid_key")
                : !cursorValid ? Expected.error(400, "invalid_cursor")
                : fault == 5 ? Expected.lines() : Expected.status(200);
        return request.expecting(expected);
    }

    /** A read or write of one key under /ns, with one part wrong or none. */
    FuzzRequests.Request keyed(FuzzTarget node) {
        Space space = space(false);
        Credentials credentials = credentials(node);
        String method = List.of("GET", "GET", "PUT", "DELETE").get(random.nextInt(4));
        boolean fresh = method.equals("PUT") || random.nextBoolean();
        String key = fresh ? "fresh-" + listing.run() + "-" + random.nextInt(1_000_000) : listing.anyKey(random);
        String query = "";
        String fault = "";
        if (space.exists()) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    key = random.nextBoolean() ? "k".repeat(MAX_KEY_BYTES + 1) : "%FF" + key;
                    fault = "invalid_key";
                }
                case 1 -> {
                    query = "?" + (method.equals("GET") ? "r=" : "w=") + (node.replicas() + 1 + random.nextInt(3));
                    fault = "invalid_quorum";
                }
                default -> {
                }
            }
        }
        byte[] body = method.equals("PUT") ? ("ns value " + key).getBytes(UTF_8) : new byte[0];
        FuzzRequests.Request request = FuzzRequests.request(method, "/dynamo/api/v1/" + space.path() + "kv/" + key
                + query, method.equals("PUT") ? "Content-Type: text/plain\r\n" : "", body, credentials);
        if (!admitted(node, space, credentials)) {
            return request;
        }
        Expected expected = space.kind() == 5 ? Expected.error(400, "invalid_namespace")
                : !space.exists() ? Expected.error(404, "namespace_not_found")
                : !fault.isEmpty() ? Expected.error(400, fault)
                : !method.equals("GET") ? Expected.status(204)
                : fresh ? Expected.error(404, "not_found") : Expected.oneOf("not_found", 200, 300, 404);
        return request.expecting(expected);
    }
}
