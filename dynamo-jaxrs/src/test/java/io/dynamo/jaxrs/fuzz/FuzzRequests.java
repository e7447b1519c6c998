package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.VectorClock;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random hostile requests as raw bytes: keys that are empty, huge, full of control characters or broken
 * percent-escapes; random and forged contexts; invalid quorums; oversized and chunked bodies; wrong methods and
 * content types; malformed JSON on the admin endpoints; path tricks; and credentials right and wrong on every one.
 * Keys come from a small pool half of the time, so refused writes meet keys that hold something.
 */
public final class FuzzRequests {
    /** A request as sent, with what the oracle needs to judge its answer. */
    public record Request(String method, String target, Credentials credentials, byte[] bytes, Expected expected) {
        Request(String method, String target, Credentials credentials, byte[] bytes) {
            this(method, target, credentials, bytes, null);
        }

        Request expecting(Expected answer) {
            return new Request(method, target, credentials, bytes, answer);
        }

        boolean write() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private final Random random;
    private final List<String> pool;
    private final List<String> actors;
    private final NamespacedRequests namespaced;

    /**
     * @param pool encoded keys that hold values
     * @param actors the nodes' actors (from contexts they returned), for forged contexts that name them
     * @param namespaced requests under /ns and to the key listing, or null for none
     */
    FuzzRequests(Random random, List<String> pool, List<String> actors, NamespacedRequests namespaced) {
        this.random = random;
        this.pool = pool;
        this.actors = actors;
        this.namespaced = namespaced;
    }

    Request next(FuzzTarget node) {
        Credentials credentials = Credentials.random(random, node);
        if (namespaced != null && random.nextInt(5) == 0) {
            return random.nextBoolean() ? namespaced.listing(node) : namespaced.keyed(node);
        }
        List<Supplier<Request>> kinds = List.of(
                () -> kv(randomMethod(), key(), query(), headers(), body(node), credentials),
                () -> kv("PUT", key(), "", "X-Dynamo-Context: " + context() + "\r\n", body(node), credentials),
                () -> kv("PUT", key(), "", "X-Dynamo-Context: " + forgedContext() + "\r\n", body(node), credentials),
                () -> kv(random.nextBoolean() ? "GET" : "DELETE", key(), quorumQuery(), "", new byte[0], credentials),
                () -> chunked(key(), body(node), credentials),
                () -> nearMiss(node),
                () -> admin(credentials),
                () -> request(random.nextInt(3) == 0 ? randomMethod() : "GET", "/dynamo/api/v1/" + hostilePath(), "",
                        new byte[0], credentials));
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    /**
     * A write to a key that holds a value, right in every way but one: a quorum that is not a number or out of
     * range, a malformed or forged context, a body over the limit, a malformed Content-Type, or credentials that do
     * not give the role. Such requests are where a node that stored before it checked would show.
     */
    private Request nearMiss(FuzzTarget node) {
        String method = random.nextBoolean() ? "PUT" : "DELETE";
        String target = "/dynamo/api/v1/kv/" + pool.get(random.nextInt(pool.size()));
        String headers = "Content-Type: text/plain\r\n";
        byte[] body = "near miss".getBytes(UTF_8);
        Credentials credentials = node.clientRequired() ? Credentials.client(node) : Credentials.NONE;
        switch (random.nextInt(6)) {
            case 0 -> target += "?" + (random.nextBoolean() ? "r" : "w") + "=" + List.of("x", "0", "-1", "1.5",
                    "99999999999", String.valueOf(node.replicas() + 1)).get(random.nextInt(6));
            case 1 -> headers += "X-Dynamo-Context: " + (random.nextBoolean() ? context() : forgedContext()) + "\r\n";
            case 2 -> body = new byte[node.maxValueBytes() + 1 + random.nextInt(100)];
            case 3 -> headers = "Content-Type: " + List.of("a/b/c", ";;", "text/").get(random.nextInt(3)) + "\r\n";
            case 4 -> credentials = node.clientRequired() ? Credentials.random(random, node) : credentials;
            default -> target += ";x=1";
        }
        return request(method, target, headers, method.equals("PUT") ? body : new byte[0], credentials);
    }

    public static Request request(String method, String target, String headers, byte[] body, Credentials credentials) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n" + headers
                + credentials.lines() + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(ISO_8859_1));
        bytes.writeBytes(body);
        return new Request(method, target, credentials, bytes.toByteArray());
    }

    private Request kv(String method, String key, String query, String headers, byte[] body,
                       Credentials credentials) {
        String contentType = body.length > 0 ? "Content-Type: " + contentType() + "\r\n" : "";
        String space = namespaced != null && random.nextInt(4) == 0 ? "ns/" + namespaced.anyName() + "/" : "";
        return request(method, "/dynamo/api/v1/" + space + "kv/" + key + query, contentType + headers, body,
                credentials);
    }

    /** A PUT whose body comes in chunks of random sizes, without Content-Length. */
    private Request chunked(String key, byte[] body, Credentials credentials) {
        String target = "/dynamo/api/v1/kv/" + key;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("PUT " + target + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n" + credentials.lines()
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(ISO_8859_1));
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + random.nextInt(700));
            bytes.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
            bytes.write(body, at, n);
            bytes.writeBytes("\r\n".getBytes(ISO_8859_1));
            at += n;
        }
        bytes.writeBytes("0\r\n\r\n".getBytes(ISO_8859_1));
        return new Request("PUT", target, credentials, bytes.toByteArray());
    }

    private Request admin(Credentials credentials) {
        String[] paths = {"join", "join/commit", "leave", "leave/commit", "anti-entropy/" + randomNumber(),
                "anti-entropy", "keys/" + key() + "/versions", "ring/key/" + key(), "hints", "nodes", "ring",
                "limits", "transfers", "events", "events/x"};
        String path = paths[random.nextInt(paths.length)];
        boolean post = path.startsWith("join") || path.startsWith("leave") || path.startsWith("anti-entropy/");
        String method = random.nextInt(4) == 0 ? randomMethod() : post ? "POST" : "GET";
        String headers = "Content-Type: " + (random.nextInt(5) == 0 ? contentType() : "application/json") + "\r\n"
                + (random.nextInt(5) == 0 ? "Accept: " + contentType() + "\r\n" : "");
        return request(method, "/dynamo/api/v1/admin/" + path, headers, json(), credentials);
    }

    private String randomMethod() {
        String[] methods = {"GET", "PUT", "DELETE", "POST", "PATCH", "HEAD", "OPTIONS", "FOO"};
        return methods[random.nextInt(methods.length)];
    }

    private String key() {
        return random.nextBoolean() ? pool.get(random.nextInt(pool.size())) : hostileKey();
    }

    /** Percent-encoded text that is often not UTF-8, not a valid escape, empty, or far too long. */
    private String hostileKey() {
        switch (random.nextInt(8)) {
            case 0:
                return "";
            case 1:
                return "%" + "zz".substring(0, 1 + random.nextInt(2));
            case 2:
                return "a%2".repeat(1 + random.nextInt(3));
            case 3:
                return "x".repeat(1000 + random.nextInt(2000));
            default:
                StringBuilder key = new StringBuilder();
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    int b = random.nextInt(256);
                    key.append(b >= 'a' && b <= 'z' ? String.valueOf((char) b) : String.format("%%%02X", b));
                }
                return key.toString();
        }
    }

    /** Paths that are not what they seem: unknown, nested, with dot segments, matrix parameters, encoded slashes. */
    private String hostilePath() {
        String key = pool.get(random.nextInt(pool.size()));
        String[] paths = {"kv", "kv/", "kv//x", "kv/../admin/hints", "admin", "admin/", "admin/join/x", "nothing",
                "kv/a/b/c", "admin/anti-entropy/", "admin/keys//versions", "kv/%00", "kv/%C0%AF",
                "admin;x=1/hints", "admin;/join", "kv;x/" + key, "kv/" + key + ";x=1", "/kv/" + key, "kv%2F" + key,
                "admin%2Fhints", "kv/%2e%2e/admin/hints", "admin/ring;x", "./kv/" + key, "kv/./" + key,
                "%61dmin/hints", "admin/x/../hints", "kv/x/%2E%2E/" + key, "keys/", "keys/" + key, "keys;x",
                "ns", "ns/", "ns//kv/" + key, "ns/default/kv", "ns/default/keys/x", "ns;x/default/kv/" + key,
                "ns/default;x/kv/" + key, "ns/%64efault/kv/" + key, "ns/default/%6Bv/" + key, "ns/x/../../keys",
                "ns/default/kv/../../../admin/hints", "ns/default/kv/_mget", "ns/nope/kv/_mput"};
        return paths[random.nextInt(paths.length)];
    }

    private String query() {
        return random.nextInt(3) == 0 ? quorumQuery() : "";
    }

    private String quorumQuery() {
        String[] values = {"0", "-1", "1", "2", "3", "99999999999", "x", "", "1.5", "%00", "2&r=1"};
        return "?" + (random.nextBoolean() ? "r=" : "w=") + values[random.nextInt(values.length)];
    }

    private String randomNumber() {
        String[] values = {"0", "-1", "255", "256", "99999999999999", "abc", "%20", ""};
        return values[random.nextInt(values.length)];
    }

    private String headers() {
        switch (random.nextInt(5)) {
            case 0:
                return "X-Dynamo-Context: " + context() + "\r\n";
            case 1:
                return "Accept: " + contentType() + "\r\n";
            case 2:
                return "X-Dynamo-Context: \u0001\u007f\r\n";
            default:
                return "";
        }
    }

    private String context() {
        byte[] bytes = new byte[random.nextInt(60)];
        random.nextBytes(bytes);
        return random.nextBoolean() ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                : new String(bytes, ISO_8859_1).replaceAll("[\\r\\n]", "");
    }

    /**
     * A context that decodes but claims too much: the nodes' own actors or made-up ones, with counters up to the
     * largest a varint holds, update times from 0 to the far future, and up to 200 entries (about what fits in the
     * listener's 8 KiB of headers).
     */
    private String forgedContext() {
        long[] counters = {1, 1L << 31, 1L << 53, 1L << 61, (1L << 62) + 1, Long.MAX_VALUE - 4096, Long.MAX_VALUE};
        long[] times = {0, System.currentTimeMillis(), Long.MAX_VALUE};
        List<VectorClock.Entry> entries = new ArrayList<>();
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(200) : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String actor = !actors.isEmpty() && random.nextInt(3) > 0 ? actors.get(random.nextInt(actors.size()))
                    : "f" + i;
            entries.add(new VectorClock.Entry(actor, counters[random.nextInt(counters.length)],
                    times[random.nextInt(times.length)]));
        }
        return new Context(VectorClock.of(entries)).encode();
    }

    private String contentType() {
        String[] types = {"text/plain", "application/json", "a/b/c", "", ";;", "text/plain; charset=nope",
                "multipart/form-data", "application/octet-stream", "\u00ff/\u00fe"};
        return types[random.nextInt(types.length)];
    }

    /** Empty, small, around the node's value limit, or over it. */
    private byte[] body(FuzzTarget node) {
        int kind = random.nextInt(4);
        int limit = node.maxValueBytes();
        byte[] body = new byte[kind == 0 ? 0 : kind == 1 ? limit - 8 + random.nextInt(3 * limit) : random.nextInt(200)];
        random.nextBytes(body);
        return body;
    }

    private byte[] json() {
        String[] bodies = {"", "{", "[]", "null", "\"x\"", "{\"node\":1}", "{\"node\":\"\"}", "{\"node\":\"a b\"}",
                "{\"node\":\"n9\",\"weight\":0}", "{\"node\":\"n9\",\"weight\":\"x\"}",
                "{\"node\":\"n9\",\"ringVersion\":-5}", "{\"node\":\"it-node\"}",
                "{\"node\":\"" + "n".repeat(70) + "\"}",
                "{\"a\":" + "[".repeat(500) + "}", "{\"node\":\"n9\",\"weight\":99999999999999999999}"};
        if (random.nextInt(6) == 0) {
            byte[] junk = new byte[20_000];
            random.nextBytes(junk);
            return junk;
        }
        return bodies[random.nextInt(bodies.length)].getBytes(UTF_8);
    }
}
