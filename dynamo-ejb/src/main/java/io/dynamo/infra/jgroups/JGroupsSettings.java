package io.dynamo.infra.jgroups;

import io.dynamo.core.base.InvalidConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node listens and whom it asks to join, validated up front so that a bad value fails with the name of
 * the setting instead of a socket error from deep inside JGroups.
 *
 * @param clusterName  JGroups cluster name; nodes join only nodes with the same name ({@value #CLUSTER_NAME})
 * @param nodeId       this node's id, used as its JGroups logical name ({@value #NODE_ID})
 * @param bindAddress  the one interface all of this node's cluster sockets bind to; never the wildcard
 *                     ({@value #BIND_ADDRESS})
 * @param bindPort     the TCP port peers reach this node at ({@value #PORT}); the failure detector's socket uses
 *                     this port + 100
 * @param initialHosts seeds as {@code host[port]}; this node's own address is always added ({@value #INITIAL_HOSTS})
 * @param stack        the stack file: {@code classpath:path} or a file system path ({@value #STACK})
 * @param clusterKey   the key that encrypts and authenticates cluster traffic, or null for none ({@value #SECRET},
 *                     {@value #SECRET_FILE} or {@value #KEYSTORE}; see docs/security.md)
 */
public record JGroupsSettings(String clusterName, String nodeId, String bindAddress, int bindPort,
                              List<String> initialHosts, String stack, ClusterKey clusterKey) {
    public static final String CLUSTER_NAME = "dynamo.cluster.name";
    public static final String NODE_ID = "dynamo.node.id";
    public static final String BIND_ADDRESS = "dynamo.jgroups.bind.address";
    public static final String PORT = "dynamo.jgroups.port";
    public static final String INITIAL_HOSTS = "dynamo.jgroups.initial.hosts";
    public static final String STACK = "dynamo.jgroups.stack";
    public static final String SECRET = "dynamo.cluster.secret";
    public static final String SECRET_FILE = "dynamo.cluster.secret.file";
    public static final String KEYSTORE = "dynamo.cluster.keystore";
    public static final String KEYSTORE_PASSWORD = "dynamo.cluster.keystore.password";
    public static final String KEY_ALIAS = "dynamo.cluster.key.alias";

    public static final String DEFAULT_CLUSTER_NAME = "dynamo";
    /** Loopback: a node nobody configured is reachable from this host only. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 7800;
    public static final String CLASSPATH_PREFIX = "classpath:";
    public static final String DEFAULT_STACK = CLASSPATH_PREFIX + "io/dynamo/infra/jgroups/tcp.xml";
    public static final String DEFAULT_KEY_ALIAS = "dynamo-cluster";

    private static final Pattern HOST_PORT = Pattern.compile("([^\\[\\]\\s]+)\\[(\\d{1,5})]");

    public JGroupsSettings {
        clusterName = required(CLUSTER_NAME, clusterName, "every node of one cluster must use the same name");
        nodeId = required(NODE_ID, nodeId, "it is the node's JGroups logical name");
        bindAddress = required(BIND_ADDRESS, bindAddress, "name the interface the cluster port listens on, "
                + "for example 127.0.0.1");
        resolveBindAddress(bindAddress);
        port(PORT, bindPort);
        List<String> hosts = new ArrayList<>();
        for (String host : initialHosts == null ? List.<String>of() : initialHosts) {
            String h = host == null ? "" : host.strip();
            if (!h.isEmpty()) {
                hostAndPort(h);
                hosts.add(h);
            }
        }
        String self = bindAddress + "[" + bindPort + "]";
        if (!hosts.contains(self)) {
            hosts.add(self);
        }
        initialHosts = List.copyOf(hosts);
        stack = stack == null || stack.isBlank() ? DEFAULT_STACK : stack.strip();
        if (!stack.startsWith(CLASSPATH_PREFIX) && !Files.isReadable(Path.of(stack))) {
            throw new InvalidConfigException("setting " + STACK + " = " + stack + " is invalid: no readable file "
                    + "there (use a path to a JGroups stack XML, or " + DEFAULT_STACK + ")" + hint(STACK));
        }
    }

    /** Settings without a cluster key: traffic is neither encrypted nor authenticated. */
    public JGroupsSettings(String clusterName, String nodeId, String bindAddress, int bindPort,
                           List<String> initialHosts, String stack) {
        this(clusterName, nodeId, bindAddress, bindPort, initialHosts, stack, null);
    }

    /** These settings with cluster traffic encrypted and authenticated under {@code key} (null: unprotected). */
    public JGroupsSettings withClusterKey(ClusterKey key) {
        return new JGroupsSettings(clusterName, nodeId, bindAddress, bindPort, initialHosts, stack, key);
    }

    /** True when a cluster key is configured, so the transport encrypts and authenticates all cluster traffic. */
    public boolean encrypted() {
        return clusterKey != null;
    }

    /** Settings on loopback with the default stack: the local cluster and tests. */
    public static JGroupsSettings loopback(String clusterName, String nodeId, int port, List<String> initialHosts) {
        return new JGroupsSettings(clusterName, nodeId, DEFAULT_BIND_ADDRESS, port, initialHosts, null);
    }

    /**
     * Reads the settings by name (MicroProfile Config in the server, a map in tests); missing ones take their
     * defaults. {@code nodeId} comes from the node's own config.
     *
     * @throws InvalidConfigException naming the first bad setting
     */
    public static JGroupsSettings read(Function<String, Optional<String>> source, String nodeId) {
        Function<String, Optional<String>> text = name -> source.apply(name).map(String::strip)
                .filter(s -> !s.isEmpty());
        int port = text.apply(PORT).map(raw -> integer(PORT, raw)).orElse(DEFAULT_PORT);
        List<String> hosts = text.apply(INITIAL_HOSTS).map(raw -> List.of(raw.split(","))).orElse(List.of());
        JGroupsSettings settings = new JGroupsSettings(text.apply(CLUSTER_NAME).orElse(DEFAULT_CLUSTER_NAME), nodeId,
                text.apply(BIND_ADDRESS).orElse(DEFAULT_BIND_ADDRESS), port, hosts, text.apply(STACK).orElse(null));
        // Last: deriving the key takes half a second, not worth spending when another setting is wrong.
        return settings.withClusterKey(ClusterKeySettings.read(text, settings.clusterName()).orElse(null));
    }

    /** The bind address, resolved (validation already proved it resolves). */
    public InetAddress bindInetAddress() {
        return resolveBindAddress(bindAddress);
    }

    /**
     * The seeds as socket addresses, this node included, resolved now; a seed whose name does not resolve is
     * returned unresolved (the caller skips it: a seed missing from DNS must not stop this node from starting).
     */
    public List<InetSocketAddress> initialHostAddresses() {
        return initialHosts.stream().map(JGroupsSettings::hostAndPort)
                .map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
    }

    private static InetAddress resolveBindAddress(String value) {
        InetAddress address;
        try {
            address = InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw invalid(BIND_ADDRESS, value, "the host name does not resolve");
        }
        if (address.isAnyLocalAddress()) {
            throw invalid(BIND_ADDRESS, value, "the wildcard address would open the cluster port on every "
                    + "interface; name one interface, for example 127.0.0.1");
        }
        if (!address.isLoopbackAddress() && !isLocal(address)) {
            throw invalid(BIND_ADDRESS, value, "it is not an address of this host");
        }
        return address;
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static InetSocketAddress hostAndPort(String value) {
        Matcher m = HOST_PORT.matcher(value);
        if (!m.matches()) {
            throw invalid(INITIAL_HOSTS, value, "each seed must be host[port], for example 127.0.0.1[7800], "
                    + "separated by commas");
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw invalid(INITIAL_HOSTS, value, "the port must be between 1 and 65535");
        }
        // Unresolved here: validation checks the form only, not whether the seed is in DNS yet.
        return InetSocketAddress.createUnresolved(m.group(1), port);
    }

    private static void port(String name, int port) {
        if (port < 1 || port > 65535) {
            throw invalid(name, Integer.toString(port), "it must be a port between 1 and 65535");
        }
    }

    private static int integer(String name, String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(name, raw, "it must be an integer");
        }
    }

    private static String required(String name, String value, String why) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException("setting " + name + " is missing: " + why + hint(name));
        }
        return value.strip();
    }

    private static InvalidConfigException invalid(String name, String value, String why) {
        return new InvalidConfigException("setting " + name + " = " + value + " is invalid: " + why + hint(name));
    }

    static String hint(String name) {
        return " (set it as the system property " + name + " or the environment variable "
                + name.toUpperCase(Locale.ROOT).replace('.', '_') + ")";
    }
}
