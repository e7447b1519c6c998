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
 * and data directory, on a loopback address of its own (127.0.0.1 unless given). Killed with SIGKILL, paused with
 * SIGSTOP or stopped with SIGTERM like a real process.
 *
 * <p>Shared with the console's and the benchmark's tests through this module's test jar. It reads the system
 * properties {@code payara.microJar}, {@code dynamo.it.war} (the built WAR, unless another is given) and
 * {@code dynamo.it.preboot} (the project's {@code config/payara-preboot.txt}, beside the other Payara command files).
 */
public final class MicroNode {

    /** The admin user's password every node gets; {@link Http} sends it. */
    public static final String ADMIN_PASSWORD = "system-test-admin-password";
    /** The client user's password every node gets (the key-value API requires the client user by default). */
    public static final String CLIENT_PASSWORD = "system-test-client-password";
    public final String name;
    public final String host;
    public final int httpPort;
    public final int jgroupsPort;
    public final Path dataDir;
    private final Path log;
    private final Path preboot;
    private final List<String> extraSettings;
    private final Path war;
    private final List<Path> alsoDeployed = new ArrayList<>();
    private Path extraPreboot;
    private Path postdeploy;
    private Process process;
    private volatile boolean paused;

    public MicroNode(String name, int httpPort, int jgroupsPort, Path workDir, List<String> extraSettings) {
        this(name, "127.0.0.1", httpPort, jgroupsPort, workDir, extraSettings);
    }

    /** @param host the loopback address (127.0.0.x) the node's HTTP listener and JGroups bind to */
    public MicroNode(String name, String host, int httpPort, int jgroupsPort, Path workDir,
            List<String> extraSettings) {
        this(name, host, httpPort, jgroupsPort, workDir, extraSettings, builtWar());
    }

    /** @param war the WAR to deploy instead of the built one (a test's variant of it) */
    public MicroNode(String name, String host, int httpPort, int jgroupsPort, Path workDir,
            List<String> extraSettings, Path war) {
        this.name = name;
        this.host = host;
        this.httpPort = httpPort;
        this.jgroupsPort = jgroupsPort;
        this.dataDir = workDir.resolve("data").resolve(name);
        this.log = workDir.resolve(name + ".log");
        this.preboot = workDir.resolve(name + "-preboot.txt");
        this.extraSettings = List.copyOf(extraSettings);
        this.war = war;
    }

    /**
     * Payara commands of the node's own (its TLS listener, say): {@code preboot}'s are run after the shared ones,
     * and {@code postdeploy} replaces the shared {@code config/payara-postdeploy.txt}.
     */
    public MicroNode commands(Path preboot, Path postdeploy) {
        this.extraPreboot = preboot;
        this.postdeploy = postdeploy;
        return this;
    }

    /** Another application this node deploys beside the product, at its own context root, from its next start. */
    public MicroNode alsoDeploy(Path application) {
        alsoDeployed.add(application);
        return this;
    }

    /** The WAR this build made, which nodes deploy unless given another. */
    public static Path builtWar() {
        return Path.of(System.getProperty("dynamo.it.war"));
    }

    /** Where the node's process writes its output, Payara's log included. */
    public Path log() {
        return log;
    }

    public URI api() {
        return URI.create("http://" + host + ":" + httpPort + "/dynamo/api/v1/");
    }

    public long pid() {
        return process.pid();
    }

    public void start(boolean bootstrap, String seeds) {
        List<String> command = new ArrayList<>(List.of(
                // C1 only: a test node lives for minutes on two shared cores, where C2 would spend them compiling.
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Ddynamo.node.id=" + name, "-Ddynamo.data.dir=" + dataDir,
                "-Ddynamo.http.address=" + host + ":" + httpPort, "-Ddynamo.bootstrap=" + bootstrap,
                "-Ddynamo.jgroups.bind.address=" + host, "-Ddynamo.jgroups.port=" + jgroupsPort,
                "-Ddynamo.jgroups.initial.hosts=" + seeds, "-Ddynamo.security.admin.password=" + ADMIN_PASSWORD,
                "-Ddynamo.security.client.password=" + CLIENT_PASSWORD));
        command.addAll(extraSettings);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", war.toString()));
        alsoDeployed.forEach(application -> command.addAll(List.of("--deploy", application.toString())));
        command.addAll(List.of("--port", String.valueOf(httpPort),
                "--nohazelcast", "--disablephonehome", "--prebootcommandfile", preboot.toString(),
                "--postdeploycommandfile",
                (postdeploy != null ? postdeploy : config().resolve("payara-postdeploy.txt")).toString()));
        try {
            Files.createDirectories(dataDir);
            // The shared preboot file binds the listener to 127.0.0.1; this node listens on its own address, and
            // only once the application is deployed, as config/lib/nodes.sh starts nodes.
            Files.writeString(preboot, Files.readString(config().resolve("payara-preboot.txt"))
                    .replace("address=127.0.0.1", "address=" + host)
                    + Files.readString(config().resolve("payara-closed-until-deployed.txt"))
                    + (extraPreboot == null ? "" : Files.readString(extraPreboot)));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The project's {@code config} directory, where Payara's command files are (read when a node starts). */
    private static Path config() {
        return Path.of(System.getProperty("dynamo.it.preboot")).getParent();
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, like a long GC pause or a frozen VM. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
        paused = false;
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed for " + this.name);
        }
    }

    /** SIGKILL: no shutdown hook, no clean close of the stores. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive() && paused) {
            try {
                resume(); // a stopped process would not act on SIGTERM
            } catch (IOException e) {
                kill();
            }
        }
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
            if (Http.status(URI.create("http://" + host + ":" + httpPort + "/health/" + check)) == 200) {
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
