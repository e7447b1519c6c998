package io.dynamo.infra.jgroups;

import io.dynamo.core.base.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.protocols.BasicTCP;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.TP;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.AddressGenerator;
import org.jgroups.stack.ProtocolStack;
import org.jgroups.util.ExtendedUUID;

/**
 * Builds an unconnected channel from a stack file and the settings. Addresses, ports and seeds are set on the
 * protocol objects after parsing, not through system properties, so that several nodes can share a JVM and a
 * global {@code jgroups.bind_addr} cannot move a node onto another interface. With a cluster key, encryption is
 * inserted here too ({@link ClusterEncryption}); without one, the node warns once that its traffic is unprotected.
 */
final class ChannelFactory {
    private static final Logger LOG = Logger.getLogger(ChannelFactory.class.getName());

    private ChannelFactory() {
    }

    static JChannel create(JGroupsSettings settings, SuspicionTap tap, WireFormats formats) throws Exception {
        JChannel channel;
        try (InputStream xml = open(settings.stack())) {
            channel = new JChannel(xml);
        }
        try {
            configure(channel, settings, tap, formats);
            return channel;
        } catch (Exception | Error e) {
            channel.close();
            throw e;
        }
    }

    private static void configure(JChannel channel, JGroupsSettings settings, SuspicionTap tap, WireFormats formats)
            throws Exception {
        ProtocolStack stack = channel.getProtocolStack();
        InetAddress bind = settings.bindInetAddress();
        TP transport = stack.getTransport();
        transport.setBindAddress(bind);
        transport.setBindPort(settings.bindPort());
        transport.setPortRange(0);
        transport.disableDiagnostics();
        if (transport instanceof BasicTCP tcp) {
            tcp.setClientBindAddr(bind);
        }
        FD_SOCK2 fdSock = stack.findProtocol(FD_SOCK2.class);
        if (fdSock != null) {
            fdSock.setBindAddress(bind);
        }
        TCPPING ping = stack.findProtocol(TCPPING.class);
        if (ping == null) {
            throw new InvalidConfigException("the JGroups stack " + settings.stack() + " has no TCPPING; set "
                    + JGroupsSettings.STACK + " to a stack with TCP and TCPPING, such as "
                    + JGroupsSettings.DEFAULT_STACK);
        }
        ping.setInitialHosts(resolvedSeeds(settings));
        ping.setPortRange(0);
        if (stack.findProtocol(GMS.class) == null) {
            throw new InvalidConfigException("the JGroups stack " + settings.stack() + " has no GMS");
        }
        stack.insertProtocol(tap, ProtocolStack.Position.BELOW, GMS.class);
        if (settings.encrypted()) {
            ClusterEncryption.install(stack, settings.clusterKey(), settings.stack());
            LOG.info(() -> "node " + settings.nodeId() + ": cluster traffic is encrypted and authenticated ("
                    + AesGcmEncrypt.CIPHER + ", key from " + settings.clusterKey().origin() + ")");
        } else if (!ClusterEncryption.isEncrypted(stack)) {
            LOG.warning(() -> "node " + settings.nodeId() + ": cluster traffic is neither encrypted nor authenticated;"
                    + " any process that reaches " + settings.bindAddress() + ":" + settings.bindPort() + " can join"
                    + " cluster " + settings.clusterName() + ", read replicated values and write. Give every node the"
                    + " same secret with " + JGroupsSettings.SECRET_FILE + " (or " + JGroupsSettings.SECRET + ", or a"
                    + " keystore with " + JGroupsSettings.KEYSTORE + "); see docs/security.md");
        }
        channel.name(settings.nodeId());
        channel.addAddressGenerator(new NodeAddresses(settings.nodeId(), formats.announced()));
    }

    private static List<InetSocketAddress> resolvedSeeds(JGroupsSettings settings) {
        return settings.initialHostAddresses().stream().filter(seed -> {
            if (seed.isUnresolved()) {
                LOG.warning(() -> "node " + settings.nodeId() + " skips the seed " + seed.getHostString() + "["
                        + seed.getPort() + "] from " + JGroupsSettings.INITIAL_HOSTS + ": the name does not resolve");
                return false;
            }
            return true;
        }).toList();
    }

    private static InputStream open(String stack) throws IOException {
        if (stack.startsWith(JGroupsSettings.CLASSPATH_PREFIX)) {
            String resource = stack.substring(JGroupsSettings.CLASSPATH_PREFIX.length());
            InputStream in = ChannelFactory.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new InvalidConfigException("setting " + JGroupsSettings.STACK + " = " + stack
                        + " is invalid: no such resource on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(stack));
    }

    /**
     * Puts the node id and the newest wire format the node reads into every address this channel generates, so any
     * peer can read them from a view. (Nodes of releases before wire formats were numbered announce no format.)
     */
    private record NodeAddresses(String nodeId, int wireFormat) implements AddressGenerator {
        @Override
        public Address generateAddress() {
            return generateAddress(nodeId);
        }

        @Override
        public Address generateAddress(String name) {
            return ExtendedUUID.randomUUID(name)
                    .put(MemberDirectory.NODE_ID_KEY, nodeId.getBytes(StandardCharsets.UTF_8))
                    .put(MemberDirectory.WIRE_FORMAT_KEY, MemberDirectory.formatBytes(wireFormat));
        }
    }
}
