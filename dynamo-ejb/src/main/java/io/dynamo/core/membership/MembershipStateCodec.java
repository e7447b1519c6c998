package io.dynamo.core.membership;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceCatalogCodec;
import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionStream;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link MembershipState}, used on the wire (gossip) and on disk. A format byte, then the
 * ring (a presence byte; version, Q, the members as id and weight, and each partition's owner as an index into
 * the members, so Q=256 costs about 256 bytes), then the node records. Format 2 follows the ring with its
 * handover (a ring change under way): the previous ring as above, then the nodes that saw the change, the copies
 * confirmed (partition, source, target) and the nodes that switched. Format 3 follows the ring with a varint
 * naming its optional parts (1 a handover, 2 dead nodes the change drops, 4 the ring's settings, 8 the previous
 * ring's settings), then the ring's settings (N, R, W), then the handover as in format 2 with the previous ring's
 * settings after that ring and the dead nodes at its end. Each state is written in the oldest format that holds it (a
 * settled ring in format 1), so that older nodes read all they can; a node of an older release cannot read a ring
 * change under way. Format 4 is format 3 followed by the catalog of namespaces ({@link NamespaceCatalogCodec}),
 * written only once a namespace exists, so a cluster without namespaces keeps gossiping what older nodes read.
 * Format 5 is format 4 with each namespace's default TTL, written only once a namespace has one.
 */
public final class MembershipStateCodec {
    private static final int FORMAT = 1;
    private static final int FORMAT_WITH_HANDOVER = 2;
    private static final int FORMAT_WITH_PARTS = 3;
    private static final int FORMAT_WITH_NAMESPACES = 4;
    private static final int FORMAT_WITH_TTLS = 5;
    private static final int HANDOVER = 1;
    private static final int GONE = 2;
    private static final int SETTINGS = 4;
    private static final int PREVIOUS_SETTINGS = 8;

    private MembershipStateCodec() {
    }

    public static byte[] encode(MembershipState state) {
        BinaryWriter w = new BinaryWriter(256);
        Ring ring = state.ring().orElse(null);
        Handover handover = ring == null ? null : ring.handover().orElse(null);
        int parts = parts(ring);
        int format = NamespaceCatalogCodec.hasTtl(state.namespaces()) ? FORMAT_WITH_TTLS
                : !state.namespaces().isEmpty() ? FORMAT_WITH_NAMESPACES
                : parts == 0 ? FORMAT : parts == HANDOVER ? FORMAT_WITH_HANDOVER : FORMAT_WITH_PARTS;
        w.writeByte(format);
        w.writeByte(ring == null ? 0 : 1);
        if (format >= FORMAT_WITH_NAMESPACES && ring == null) {
            throw new IllegalArgumentException("a state with namespaces but no ring cannot be written");
        }
        if (ring != null) {
            writeRing(w, ring);
        }
        if (format >= FORMAT_WITH_PARTS) {
            w.writeVarLong(parts);
            ring.settings().ifPresent(settings -> writeSettings(w, settings));
        }
        if (handover != null) {
            writeRing(w, handover.previous());
            if ((parts & PREVIOUS_SETTINGS) != 0) {
                writeSettings(w, handover.previous().settings().orElseThrow());
            }
            writeNames(w, handover.seen());
            w.writeVarLong(handover.confirmed().size());
            for (PartitionStream s : handover.confirmed()) {
                w.writeVarLong(s.partition()).writeString(s.source()).writeString(s.target());
            }
            writeNames(w, handover.switched());
            if (!handover.gone().isEmpty()) {
                writeNames(w, handover.gone());
            }
        }
        w.writeVarLong(state.nodes().size());
        for (NodeInfo n : state.nodes().values()) {
            w.writeString(n.nodeId()).writeString(n.httpAddress()).writeVarLong(n.status().ordinal())
                    .writeVarLong(n.version());
        }
        if (format >= FORMAT_WITH_NAMESPACES) {
            NamespaceCatalogCodec.write(w, state.namespaces(), format == FORMAT_WITH_TTLS);
        }
        return w.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a state this codec wrote */
    public static MembershipState decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int format = r.readByte();
        if (format < FORMAT || format > FORMAT_WITH_TTLS) {
            throw new IllegalArgumentException("unknown membership state format " + format + "; expected " + FORMAT
                    + " to " + FORMAT_WITH_TTLS);
        }
        int present = r.readByte();
        if (present > 1 || present == 0 && format >= FORMAT_WITH_HANDOVER) {
            throw new IllegalArgumentException("invalid ring presence flag " + present + " in format " + format);
        }
        Ring ring = present == 1 ? readRing(r) : null;
        int parts = format == FORMAT ? 0 : format == FORMAT_WITH_HANDOVER ? HANDOVER : (int) r.readVarLong();
        if (parts < 0 || parts > 15 || (parts & HANDOVER) == 0 && (parts & ~SETTINGS) != 0) {
            throw new IllegalArgumentException("invalid membership state parts " + parts);
        }
        if ((parts & SETTINGS) != 0) {
            ring = ring.withSettings(readSettings(r));
        }
        if ((parts & HANDOVER) != 0) {
            Ring previous = readRing(r);
            if ((parts & PREVIOUS_SETTINGS) != 0) {
                previous = previous.withSettings(readSettings(r));
            }
            List<String> seen = readNames(r);
            int count = r.readCount(3);
            List<PartitionStream> confirmed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long partition = r.readVarLong();
                if (partition < 0 || partition >= ring.partitionCount()) {
                    throw new IllegalArgumentException("a confirmed copy names partition " + partition + " of "
                            + ring.partitionCount());
                }
                confirmed.add(new PartitionStream((int) partition, r.readString(), r.readString()));
            }
            List<String> switched = readNames(r);
            List<String> gone = (parts & GONE) != 0 ? readNames(r) : List.of();
            ring = ring.withHandover(new Handover(previous, seen, confirmed, switched, gone));
        }
        int count = r.readCount(4);
        List<NodeInfo> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = r.readString();
            String http = r.readString();
            NodeStatus status = status(r.readVarLong());
            nodes.add(new NodeInfo(id, http, status, nonNegative(r.readVarLong(), "node record version")));
        }
        NamespaceCatalog namespaces = format >= FORMAT_WITH_NAMESPACES
                ? NamespaceCatalogCodec.read(r, format == FORMAT_WITH_TTLS) : NamespaceCatalog.EMPTY;
        r.expectEnd();
        return MembershipState.of(ring, nodes).withNamespaces(namespaces);
    }

    /** Which optional parts the state's ring has: a handover, gone nodes, settings of either ring. */
    private static int parts(Ring ring) {
        if (ring == null) {
            return 0;
        }
        Handover handover = ring.handover().orElse(null);
        return (handover == null ? 0 : HANDOVER) | (handover == null || handover.gone().isEmpty() ? 0 : GONE)
                | (ring.settings().isEmpty() ? 0 : SETTINGS)
                | (handover == null || handover.previous().settings().isEmpty() ? 0 : PREVIOUS_SETTINGS);
    }

    private static void writeSettings(BinaryWriter w, RingSettings settings) {
        w.writeVarLong(settings.replicas()).writeVarLong(settings.readQuorum()).writeVarLong(settings.writeQuorum());
    }

    private static RingSettings readSettings(BinaryReader r) {
        long n = r.readVarLong();
        long read = r.readVarLong();
        long write = r.readVarLong();
        if (n > 64 || read > 64 || write > 64) {
            throw new IllegalArgumentException("ring settings N=" + n + " R=" + read + " W=" + write + " are out of"
                    + " range");
        }
        return new RingSettings((int) n, (int) read, (int) write);
    }

    private static void writeRing(BinaryWriter w, Ring ring) {
        List<Member> members = ring.members();
        w.writeVarLong(ring.version()).writeVarLong(ring.partitionCount()).writeVarLong(members.size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            index.put(m.nodeId(), i);
            w.writeString(m.nodeId()).writeVarLong(m.weight());
        }
        for (String owner : ring.owners()) {
            w.writeVarLong(index.get(owner));
        }
    }

    private static void writeNames(BinaryWriter w, Collection<String> names) {
        w.writeVarLong(names.size());
        names.forEach(w::writeString);
    }

    private static List<String> readNames(BinaryReader r) {
        int count = r.readCount(1);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(r.readString());
        }
        return names;
    }

    private static Ring readRing(BinaryReader r) {
        long version = nonNegative(r.readVarLong(), "ring version");
        // Each partition's owner takes at least a byte, so Q cannot exceed what is left.
        int q = r.readCount(1);
        int memberCount = r.readCount(2);
        List<Member> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            String id = r.readString();
            long weight = r.readVarLong();
            if (weight < 1 || weight > Member.MAX_WEIGHT) {
                throw new IllegalArgumentException("member " + id + " has weight " + weight + " out of range");
            }
            members.add(new Member(id, (int) weight));
        }
        List<String> owners = new ArrayList<>(q);
        for (int p = 0; p < q; p++) {
            long owner = r.readVarLong();
            if (owner < 0 || owner >= memberCount) {
                throw new IllegalArgumentException("partition " + p + " names member #" + owner + " of "
                        + memberCount);
            }
            owners.add(members.get((int) owner).nodeId());
        }
        // The constructor checks the rest: Q a power of two, members distinct, every owner a member.
        return new Ring(version, q, members, owners);
    }

    private static NodeStatus status(long ordinal) {
        NodeStatus[] all = NodeStatus.values();
        if (ordinal < 0 || ordinal >= all.length) {
            throw new IllegalArgumentException("unknown node status " + ordinal);
        }
        return all[(int) ordinal];
    }

    private static long nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " " + v + " is negative");
        }
        return v;
    }
}
