package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.VectorClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The random part: requests from {@link FuzzRequests} to random nodes, each answer judged by {@link ApiOracle}, and
 * every refused write checked by {@link KeyWatch}.
 */
public final class Fuzz {
    private final List<FuzzTarget> nodes;
    private final KeyWatch watch;
    private final Random random;
    private final long seed;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> pool = new ArrayList<>();
    private final Set<String> actors = new LinkedHashSet<>();
    private long slowest;
    private Listing listing;

    /**
     * The namespaces the namespaced requests aim at (one open to anyone, one needing the client role), the prefix of
     * the pool's keys, and for {@code default} and the open namespace a real cursor of a listing with that prefix.
     */
    record Listing(String run, String open, String closed, String prefix, Map<String, String> cursors,
                   List<String> keys) {
        String cursor(String namespace) {
            return cursors.get(namespace);
        }

        String anyKey(Random random) {
            return keys.get(random.nextInt(keys.size()));
        }
    }

    /** @param reader the node whose reads {@link KeyWatch} trusts */
    public Fuzz(List<FuzzTarget> nodes, FuzzTarget reader, long seed) {
        this.nodes = nodes;
        this.watch = new KeyWatch(reader);
        this.random = new Random(seed);
        this.seed = seed;
    }

    public KeyWatch watch() {
        return watch;
    }

    /** The longest any answer took. */
    public long slowestMillis() {
        return slowest;
    }

    /**
     * Writes ten keys for the fuzzer to aim at and five it never addresses, through every node in turn, and learns
     * the nodes' actors from the contexts; returns the five with their values.
     */
    public Map<String, String> writeSentinels() {
        Map<String, String> sentinels = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            String key = (i < 10 ? "pool-" : "sentinel-") + run + "-" + i;
            String context = put(nodes.get(i % nodes.size()), key, "kept-" + i);
            actors.addAll(actors(context));
            if (i < 10) {
                pool.add(key);
            } else {
                sentinels.put(key, "kept-" + i);
            }
        }
        return sentinels;
    }

    /** The actors a context names. */
    public static Set<String> actors(String context) {
        Set<String> names = new LinkedHashSet<>();
        for (VectorClock.Entry e : Context.decode(context).clock().entries()) {
            names.add(e.actor());
        }
        return names;
    }

    /**
     * Creates two namespaces through the first node's admin API, writes three of the pool's keys into the open one,
     * and takes a cursor of each namespace's listing of the pool's prefix; call after {@link #writeSentinels}.
     */
    public void createNamespaces() {
        String open = "fz-open-" + run;
        String closed = "fz-client-" + run;
        FuzzNamespaces.create(nodes.get(0), nodes, open, "none");
        FuzzNamespaces.create(nodes.get(0), nodes, closed, "client");
        List<String> keys = pool.subList(0, 3);
        keys.forEach(key -> putAt(nodes.get(0), "ns/" + open + "/kv/" + key, "in " + open));
        String prefix = "pool-" + run + "-";
        Map<String, String> cursors = Map.of("default", cursor(nodes.get(0), "keys", prefix),
                open, cursor(nodes.get(0), "ns/" + open + "/keys", prefix));
        listing = new Listing(run, open, closed, prefix, cursors, List.copyOf(keys));
    }

    /** The next cursor of a one-key page of the listing (at least two keys have the prefix). */
    private static String cursor(FuzzTarget node, String path, String prefix) {
        RawHttp.Answer page = node.http().sendExactly(FuzzRequests.request("GET", "/dynamo/api/v1/" + path
                + "?limit=1&prefix=" + prefix, "", new byte[0], Credentials.client(node)).bytes());
        Matcher next = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"").matcher(page.body());
        assertThat(next.find()).as("a first page of %s: %s", path, page).isTrue();
        return next.group(1);
    }

    /** A plain put with the client's credentials; returns the new context. */
    public static String put(FuzzTarget node, String key, String value) {
        return putAt(node, "kv/" + key, value);
    }

    private static String putAt(FuzzTarget node, String path, String value) {
        RawHttp.Answer answer = node.http().sendExactly(FuzzRequests.request("PUT", "/dynamo/api/v1/" + path,
                "Content-Type: text/plain\r\n", value.getBytes(UTF_8), Credentials.client(node)).bytes());
        assertThat(answer.status()).as("put %s through %s: %s", path, node, answer).isEqualTo(204);
        return answer.header("x-dynamo-context");
    }

    /** Sends {@code count} random requests; returns a line per wrong answer. */
    public List<String> run(int count) {
        FuzzRequests requests = new FuzzRequests(random, pool, List.copyOf(actors),
                listing == null ? null : new NamespacedRequests(random, listing));
        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        int listener = 0;
        Map<String, Integer> exact = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            FuzzTarget node = nodes.get(random.nextInt(nodes.size()));
            FuzzRequests.Request request = requests.next(node);
            Map<String, String> before = request.write() ? watch.before(request.target()) : Map.of();
            RawHttp.Answer answer = node.http().sendExactly(request.bytes());
            slowest = Math.max(slowest, answer.millis());
            boolean byListener = ApiOracle.listenerDomain(request.bytes()) && ApiOracle.listenerRefusal(answer) == null;
            listener += byListener ? 1 : 0;
            byClass[Math.max(0, Math.min(5, answer.status() / 100))]++;
            String problem = byListener ? null
                    : ApiOracle.problem(node, request.method(), request.target(), request.credentials(), answer);
            if (problem == null && !byListener && request.expected() != null) {
                problem = request.expected().problem(request.method(), answer);
                exact.merge(request.expected().toString(), 1, Integer::sum);
            }
            boolean refused = byListener || answer.status() < 200 || answer.status() >= 300;
            if (problem == null && refused && !before.isEmpty()) {
                problem = watch.changedSince(before);
            }
            if (problem != null) {
                failures.add("#" + i + " to " + node + " with " + request.credentials() + ": "
                        + printable(request.bytes()) + " -> " + problem);
            }
        }
        System.out.printf("fuzz seed %d: %d requests to %s (%d answered by the listener itself), 2xx %d, 3xx %d,"
                        + " 4xx %d, 5xx %d, no answer %d; slowest answer %d ms%n", seed, count, nodes, listener,
                byClass[2], byClass[3], byClass[4], byClass[5], byClass[0], slowest);
        System.out.printf("fuzz seed %d: answers predicted exactly (namespaces, listing): %s%n", seed, exact);
        return failures;
    }

    /** Every node is ready and reads every sentinel as written. */
    public void assertIntact(Map<String, String> sentinels) {
        for (FuzzTarget node : nodes) {
            RawHttp.Answer ready = node.http().sendExactly(FuzzRequests.request("GET", "/health/ready", "",
                    new byte[0], Credentials.NONE).bytes());
            assertThat(ready.status()).as("%s is still ready", node).isEqualTo(200);
            sentinels.forEach((key, value) -> assertThat(node.http().sendExactly(FuzzRequests.request("GET",
                    "/dynamo/api/v1/kv/" + key, "", new byte[0], Credentials.client(node)).bytes()).body())
                    .as("%s through %s", key, node).isEqualTo(value));
        }
    }

    static String printable(byte[] request) {
        String text = new String(request, ISO_8859_1).replace("\r\n", " | ").replaceAll("x{50,}", "x...x");
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\x%02x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
