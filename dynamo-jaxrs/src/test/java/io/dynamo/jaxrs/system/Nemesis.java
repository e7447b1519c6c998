package io.dynamo.jaxrs.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts and heals the cluster traffic between nodes on their own loopback addresses with packet filtering: only the
 * JGroups ports (transport and failure detection) are dropped, so clients still reach every node over HTTP, as when
 * the network between servers splits but the clients' side does not. The rules live in a chain of their own, removed
 * on {@link #close()}. Needs root and iptables (installed here from the distribution when missing).
 */
final class Nemesis implements AutoCloseable {
    private static final String CHAIN = "DYNAMO_NEMESIS";

    Nemesis() throws IOException, InterruptedException {
        ensureIptables();
        run(true, "iptables", "-N", CHAIN);
        run(false, "iptables", "-F", CHAIN);
        if (!run(true, "iptables", "-C", "INPUT", "-j", CHAIN)) {
            run(false, "iptables", "-I", "INPUT", "1", "-j", CHAIN);
        }
    }

    /** Drops every packet of cluster traffic between the two nodes, both ways. */
    void cut(MicroNode a, MicroNode b) throws IOException, InterruptedException {
        for (MicroNode[] pair : new MicroNode[][] {{a, b}, {b, a}}) {
            MicroNode from = pair[0];
            MicroNode to = pair[1];
            for (int port : new int[] {to.jgroupsPort, to.jgroupsPort + 100}) {
                rule(from.host, to.host, "--dport", port);
                rule(to.host, from.host, "--sport", port);
            }
        }
    }

    void heal() throws IOException, InterruptedException {
        run(false, "iptables", "-F", CHAIN);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        heal();
        run(true, "iptables", "-D", "INPUT", "-j", CHAIN);
        run(true, "iptables", "-X", CHAIN);
    }

    private void rule(String source, String destination, String portMatch, int port)
            throws IOException, InterruptedException {
        run(false, "iptables", "-A", CHAIN, "-s", source, "-d", destination, "-p", "tcp", portMatch,
                String.valueOf(port), "-j", "DROP");
    }

    private static void ensureIptables() throws IOException, InterruptedException {
        if (onPath("iptables")) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the fault-injection test needs root and iptables to cut the network"
                    + " between nodes; run it as root (it installs iptables itself) or install iptables");
        }
        run(false, "apt-get", "update", "-qq");
        run(false, "apt-get", "install", "-y", "-qq", "iptables");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /** @return whether the command succeeded; a failure throws unless {@code mayFail} */
    private static boolean run(boolean mayFail, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        if (process.exitValue() != 0 && !mayFail) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return process.exitValue() == 0;
    }
}
