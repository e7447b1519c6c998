package io.dynamo.jaxrs.system;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nemesis's plan: every few seconds one fault from the given kinds, chosen by a seeded random stream, then a
 * heal; at most one node is down or paused at a time. Logs every fault as it happened, and checks that each network
 * cut took effect: the cut-off node must see each peer it is cut from UP before the cut and DOWN after it, through
 * the admin API.
 */
final class FaultSchedule {
    enum Fault { CUT_FROM_OTHERS, CUT_PAIR, KILL, PAUSE }

    /** How long a cut may take to show: the detector marks a peer DOWN after three missed probes or requests. */
    private static final Duration CUT_EFFECT = Duration.ofSeconds(15);

    private final ThreeNodes cluster;
    private final Nemesis nemesis;
    private final Random random;
    private final List<Fault> kinds;
    private final List<String> log = new ArrayList<>();
    private final List<String> ineffective = new ArrayList<>();

    FaultSchedule(ThreeNodes cluster, Nemesis nemesis, long seed, List<Fault> kinds) {
        this.cluster = cluster;
        this.nemesis = nemesis;
        this.random = new Random(seed);
        this.kinds = List.copyOf(kinds);
    }

    /** Runs faults until {@code length} has passed (the last one may end a little later). */
    void run(Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<MicroNode> nodes = cluster.nodes;
        while (System.nanoTime() < end) {
            // Every random choice is drawn before acting, so the same seed gives the same schedule.
            MicroNode a = nodes.get(random.nextInt(3));
            MicroNode b = nodes.get((nodes.indexOf(a) + 1 + random.nextInt(2)) % 3);
            Fault fault = kinds.get(random.nextInt(kinds.size()));
            long holdMillis = switch (fault) {
                case CUT_FROM_OTHERS, CUT_PAIR -> 4000 + random.nextInt(4000);
                case KILL -> 2000 + random.nextInt(3000);
                case PAUSE -> 3000 + random.nextInt(3000);
            };
            long gapMillis = 1000 + random.nextInt(2000);
            switch (fault) {
                case CUT_FROM_OTHERS -> cut(a, nodes.stream().filter(n -> n != a).toList(), holdMillis);
                case CUT_PAIR -> cut(a, List.of(b), holdMillis);
                case KILL -> kill(a, holdMillis);
                case PAUSE -> pause(a, holdMillis);
            }
            Thread.sleep(gapMillis);
        }
    }

    private void cut(MicroNode a, List<MicroNode> peers, long holdMillis) throws Exception {
        List<String> cutOff = peers.stream().map(p -> p.name).sorted().toList();
        String what = "cut " + a.name + "|" + String.join(",", cutOff);
        int entry = begin(what);
        // A peer still DOWN from an earlier cut would make this cut look effective: it must be UP first.
        if (awaitSeen(a, Set.copyOf(cutOff), "UP") < 0) {
            ineffective.add(what + ": before it, " + a.name + " did not see " + cutOff + " UP within "
                    + CUT_EFFECT.toSeconds() + " s; it saw " + reachability(a));
        }
        long start = System.nanoTime();
        for (MicroNode peer : peers) {
            nemesis.cut(a, peer);
        }
        long seenAfter = awaitSeen(a, Set.copyOf(cutOff), "DOWN");
        String effect = seenAfter < 0 ? a.name + " never saw " + cutOff + " DOWN within " + CUT_EFFECT.toSeconds()
                + " s; it saw " + reachability(a) : a.name + " saw them DOWN after " + seenAfter + " ms";
        if (seenAfter < 0) {
            ineffective.add(what + ": " + effect);
        }
        Thread.sleep(Math.max(0, holdMillis - millisSince(start)));
        log.set(entry, what + " for " + millisSince(start) + " ms: " + effect);
        nemesis.heal();
    }

    private void kill(MicroNode a, long downMillis) throws InterruptedException {
        long start = System.nanoTime();
        int entry = begin("kill " + a.name + ", restart after " + downMillis + " ms");
        a.kill();
        Thread.sleep(downMillis);
        a.start(false, cluster.seeds);
        a.await("ready", ThreeNodes.START);
        log.set(entry, log.get(entry) + ", ready after " + millisSince(start) + " ms");
    }

    private void pause(MicroNode a, long holdMillis) throws Exception {
        begin("pause " + a.name + " for " + holdMillis + " ms");
        a.pause();
        try {
            Thread.sleep(holdMillis);
        } finally {
            a.resume();
        }
    }

    /** Logs a fault before it acts, so that one that fails half-way is in the log too. */
    private int begin(String fault) {
        log.add(fault);
        return log.size() - 1;
    }

    /** @return milliseconds until {@code node} saw every one of {@code peers} so, or -1 if it did not in time */
    private static long awaitSeen(MicroNode node, Set<String> peers, String reachability)
            throws InterruptedException {
        long start = System.nanoTime();
        while (millisSince(start) < CUT_EFFECT.toMillis()) {
            Map<String, String> seen = reachability(node);
            if (peers.stream().allMatch(p -> reachability.equals(seen.get(p)))) {
                return millisSince(start);
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** How the node sees its peers now, by the admin API; empty when it does not answer. */
    private static Map<String, String> reachability(MicroNode node) {
        try {
            return Http.json(Http.get(node.api().resolve("admin/nodes"))).getJsonArray("nodes").stream()
                    .map(JsonValue::asJsonObject).filter(n -> !n.getBoolean("self"))
                    .collect(Collectors.toMap(n -> n.getString("node"), FaultSchedule::reachabilityOf));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String reachabilityOf(JsonObject node) {
        return node.getJsonObject("health").getString("reachability");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Every fault as it happened, in order. */
    List<String> log() {
        return List.copyOf(log);
    }

    /** Cuts the cut-off node did not notice: the nemesis did not do what the run claims. */
    List<String> ineffectiveCuts() {
        return List.copyOf(ineffective);
    }
}
