package io.dynamo.jaxrs.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers that a test starts in another process, chosen below the kernel's ephemeral range.
 * A port the kernel handed out for a moment ({@code new ServerSocket(0)}) lies inside that range, and in the tens of
 * seconds before Payara binds it any outgoing connection of this machine may take it as its local port: the server
 * then fails to start (a Payara Server instance whose JGroups port was taken never joined, and the test waited in
 * vain). Ports below the range are only ever taken by listeners.
 */
public final class LoopbackPorts {
    private static final int LOWEST = 10_000;
    private static final int FD_SOCK_OFFSET = 100;

    private LoopbackPorts() {
    }

    /** {@code count} distinct free ports; each also has port + 100 free (where JGroups' FD_SOCK2 listens). */
    public static List<Integer> free(int count) throws IOException {
        int ceiling = ephemeralLow() - FD_SOCK_OFFSET;
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; ports.size() < count; attempt++) {
            if (attempt > 10_000) {
                throw new IOException("no " + count + " free loopback ports in " + LOWEST + "-" + ceiling);
            }
            int p = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            boolean clash = ports.stream().anyMatch(q -> Math.abs(q - p) == FD_SOCK_OFFSET || q == p);
            if (!clash && isFree(p) && isFree(p + FD_SOCK_OFFSET)) {
                ports.add(p);
            }
        }
        return ports;
    }

    /**
     * A base port from which {@code span} ports are all below the ephemeral range and every {@code base + offset}
     * is free: for servers that number their ports from one base (a Payara Server instance's port base).
     */
    public static int freeBase(int span, List<Integer> offsets) throws IOException {
        int ceiling = ephemeralLow() - span;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST / 100, ceiling / 100) * 100;
            if (offsets.stream().allMatch(o -> isFree(base + o))) {
                return base;
            }
        }
        throw new IOException("no free range of " + span + " loopback ports below " + ephemeralLow());
    }

    /** The lowest port the kernel hands to outgoing connections (32768 where it cannot be read). */
    static int ephemeralLow() {
        try {
            // Read by lines: procfs gives no size, and Files.readString then reads a single byte.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
