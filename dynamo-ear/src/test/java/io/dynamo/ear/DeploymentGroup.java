package io.dynamo.ear;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment group of Payara Server instances on one host, each instance one Dynamo node with its own settings,
 * made with the asadmin commands of docs/payara-server.md ("A deployment group").
 */
final class DeploymentGroup {
    static final String GROUP = "dynamo";
    private static final String NODE = "dynamo-host";
    private static final String ADMIN_ALIAS = "dynamo-admin-password";
    private static final String CLIENT_ALIAS = "dynamo-client-password";

    private final PayaraServer das;
    private final Path work;
    private final List<Integer> portBases;

    /** @param portBases one per instance; instance i listens for HTTP on its base + 80, for JGroups on base + 90 */
    DeploymentGroup(PayaraServer das, Path work, List<Integer> portBases) {
        this.das = das;
        this.work = work;
        this.portBases = List.copyOf(portBases);
    }

    static String instance(int i) {
        return "dynamo-" + (i + 1);
    }

    int size() {
        return portBases.size();
    }

    URI base(int i) {
        return URI.create("http://127.0.0.1:" + (portBases.get(i) + 80));
    }

    Path log(int i) {
        return directory(i).resolve("logs").resolve("server.log");
    }

    /** The {@code config/pid} file of a running instance. */
    Path pidFile(int i) {
        return directory(i).resolve("config").resolve("pid");
    }

    private Path directory(int i) {
        return work.resolve("nodes").resolve(NODE).resolve(instance(i));
    }

    /**
     * The group, its instances on a node of their own under {@code work} (not in the distribution), the settings of
     * each, and the admin and client passwords as password aliases that the instances' settings name (never on a
     * command line).
     */
    void create(String adminPassword, String clientPassword, int replicas, int readQuorum, int writeQuorum)
            throws IOException, InterruptedException {
        alias(ADMIN_ALIAS, adminPassword);
        alias(CLIENT_ALIAS, clientPassword);
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("create-node-config", "--nodehost", "localhost", "--nodedir",
                work.resolve("nodes").toString(), "--installdir", das.home().toString(), NODE));
        commands.add(List.of("create-deployment-group", GROUP));
        for (int i = 0; i < size(); i++) {
            commands.add(List.of("create-instance", "--node", NODE, "--portbase", String.valueOf(portBases.get(i)),
                    "--deploymentgroup", GROUP, instance(i)));
            commands.add(loopbackSettings(instance(i) + "-config"));
        }
        das.remoteAll(commands);
        List<String> seeds = new ArrayList<>();
        for (int base : portBases) {
            seeds.add("127.0.0.1[" + (base + 90) + "]");
        }
        for (int i = 0; i < size(); i++) {
            int base = portBases.get(i);
            // One option list, separated by ':' (a ':' inside a value is written '\:'); its own command because
            // multimode would read the backslash as an escape.
            das.remote("create-jvm-options", "--target", instance(i), String.join(":",
                    "-Ddynamo.node.id=" + instance(i),
                    "-Ddynamo.data.dir=" + work.resolve("data").resolve(instance(i)),
                    "-Ddynamo.http.address=127.0.0.1\\:" + (base + 80),
                    "-Ddynamo.jgroups.bind.address=127.0.0.1",
                    "-Ddynamo.jgroups.port=" + (base + 90),
                    "-Ddynamo.jgroups.initial.hosts=" + String.join(",", seeds),
                    "-Ddynamo.bootstrap=" + (i == 0),
                    "-Ddynamo.q=16", "-Ddynamo.n=" + replicas, "-Ddynamo.r=" + readQuorum,
                    "-Ddynamo.w=" + writeQuorum,
                    "-Ddynamo.security.admin.password=${ALIAS=" + ADMIN_ALIAS + "}",
                    "-Ddynamo.security.client.password=${ALIAS=" + CLIENT_ALIAS + "}"));
        }
    }

    private void alias(String name, String password) throws IOException, InterruptedException {
        Path aliasFile = work.resolve("alias-password");
        Files.writeString(aliasFile, "AS_ADMIN_ALIASPASSWORD=" + password + "\n");
        das.remote("--passwordfile", aliasFile.toString(), "create-password-alias", name);
        Files.delete(aliasFile);
    }

    /** What config/payara-server-setup.txt sets for the DAS, for one instance's configuration. */
    private static List<String> loopbackSettings(String config) {
        String c = "configs.config." + config;
        String http = c + ".network-config.protocols.protocol.http-listener-1.http";
        return List.of("set",
            c + ".network-config.network-listeners.network-listener.http-listener-1.address=127.0.0.1",
            c + ".network-config.network-listeners.network-listener.http-listener-2.address=127.0.0.1",
            c + ".network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1",
            c + ".iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1",
            c + ".iiop-service.iiop-listener.SSL.address=127.0.0.1",
            c + ".iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1",
            c + ".admin-service.jmx-connector.system.address=127.0.0.1",
            http + ".uri-encoding=ISO-8859-1",
            http + ".allow-payload-for-undefined-http-methods=true",
            http + ".xpowered-by=false",
            http + ".server-header=false",
            c + ".hazelcast-config-specific-configuration.enabled=false",
            c + ".jms-service.type=DISABLED");
    }

    void deploy(Path ear) throws IOException, InterruptedException {
        das.remote("deploy", "--target", GROUP, ear.toString());
    }

    /** A new version of the application to every instance, as an operator rolls one out. */
    void redeploy(Path ear) throws IOException, InterruptedException {
        das.remote("deploy", "--force", "--target", GROUP, ear.toString());
    }

    void start() throws IOException, InterruptedException {
        das.remote("start-deployment-group", GROUP);
    }

    void stopInstance(int i) throws IOException, InterruptedException {
        das.remote("stop-instance", instance(i));
    }

    void startInstance(int i) throws IOException, InterruptedException {
        das.remote("start-instance", instance(i));
    }

    void stop() throws IOException, InterruptedException {
        das.remote("stop-deployment-group", GROUP);
    }
}
