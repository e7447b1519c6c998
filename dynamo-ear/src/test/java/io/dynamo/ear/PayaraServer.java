package io.dynamo.ear;

import io.dynamo.jaxrs.system.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full Payara Server driven through {@code asadmin}, as an operator would: its own domain (ports from a base), the
 * setup commands as a preboot file, settings in the environment of the server process.
 */
final class PayaraServer {
    private static final String DOMAIN = "dynamo-it";
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(4);

    private final Path home;
    private final Path work;
    private final int portBase;

    PayaraServer(Path home, Path work, int portBase) {
        this.home = home;
        this.work = work;
        this.portBase = portBase;
    }

    Path home() {
        return home;
    }

    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    private Path domainDir() {
        return work.resolve("domains");
    }

    void createDomain() throws IOException, InterruptedException {
        deleteRecursively(work);
        Files.createDirectories(domainDir());
        asadmin(Map.of(), "--user", "admin", "create-domain", "--nopassword", "--portbase", String.valueOf(portBase),
                "--domaindir", domainDir().toString(), DOMAIN);
        // Two settings cannot be made by a preboot command because their elements do not exist yet at that point:
        // the embedded message broker would listen on every interface (the application needs no JMS), and the
        // server would report its use to the vendor.
        Path domainXml = domainDir().resolve(DOMAIN).resolve("config").resolve("domain.xml");
        String xml = Files.readString(domainXml);
        String serverConfig = "<config name=\"server-config\">";
        if (!xml.contains(serverConfig)) {
            throw new AssertionError("no " + serverConfig + " in " + domainXml + ": has the domain template changed?");
        }
        Files.writeString(domainXml, xml.replace(serverConfig, serverConfig
                + "<jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\"><jms-host"
                + " name=\"default_JMS_host\" host=\"localhost\" port=\"${JMS_PROVIDER_PORT}\"/></jms-service>"
                + "<phone-home-runtime-configuration enabled=\"false\"/>"));
    }

    void start(Path setupCommands, Map<String, String> environment) throws IOException, InterruptedException {
        asadmin(environment, "start-domain", "--prebootcommandfile", setupCommands.toString(),
                "--domaindir", domainDir().toString(), DOMAIN);
    }

    void deploy(Path ear) throws IOException, InterruptedException {
        remote("deploy", ear.toString());
    }

    /**
     * Several asadmin subcommands against the running domain's administration server, in one asadmin process
     * ({@code multimode}: each command started alone costs a JVM start). Their arguments must not need quoting.
     */
    void remoteAll(List<List<String>> subcommands) throws IOException, InterruptedException {
        Path file = work.resolve("commands-" + System.nanoTime() + ".txt");
        Files.write(file, subcommands.stream().map(c -> String.join(" ", c)).toList());
        remote("multimode", "--file", file.toString());
    }

    /** An asadmin subcommand against the running domain's administration server. */
    void remote(String... subcommand) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(adminPort())));
        arguments.addAll(List.of(subcommand));
        asadmin(Map.of(), arguments.toArray(String[]::new));
    }

    void stop() throws IOException, InterruptedException {
        asadmin(Map.of(), "stop-domain", "--domaindir", domainDir().toString(), DOMAIN);
    }

    void awaitReady(URI readiness) throws InterruptedException {
        long deadline = System.nanoTime() + COMMAND_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Http.status(readiness) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the node on Payara Server is not ready at " + readiness + " within "
                + COMMAND_LIMIT + "; see " + serverLog());
    }

    /** Addresses and ports the administration server listens on (TCP). */
    List<InetSocketAddress> listeningAddresses() throws IOException {
        return listeningAddresses(domainDir().resolve(DOMAIN).resolve("config").resolve("pid"));
    }

    /**
     * Addresses and ports a server process listens on (TCP), read from /proc so that no tool is needed.
     *
     * @param pidFile the {@code config/pid} file of a running domain or instance
     */
    static List<InetSocketAddress> listeningAddresses(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // The descriptor closed while listing; it is not a listener we need.
                }
            });
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    int colon = f[1].indexOf(':');
                    addresses.add(new InetSocketAddress(address(f[1].substring(0, colon)),
                            Integer.parseInt(f[1].substring(colon + 1), 16)));
                }
            }
        }
        return addresses;
    }

    /** /proc/net prints each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    Path serverLog() {
        return domainDir().resolve(DOMAIN).resolve("logs").resolve("server.log");
    }

    private void asadmin(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("asadmin").toString()));
        command.addAll(List.of(arguments));
        Path output = work.resolve("asadmin.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + arguments[0] + " did not finish within " + COMMAND_LIMIT
                    + "; see " + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed (exit "
                    + process.exitValue() + "); see " + output + " and " + serverLog());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
