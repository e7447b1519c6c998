package io.dynamo.jaxrs.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process running the built WAR, as an operator would start it: its own HTTP port, JGroups port
 * and data directory, loopback only. Killed with SIGKILL or stopped with SIGTERM like a real process.
 *
 * <p>Shared with the console's and the benchmark's tests through this module's test jar. It reads the system
 * properties {@code payara.microJar}, {@code dynamo.it.war} and {@code dynamo.it.preboot}.
 */
public final class MicroNode {
    /** The admin user's password every node gets; {@link Http} sends it. */
    public static final String ADMIN_PASSWORD = "system-test-admin-password";
    public final String name;
    public final int httpPort;
    public final int jgroupsPort;
    public final Path dataDir;
    private final Path log;
    private final List<String> extraSettings;
    private Process process;

    public MicroNode(String name, int httpPort, int jgroupsPort, Path workDir, List<String> extraSettings) {
        this.name = name;
        this.httpPort = httpPort;
        this.jgroupsPort = jgroupsPort;
        this.dataDir = workDir.resolve("data").resolve(name);
        this.log = workDir.resolve(name + ".log");
        this.extraSettings = List.copyOf(extraSettings);
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + httpPort + "/dynamo/api/v1/");
    }

    public void start(boolean bootstrap, String seeds) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Ddynamo.node.id=" + name, "-Ddynamo.data.dir=" + dataDir,
                "-Ddynamo.http.address=127.0.0.1:" + httpPort, "-Ddynamo.bootstrap=" + bootstrap,
                "-Ddynamo.jgroups.bind.address=127.0.0.1", "-Ddynamo.jgroups.port=" + jgroupsPort,
                "-Ddynamo.jgroups.initial.hosts=" + seeds, "-Ddynamo.security.admin.password=" + ADMIN_PASSWORD));
        command.addAll(extraSettings);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("dynamo.it.war"), "--port", String.valueOf(httpPort),
                "--nohazelcast", "--disablephonehome", "--prebootcommandfile", System.getProperty("dynamo.it.preboot")));
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook, no clean close of the stores. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until {@code /health/live} or {@code /health/ready} answers 200. */
    public void await(String check, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new AssertionError(name + " exited during start; see " + log);
            }
            if (Http.status(URI.create("http://127.0.0.1:" + httpPort + "/health/" + check)) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not " + check + " within " + limit + "; see " + log);
    }

    @Override
    public String toString() {
        return name + "@" + httpPort;
    }
}
