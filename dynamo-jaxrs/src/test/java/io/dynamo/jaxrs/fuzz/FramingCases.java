package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Puts whose framing is unusual, broken or contradictory: chunked bodies (with extensions, trailers, bad sizes,
 * too much data), Content-Length and Transfer-Encoding together in either order, transfer codings the listener does
 * not implement, duplicate and invalid lengths. Each must be read one documented way (the value stored is one a
 * reading of the bytes gives) or refused with nothing stored. Then heads over the listener's limits.
 *
 * <p>Each put carries the client's credentials and is followed, on the same connection, by a put without any, as a
 * proxy that framed the first the other way would pass it on. The listener runs such a following request about half
 * of the time even after {@code Connection: close} (docs/api.md, known limits), so whether it runs is not asserted;
 * that it never stores anything is: on a node that requires the client role, a hidden request is checked like any
 * other.
 */
public final class FramingCases {
    private final FuzzTarget node;
    private final KeyWatch watch;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> failures = new ArrayList<>();
    private int count;

    private FramingCases(FuzzTarget node) {
        this.node = node;
        this.watch = new KeyWatch(node);
    }

    /** @param node a node that requires the client role */
    public static List<String> check(FuzzTarget node) {
        FramingCases cases = new FramingCases(node);
        String hello = "5\r\nhello\r\n0\r\n\r\n";
        String chunked = "Transfer-Encoding: chunked";
        cases.put(chunked, "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", Set.of("abcde"));
        cases.put(chunked, "3;name=value\r\nabc\r\n0\r\n\r\n", Set.of("abc"));
        cases.put(chunked, "3\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n", Set.of("abc"));
        cases.put(chunked, "03\r\nabc\r\n0\r\n\r\n", Set.of("abc"));
        cases.put(chunked, "zz\r\nabc\r\n0\r\n\r\n", Set.of());
        cases.put(chunked, "3\r\nabc\r\nzz\r\nxx\r\n0\r\n\r\n", Set.of());
        cases.put(chunked, "-1\r\nabc\r\n0\r\n\r\n", Set.of());
        cases.put(chunked, "ffffffffffffffff\r\nabc\r\n0\r\n\r\n", Set.of());
        // The listener skips what follows a chunk's data up to the line end, rather than refusing it.
        cases.put(chunked, "3\r\nabcde\r\n0\r\n\r\n", Set.of("abc"));
        cases.tooLarge();
        for (String coding : List.of("chunked, chunked", "identity", "gzip", "gzip, chunked", "chunked, gzip",
                "xchunked", "chunked\r\nTransfer-Encoding: chunked")) {
            cases.put("Transfer-Encoding: " + coding, hello, coding.startsWith("chunked\r\n") ? Set.of("hello")
                    : Set.of());
        }
        for (String length : List.of("0", "3", "200")) {
            cases.put("Content-Length: " + length + "\r\n" + chunked, hello, Set.of("hello"));
            cases.put(chunked + "\r\nContent-Length: " + length, hello, Set.of("hello"));
        }
        cases.put("Content-Length: 5\r\nContent-Length: 5", "hello", Set.of("hello"));
        cases.put("Content-Length: 3\r\nContent-Length: 5", "hello", Set.of());
        cases.put("Content-Length: 3, 5", "hello", Set.of());
        for (String length : List.of("-1", "abc", "99999999999999999999", "+5", "0x5")) {
            cases.put("Content-Length: " + length, "hello", Set.of());
        }
        cases.put("Content-Length: 2", "hello", Set.of("he"));
        return cases.failures;
    }

    /**
     * Sends a put of a fresh key with these framing headers and body, then a put of a second fresh key without
     * credentials; checks the first key holds one of {@code values} or nothing, and the second nothing.
     */
    private void put(String framing, String body, Set<String> values) {
        String key = "/dynamo/api/v1/kv/framing-" + run + "-" + count++;
        String hidden = key + "-hidden";
        String request = "PUT " + key + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + Credentials.client(node).lines() + "Content-Type: text/plain\r\n" + framing + "\r\n\r\n" + body
                + "PUT " + hidden + " HTTP/1.1\r\nHost: fuzz\r\nContent-Length: 6\r\n\r\nhidden";
        RawHttp.Answer answer = node.http().sendExactly(request.getBytes(ISO_8859_1));
        String what = framing.replace("\r\n", " | ") + " / " + body.replace("\r\n", "\\r\\n") + " -> " + answer;
        String stored = watch.read(key);
        if (answer.status() == 204) {
            if (values.stream().noneMatch(v -> stored.startsWith("200 ") && stored.endsWith(" " + v))) {
                failures.add(what + ": stored " + stored + ", expected one of " + values);
            }
        } else if (answer.status() < 400 || answer.status() >= 500 || !stored.startsWith("404 ")) {
            failures.add(what + ": refused must be a 4xx that stores nothing; the key reads " + stored);
        } else if (answer.status() != 400 && !answer.jsonError()) {
            failures.add(what + ": a refusal other than the listener's bare 400 must be the API's JSON error");
        }
        String smuggled = watch.read(hidden);
        if (!smuggled.startsWith("404 ")) {
            failures.add(what + ": the request without credentials hidden after it stored " + smuggled);
        }
    }

    private void tooLarge() {
        String chunk = Integer.toHexString(node.maxValueBytes()) + "\r\n" + "a".repeat(node.maxValueBytes()) + "\r\n";
        String key = "/dynamo/api/v1/kv/framing-" + run + "-large";
        String request = "PUT " + key + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + Credentials.client(node).lines() + "Transfer-Encoding: chunked\r\n\r\n" + chunk + chunk
                + "0\r\n\r\n";
        RawHttp.Answer answer = node.http().sendExactly(request.getBytes(ISO_8859_1));
        if (answer.status() != 413 || !answer.body().contains("value_too_large")
                || !watch.read(key).startsWith("404 ")) {
            failures.add("a chunked body over the value limit -> " + answer);
        }
    }

    /**
     * Heads over the listener's limits (8 KiB of request line and headers, 100 header fields): refused by the
     * listener with 400 before the API sees them, nothing stored.
     */
    public static List<String> oversized(FuzzTarget node) {
        FramingCases cases = new FramingCases(node);
        cases.refused("X-Big: " + "b".repeat(9000) + "\r\n", "");
        cases.refused("X-Dynamo-Context: " + "A".repeat(12_000) + "\r\n", "");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            many.append("X-Field-").append(i).append(": v\r\n");
        }
        cases.refused(many.toString(), "");
        cases.refused("", "x".repeat(20_000));
        return cases.failures;
    }

    private void refused(String headers, String keySuffix) {
        String key = "/dynamo/api/v1/kv/oversized-" + run + "-" + count++ + keySuffix;
        RawHttp.Answer answer = node.http().sendExactly(FuzzRequests.request("PUT", key, headers
                + "Content-Type: text/plain\r\n", "v".getBytes(ISO_8859_1), Credentials.client(node)).bytes());
        String what = "a head of " + (headers.length() + key.length()) + " bytes";
        if (answer.status() != 400) {
            failures.add(what + " -> " + answer);
        }
        String shortKey = "/dynamo/api/v1/kv/oversized-" + run + "-" + (count - 1);
        if (keySuffix.isEmpty() && !watch.read(shortKey).startsWith("404 ")) {
            failures.add(what + " stored " + watch.read(shortKey));
        }
    }
}
