package io.dynamo.infra.jgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A transport on loopback with its own named executor and timer, as the server would give it. */
public final class TestNode implements AutoCloseable {
    final String id;
    final int port;
    final ExecutorService executor;
    final ScheduledExecutorService timer;
    final JGroupsTransport transport;

    private TestNode(String id, int port, ExecutorService executor, ScheduledExecutorService timer,
                     JGroupsTransport transport) {
        this.id = id;
        this.port = port;
        this.executor = executor;
        this.timer = timer;
        this.transport = transport;
    }

    static TestNode start(String cluster, String id, int port, List<Integer> seedPorts) {
        return start(cluster, id, port, seedPorts, null);
    }

    /** A node whose traffic is encrypted under {@code key}; null for none. */
    static TestNode start(String cluster, String id, int port, List<Integer> seedPorts, ClusterKey key) {
        return start(JGroupsSettings.loopback(cluster, id, port, seeds(seedPorts)).withClusterKey(key));
    }

    /** A node with settings of its own (another stack file, for one). */
    static TestNode start(JGroupsSettings settings) {
        ExecutorService executor = Executors.newFixedThreadPool(8, named("exec-" + settings.nodeId()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("timer-"
                + settings.nodeId()));
        JGroupsTransport transport = JGroupsTransport.start(settings, executor, timer);
        return new TestNode(settings.nodeId(), settings.bindPort(), executor, timer, transport);
    }

    /** Seeds in TCPPING's form for loopback ports. */
    static List<String> seeds(List<Integer> seedPorts) {
        return seedPorts.stream().map(p -> "127.0.0.1[" + p + "]").toList();
    }

    @Override
    public void close() {
        transport.close();
        executor.shutdownNow();
        timer.shutdownNow();
    }

    /** Free loopback ports (and free 100 above, where FD_SOCK2 listens), distinct from each other. */
    public static List<Integer> freePorts(int count) {
        List<Integer> ports = new java.util.ArrayList<>();
        while (ports.size() < count) {
            int p = freePort();
            if (p + 100 <= 65535 && !ports.contains(p) && available(p + 100)) {
                ports.add(p);
            }
        }
        return ports;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean available(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void awaitMembers(Set<String> expected, Duration within) {
        await(() -> transport.members().equals(expected), within,
                () -> id + " sees " + transport.members() + ", expected " + expected);
    }

    static void await(BooleanSupplier condition, Duration within, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
