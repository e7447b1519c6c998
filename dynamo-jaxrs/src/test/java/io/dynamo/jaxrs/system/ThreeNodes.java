package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Three Payara Micro nodes started from the built WAR and joined into one ring through the admin API, as an
 * operator does: node1 starts the ring, node2 and node3 are joined to it (plan, then commit). Their cluster traffic
 * is encrypted, as the local cluster runs: a generated secret in a file only the owner reads, passed by path.
 */
public final class ThreeNodes {
    static final Duration START = Duration.ofMinutes(4);
    static final Duration SETTLE = Duration.ofMinutes(2);

    private static final List<List<String>> NO_OWN_SETTINGS = List.of(List.of(), List.of(), List.of());

    public final List<MicroNode> nodes = new ArrayList<>();
    final String seeds;
    private final Path work;
    private final List<String> settings;
    private final Path war;

    /**
     * @param hosts the loopback address of each node
     * @param ownSettings each node's settings after the shared ones (a later -D of the same name wins)
     * @param war what every node deploys: the built WAR or a test's variant of it
     */
    private ThreeNodes(Path work, List<String> hosts, List<String> settings, List<List<String>> ownSettings,
            Path war) throws IOException {
        this.work = work;
        this.settings = settings;
        this.war = war;
        List<Integer> ports = freePorts(6);
        List<String> seedList = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seedList.add(hosts.get(i) + "[" + ports.get(3 + i) + "]");
            List<String> all = new ArrayList<>(settings);
            all.addAll(ownSettings.get(i));
            nodes.add(new MicroNode("node" + (i + 1), hosts.get(i), ports.get(i), ports.get(3 + i), work, all, war));
        }
        this.seeds = String.join(",", seedList);
    }

    static ThreeNodes start(String name, List<String> hosts, List<String> settings) throws Exception {
        return start(name, hosts, settings, NO_OWN_SETTINGS, MicroNode.builtWar(), nodes -> { });
    }

    /** @param war what every node deploys: the built WAR or a test's variant of it */
    static ThreeNodes start(String name, List<String> hosts, List<String> settings, Path war) throws Exception {
        return start(name, hosts, settings, NO_OWN_SETTINGS, war, nodes -> { });
    }

    /** The same, with settings of each node's own after the shared ones (node1 must keep its admin user). */
    public static ThreeNodes start(String name, List<String> hosts, List<String> settings,
            List<List<String>> ownSettings) throws Exception {
        return start(name, hosts, settings, ownSettings, MicroNode.builtWar(), nodes -> { });
    }

    /** The same, and node {@code index} (from 0) also deploys {@code application} beside the product. */
    static ThreeNodes start(String name, List<String> hosts, List<String> settings, List<List<String>> ownSettings,
            int index, Path application) throws Exception {
        return start(name, hosts, settings, ownSettings, MicroNode.builtWar(),
                nodes -> nodes.get(index).alsoDeploy(application));
    }

    private static ThreeNodes start(String name, List<String> hosts, List<String> settings,
            List<List<String>> ownSettings, Path war, Consumer<List<MicroNode>> beforeStart) throws Exception {
        Path work = Path.of("target", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(work);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path secret = Files.writeString(work.resolve("cluster.secret"), Base64.getEncoder().encodeToString(random));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        List<String> all = new ArrayList<>(settings);
        all.add("-Ddynamo.cluster.secret.file=" + secret);
        ThreeNodes cluster = new ThreeNodes(work, hosts, all, ownSettings, war);
        beforeStart.accept(cluster.nodes);
        try {
            cluster.form();
        } catch (Exception | Error e) {
            cluster.stop(); // no process outlives a failed start
            throw e;
        }
        return cluster;
    }

    /** Starts the nodes and joins them into one ring, as an operator does. */
    private void form() throws InterruptedException {
        // All three at once: with C1 only (MicroNode) a start keeps about 0.8 of a core busy, so three overlap on two
        // cores (49 s against 64 s in sequence, measured under load). With C2 as well they fought over the cores.
        for (MicroNode node : nodes) {
            node.start(node == nodes.get(0), seeds);
        }
        for (MicroNode node : nodes) {
            node.await("live", START);
        }
        nodes.get(0).await("ready", START);
        join("node2");
        join("node3");
        for (MicroNode node : nodes) {
            node.await("ready", SETTLE);
        }
        eventually("every node has the three-node ring", () -> nodes.stream()
                .allMatch(n -> ringOf(n).getJsonArray("members").size() == 3));
    }

    /**
     * Starts one more node with the cluster's shared settings and seeds, not in the ring until joined; it is stopped
     * with the others.
     */
    MicroNode startAnother(String name, String host) throws IOException {
        List<Integer> ports = freePorts(2);
        MicroNode node = new MicroNode(name, host, ports.get(0), ports.get(1), work, settings, war);
        nodes.add(node);
        node.start(false, seeds);
        return node;
    }

    public void stop() throws InterruptedException {
        for (MicroNode node : nodes) {
            node.stop();
        }
    }

    /** Joins a node through node1's admin API: the plan, then its commit (again while the cluster answers 409). */
    void join(String name) throws InterruptedException {
        JsonObject done = Http.join(nodes.get(0).api().resolve("admin/"), name, SETTLE);
        assertThat(done.getBoolean("committed")).as(done.toString()).isTrue();
    }

    static JsonObject ringOf(MicroNode node) {
        return Http.json(Http.get(node.api().resolve("admin/ring")));
    }

    /** Polls until the condition holds; a node still starting answers errors, which count as "not yet". */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        eventually(what, SETTLE, condition);
    }

    static long eventually(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // a node still starting answers errors: try again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }

    /** Free loopback ports below the ephemeral range; the JGroups ones also keep port + 100 free (FD_SOCK2). */
    static List<Integer> freePorts(int count) throws IOException {
        return LoopbackPorts.free(count);
    }
}
