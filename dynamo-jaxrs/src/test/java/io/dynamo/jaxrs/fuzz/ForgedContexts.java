package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.VectorClock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Contexts that decode but claim what no read returned: counters of the nodes' own actors up to the largest a
 * varint holds, update times in the far future, and as many entries as fit in the listener's 8 KiB of headers.
 * Sent through every node of the cluster (so through coordinators and through nodes that forward), to fresh keys
 * and keys that hold values. Each put must succeed or be refused with 400 {@code malformed_context}, storing
 * nothing; afterwards every node still takes plain writes, and no node's counter was pushed near the end of its
 * range (where the next dot would overflow).
 */
public final class ForgedContexts {
    /** Past this, a node's counter is close enough to the end of a long to fear overflow. */
    static final long FAR = 1L << 62;
    private static final long[] COUNTERS = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 4096, FAR + 1,
        (1L << 61) + 1, 1L << 53};

    private ForgedContexts() {
    }

    public static List<String> check(List<FuzzTarget> nodes, KeyWatch watch) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> actors = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; actors.size() < nodes.size() && i < 60; i++) {
            actors.addAll(Fuzz.actors(Fuzz.put(nodes.get(i % nodes.size()), "actor-" + run + "-" + i, "v")));
        }
        List<List<VectorClock.Entry>> contexts = new ArrayList<>();
        for (String actor : actors) {
            for (long counter : COUNTERS) {
                contexts.add(List.of(new VectorClock.Entry(actor, counter, System.currentTimeMillis())));
            }
            contexts.add(List.of(new VectorClock.Entry(actor, 5, Long.MAX_VALUE)));
        }
        List<VectorClock.Entry> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(new VectorClock.Entry(Integer.toString(i, 36), 1 + i, i));
        }
        contexts.add(many);
        int k = 0;
        for (List<VectorClock.Entry> context : contexts) {
            for (FuzzTarget node : nodes) {
                String fresh = "forged-" + run + "-" + k++;
                failures.addAll(put(node, fresh, context, watch));
                String existing = "forged-" + run + "-" + k++;
                Fuzz.put(node, existing, "was there");
                failures.addAll(put(node, existing, context, watch));
            }
        }
        for (FuzzTarget node : nodes) {
            for (int i = 0; i < 3; i++) {
                String context = Fuzz.put(node, "after-forged-" + run + "-" + node + "-" + i, "plain");
                for (VectorClock.Entry e : Context.decode(context).clock().entries()) {
                    if (e.counter() > FAR) {
                        failures.add("after the forged contexts, a plain put through " + node + " has counter "
                                + e.counter() + " for " + e.actor());
                    }
                }
            }
        }
        return failures;
    }

    private static List<String> put(FuzzTarget node, String key, List<VectorClock.Entry> context, KeyWatch watch) {
        String path = "/dynamo/api/v1/kv/" + key;
        Map<String, String> before = watch.before(path);
        RawHttp.Answer answer = node.http().sendExactly(FuzzRequests.request("PUT", path, "Content-Type: text/plain"
                + "\r\nX-Dynamo-Context: " + new Context(VectorClock.of(context)).encode() + "\r\n",
                "forged".getBytes(UTF_8), Credentials.client(node)).bytes());
        String what = "a put through " + node + " with a context of " + context.size() + " entries, the first "
                + context.get(0) + " -> " + answer;
        if (answer.status() == 204) {
            return List.of();
        }
        if (answer.status() != 400 || !answer.body().contains("\"malformed_context\"")) {
            return List.of(what);
        }
        String changed = watch.changedSince(before);
        return changed == null ? List.of() : List.of(what + ": " + changed);
    }
}
