package io.dynamo.core.wire;

import io.dynamo.core.antientropy.KeyHash;
import io.dynamo.core.antientropy.MerkleHashes;
import io.dynamo.core.antientropy.MerkleQuery;
import io.dynamo.core.antientropy.RemoveTombstone;
import io.dynamo.core.antientropy.SegmentDiff;
import io.dynamo.core.antientropy.SegmentQuery;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;
import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.coordination.CoordinateGet;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.listing.KeyPage;
import io.dynamo.core.listing.KeyPageQuery;
import io.dynamo.core.membership.ChangeAnswer;
import io.dynamo.core.membership.ChangeRequest;
import io.dynamo.core.membership.Gossip;
import io.dynamo.core.membership.MembershipStateCodec;
import io.dynamo.core.membership.NodeLoad;
import io.dynamo.core.membership.NodeSettings;
import io.dynamo.core.membership.PlanRequest;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.transfer.TransferBatch;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.ContextCodec;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import io.dynamo.core.version.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of messages, in numbered wire formats so that nodes of two releases can talk during a rolling
 * upgrade (docs/architecture.md, "Wire format and upgrades").
 *
 * <p>Format 0, the first, has no header: a tag byte, then the fields in declaration order. From format 1 on a
 * message starts with a zero byte (never a tag, so a node that reads only format 0 refuses it clearly: "unknown
 * message tag 0") and the format number as a varint, then the tag and the fields. Format 1 lays out the tag and
 * fields as format 0 does. Format 2 adds durability: a byte after a write-replica's fields and an ack's tag (1 when
 * the write is to be, or was, synced) and a varint after a coordinate-put's (the synced acknowledgements it needs);
 * written in an older format these are dropped, so an older peer is asked for plain writes and counts as unsynced.
 * Format 3 adds the plan-request (several ring changes, removes, replaces and a change of N, R and W, whose change
 * kind 4 is followed by those three numbers instead of a node; an older peer is never sent one) and,
 * in a gossip's loads, what each node is set to (Q, N, R, W). Format 4 follows every key's bytes with its namespace
 * (empty for the default one); a key of another namespace is never written in an older format. Format 5 writes
 * sibling sets in their timed form (each version's hybrid time, and the last-write-wins mark); written in an older
 * format they take their untimed form, so an older peer stores those versions without a time. Format 6 carries
 * expiries: sibling sets of versions with an expiring value in sibling set format 3, and a coordinate-put's value
 * followed by its expiry (a varint, 0 for never); a version or a put with an expiry is never written in an older
 * format (the peer would keep the value forever), the encoding refuses it. Format 7 adds listing: the key-page
 * query (a partition, a namespace, a key prefix, a storage position and a limit) and its reply (replica states and
 * the position the replica stopped at); neither is ever written in an older format, so an older peer counts as a
 * replica that did not answer the listing.
 * A later change to a message's layout gets a new number; this codec keeps reading and
 * writing every format from {@link #OLDEST_FORMAT} to {@link #FORMAT}, and a node writes to each peer the newest
 * format both read.
 */
public final class MessageCodec {
    /** The newest wire format this code reads and writes. */
    public static final int FORMAT = 7;
    /** The oldest wire format this code still reads and writes: the unversioned one of earlier releases. */
    public static final int OLDEST_FORMAT = 0;
    /** The first format with the durability fields of write-replica, ack and coordinate-put. */
    private static final int DURABILITY_FORMAT = 2;
    /** The first format with the plan-request. */
    public static final int PLAN_FORMAT = 3;
    /** The first format whose keys carry their namespace. */
    public static final int NAMESPACE_FORMAT = 4;
    /** The first format whose sibling sets carry each version's hybrid time. */
    public static final int TIME_FORMAT = 5;
    /** The first format whose versions and coordinate-puts carry an expiry. */
    public static final int EXPIRY_FORMAT = 6;
    /** The first format with the key-page query and reply of listing. */
    public static final int LISTING_FORMAT = 7;
    private static final int VERSIONED = 0;
    private static final int READ_REPLICA = 1;
    private static final int REPLICA_STATE = 2;
    private static final int WRITE_REPLICA = 3;
    private static final int ACK = 4;
    private static final int PING = 5;
    private static final int COORDINATE_GET = 6;
    private static final int COORDINATE_PUT = 7;
    private static final int FAILURE = 8;
    private static final int MERKLE_QUERY = 9;
    private static final int MERKLE_HASHES = 10;
    private static final int SEGMENT_QUERY = 11;
    private static final int SEGMENT_DIFF = 12;
    private static final int TRANSFER_BATCH = 13;
    private static final int GOSSIP = 14;
    private static final int REMOVE_TOMBSTONE = 15;
    private static final int CHANGE_REQUEST = 16;
    private static final int CHANGE_ANSWER = 17;
    private static final int PLAN_REQUEST = 18;
    private static final int KEY_PAGE_QUERY = 19;
    private static final int KEY_PAGE = 20;

    private MessageCodec() {
    }

    /** The message in the newest format, {@link #FORMAT}. */
    public static byte[] encode(Message message) {
        return encode(message, FORMAT);
    }

    /** @param format from {@link #OLDEST_FORMAT} to {@link #FORMAT}: what the receiver reads */
    public static byte[] encode(Message message, int format) {
        if (format < OLDEST_FORMAT || format > FORMAT) {
            throw new IllegalArgumentException("wire format version " + format + " cannot be written; this node "
                    + "writes " + OLDEST_FORMAT + " to " + FORMAT);
        }
        BinaryWriter w = new BinaryWriter(64);
        if (format > OLDEST_FORMAT) {
            w.writeByte(VERSIONED).writeVarLong(format);
        }
        // Java 17 has no pattern switch; the chain names every message of the core, and WireSamples holds one of each.
        if (message instanceof ReadReplica m) {
            key(w.writeByte(READ_REPLICA), m.key(), format);
        } else if (message instanceof ReplicaState m) {
            state(w.writeByte(REPLICA_STATE), m, format);
        } else if (message instanceof WriteReplica m) {
            versions(key(w.writeByte(WRITE_REPLICA), m.key(), format), m.versions(), format).writeString(m.hintFor());
            flag(w, format, m.synced());
        } else if (message instanceof Ack m) {
            flag(w.writeByte(ACK), format, m.synced());
        } else if (message instanceof Ping) {
            w.writeByte(PING);
        } else if (message instanceof CoordinateGet m) {
            key(w.writeByte(COORDINATE_GET), m.key(), format).writeVarLong(m.readQuorum());
        } else if (message instanceof CoordinatePut m) {
            value(key(w.writeByte(COORDINATE_PUT), m.key(), format).writeBytes(ContextCodec.encode(m.context().clock())),
                    m.value(), format).writeVarLong(m.writeQuorum());
            if (format >= DURABILITY_FORMAT) {
                w.writeVarLong(m.durableWrites());
            }
        } else if (message instanceof Failure m) {
            w.writeByte(FAILURE).writeVarLong(m.kind().ordinal()).writeString(m.message())
                    .writeVarLong(m.required()).writeVarLong(m.answered());
        } else if (message instanceof MerkleQuery m) {
            ints(w.writeByte(MERKLE_QUERY).writeVarLong(m.partition()).writeVarLong(m.level()), m.nodes());
        } else if (message instanceof MerkleHashes m) {
            longs(w.writeByte(MERKLE_HASHES).writeVarLong(m.partition()).writeVarLong(m.level()), m.hashes());
        } else if (message instanceof SegmentQuery m) {
            keyHashes(ints(w.writeByte(SEGMENT_QUERY).writeVarLong(m.partition()), m.segments()), m.entries(), format);
        } else if (message instanceof SegmentDiff m) {
            keys(states(w.writeByte(SEGMENT_DIFF), m.newer(), format), m.wanted(), format);
        } else if (message instanceof TransferBatch m) {
            states(w.writeByte(TRANSFER_BATCH).writeVarLong(m.partition()), m.states(), format);
        } else if (message instanceof RemoveTombstone m) {
            state(w.writeByte(REMOVE_TOMBSTONE), new ReplicaState(m.key(), m.versions()), format);
        } else if (message instanceof Gossip m) {
            loads(w.writeByte(GOSSIP).writeBytes(MembershipStateCodec.encode(m.state())), m.loads(), format);
        } else if (message instanceof ChangeRequest m) {
            w.writeByte(CHANGE_REQUEST).writeByte(m.join() ? 1 : 0).writeString(m.node()).writeVarLong(m.weight())
                    .writeVarLong(m.fromVersion());
        } else if (message instanceof ChangeAnswer m) {
            w.writeByte(CHANGE_ANSWER).writeString(m.refusal()).writeString(m.detail()).writeVarLong(m.ringVersion());
        } else if (message instanceof PlanRequest m) {
            if (format < PLAN_FORMAT) {
                throw new IllegalArgumentException("a plan of several changes, a remove or a replace cannot be sent"
                        + " in wire format " + format + ", which the claimant reads: upgrade every node first");
            }
            w.writeByte(PLAN_REQUEST).writeVarLong(m.fromVersion()).writeVarLong(m.changes().size());
            for (RingChange c : m.changes()) {
                w.writeVarLong(c.kind().ordinal());
                if (c.kind() == RingChange.Kind.SETTINGS) {
                    w.writeVarLong(c.settings().replicas()).writeVarLong(c.settings().readQuorum())
                            .writeVarLong(c.settings().writeQuorum());
                } else {
                    w.writeString(c.node()).writeVarLong(c.weight()).writeString(c.replacement());
                }
            }
        } else if (message instanceof KeyPageQuery m) {
            listing(format, "a listing's key-page query");
            w.writeByte(KEY_PAGE_QUERY).writeVarLong(m.partition()).writeString(m.namespace()).writeBytes(m.prefix())
                    .writeBytes(m.from()).writeVarLong(m.limit());
        } else if (message instanceof KeyPage m) {
            listing(format, "a listing's key page");
            states(w.writeByte(KEY_PAGE), m.states(), format).writeBytes(m.next());
        } else {
            throw new IllegalArgumentException("no encoding for " + message.getClass().getSimpleName());
        }
        return w.toByteArray();
    }

    /**
     * Reads a message in any format up to {@link #FORMAT}.
     *
     * @throws UnsupportedFormatException when it is in a newer format
     * @throws IllegalArgumentException when the bytes are not a message this codec wrote
     */
    public static Message decode(byte[] bytes) {
        return decode(bytes, FORMAT);
    }

    /** Reads a message in any format up to {@code newestReadable} (at most {@link #FORMAT}). */
    public static Message decode(byte[] bytes, int newestReadable) {
        try {
            return read(new BinaryReader(bytes), Math.min(newestReadable, FORMAT));
        } catch (DynamoException e) {
            // Parts decoded by the core's own codecs (contexts, keys) report as client errors; here it is the wire.
            throw new IllegalArgumentException("malformed message: " + e.getMessage(), e);
        }
    }

    private static Message read(BinaryReader r, int newestReadable) {
        int tag = r.readByte();
        int format = OLDEST_FORMAT;
        if (tag == VERSIONED) {
            long named = r.readVarLong();
            if (named <= OLDEST_FORMAT) {
                throw new IllegalArgumentException("a versioned message must name a format above " + OLDEST_FORMAT
                        + ", not " + named);
            }
            if (named > newestReadable) {
                throw new UnsupportedFormatException((int) Math.min(named, Integer.MAX_VALUE), newestReadable);
            }
            // Formats 0 and 1 share their layout after the header; later layouts branch on the format below.
            format = (int) named;
            tag = r.readByte();
        }
        Message m = switch (tag) {
            case READ_REPLICA -> new ReadReplica(key(r, format));
            case REPLICA_STATE -> state(r, format);
            case WRITE_REPLICA -> new WriteReplica(key(r, format), SiblingSetCodec.decode(r.readBytes()), r.readString(),
                    flag(r, format));
            case ACK -> new Ack(flag(r, format));
            case PING -> new Ping();
            case COORDINATE_GET -> new CoordinateGet(key(r, format), smallInt(r));
            case COORDINATE_PUT -> new CoordinatePut(key(r, format), new Context(ContextCodec.decode(r.readBytes())),
                    value(r, format), smallInt(r), format >= DURABILITY_FORMAT ? smallInt(r) : 0);
            case FAILURE -> new Failure(failureKind(r), r.readString(), smallInt(r), smallInt(r));
            case MERKLE_QUERY -> new MerkleQuery(smallInt(r), smallInt(r), ints(r));
            case MERKLE_HASHES -> new MerkleHashes(smallInt(r), smallInt(r), longs(r));
            case SEGMENT_QUERY -> new SegmentQuery(smallInt(r), ints(r), keyHashes(r, format));
            case SEGMENT_DIFF -> new SegmentDiff(states(r, format), keys(r, format));
            case TRANSFER_BATCH -> new TransferBatch(smallInt(r), states(r, format));
            case REMOVE_TOMBSTONE -> removeTombstone(state(r, format));
            case GOSSIP -> new Gossip(MembershipStateCodec.decode(r.readBytes()), loads(r, format));
            case CHANGE_REQUEST -> new ChangeRequest(flag(r), r.readString(), smallInt(r), r.readVarLong());
            case CHANGE_ANSWER -> new ChangeAnswer(r.readString(), r.readString(), r.readVarLong());
            case PLAN_REQUEST -> planRequest(r);
            case KEY_PAGE_QUERY -> {
                listing(format, "a listing's key-page query");
                yield new KeyPageQuery(smallInt(r), r.readString(), r.readBytes(), r.readBytes(), smallInt(r));
            }
            case KEY_PAGE -> {
                listing(format, "a listing's key page");
                yield new KeyPage(states(r, format), r.readBytes());
            }
            default -> throw new IllegalArgumentException("unknown message tag " + tag);
        };
        r.expectEnd();
        return m;
    }

    /** Listing's messages exist from format 7 on: an older peer cannot answer them, so they are never sent to one. */
    private static void listing(int format, String what) {
        if (format < LISTING_FORMAT) {
            throw new IllegalArgumentException(what + " cannot be sent in wire format " + format
                    + ", which has no listing: the peer counts as a replica that did not answer");
        }
    }

    private static BinaryWriter flag(BinaryWriter w, int format, boolean flag) {
        return format >= DURABILITY_FORMAT ? w.writeByte(flag ? 1 : 0) : w;
    }

    private static boolean flag(BinaryReader r, int format) {
        if (format < DURABILITY_FORMAT) {
            return false;
        }
        int b = r.readByte();
        if (b > 1) {
            throw new IllegalArgumentException("a flag must be 0 or 1, not " + b);
        }
        return b == 1;
    }

    /** From format 4 on a key's bytes are followed by its namespace, empty for the default one. */
    private static BinaryWriter key(BinaryWriter w, Key key, int format) {
        w.writeBytes(key.bytes());
        if (format >= NAMESPACE_FORMAT) {
            return w.writeString(key.inDefaultNamespace() ? "" : key.namespace());
        }
        if (!key.inDefaultNamespace()) {
            // Sent without its namespace it would land in the default one: refuse rather than misplace it.
            throw new IllegalArgumentException("key '" + key + "' of namespace " + key.namespace() + " cannot be sent"
                    + " in wire format " + format + ", which has no namespaces: upgrade every node first");
        }
        return w;
    }

    private static Key key(BinaryReader r, int format) {
        byte[] bytes = r.readBytes();
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        String namespace = format >= NAMESPACE_FORMAT ? r.readString() : "";
        return namespace.isEmpty() ? Key.of(bytes) : Key.in(namespace, bytes);
    }

    private static BinaryWriter state(BinaryWriter w, ReplicaState s, int format) {
        return versions(key(w, s.key(), format), s.versions(), format);
    }

    private static BinaryWriter versions(BinaryWriter w, SiblingSet versions, int format) {
        if (format >= EXPIRY_FORMAT) {
            return SiblingSetCodec.write(w, versions);
        }
        return format >= TIME_FORMAT ? SiblingSetCodec.writeTimed(w, versions)
                : SiblingSetCodec.writeUntimed(w, versions);
    }

    private static ReplicaState state(BinaryReader r, int format) {
        return new ReplicaState(key(r, format), SiblingSetCodec.decode(r.readBytes()));
    }

    private static RemoveTombstone removeTombstone(ReplicaState s) {
        return new RemoveTombstone(s.key(), s.versions());
    }

    private static BinaryWriter states(BinaryWriter w, List<ReplicaState> states, int format) {
        w.writeVarLong(states.size());
        states.forEach(s -> state(w, s, format));
        return w;
    }

    private static List<ReplicaState> states(BinaryReader r, int format) {
        int n = r.readCount(2);
        List<ReplicaState> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(state(r, format));
        }
        return out;
    }

    private static BinaryWriter keys(BinaryWriter w, List<Key> keys, int format) {
        w.writeVarLong(keys.size());
        keys.forEach(k -> key(w, k, format));
        return w;
    }

    private static List<Key> keys(BinaryReader r, int format) {
        int n = r.readCount(2);
        List<Key> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(key(r, format));
        }
        return out;
    }

    private static BinaryWriter keyHashes(BinaryWriter w, List<KeyHash> entries, int format) {
        w.writeVarLong(entries.size());
        entries.forEach(e -> key(w, e.key(), format).writeVarLong(e.hash()));
        return w;
    }

    private static List<KeyHash> keyHashes(BinaryReader r, int format) {
        int n = r.readCount(3);
        List<KeyHash> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new KeyHash(key(r, format), r.readVarLong()));
        }
        return out;
    }

    /** From format 3 on each load says what its node is set to (a presence byte, then Q, N, R and W). */
    private static BinaryWriter loads(BinaryWriter w, Map<String, NodeLoad> loads, int format) {
        w.writeVarLong(loads.size());
        loads.forEach((id, load) -> {
            w.writeString(id).writeVarLong(load.keysStored()).writeVarLong(load.measuredAtMillis());
            if (format >= PLAN_FORMAT) {
                NodeSettings s = load.settings();
                w.writeByte(s == null ? 0 : 1);
                if (s != null) {
                    w.writeVarLong(s.partitions()).writeVarLong(s.replication().replicas())
                            .writeVarLong(s.replication().readQuorum()).writeVarLong(s.replication().writeQuorum());
                }
            }
        });
        return w;
    }

    private static Map<String, NodeLoad> loads(BinaryReader r, int format) {
        int n = r.readCount(3);
        Map<String, NodeLoad> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = r.readString();
            long keys = r.readVarLong();
            long measuredAt = r.readVarLong();
            NodeSettings settings = format >= PLAN_FORMAT && flag(r) ? new NodeSettings(smallInt(r),
                    new RingSettings(smallInt(r), smallInt(r), smallInt(r))) : null;
            if (out.put(id, new NodeLoad(keys, measuredAt, settings)) != null) {
                throw new IllegalArgumentException("two loads for node " + id);
            }
        }
        return out;
    }

    /** From format 6 on a value's bytes are followed by its expiry, 0 for never. */
    private static BinaryWriter value(BinaryWriter w, Value v, int format) {
        w.writeByte(v.isTombstone() ? 1 : 0);
        if (v.isTombstone()) {
            return w;
        }
        w.writeString(v.contentType()).writeBytes(v.bytes());
        if (format >= EXPIRY_FORMAT) {
            return w.writeVarLong(v.expiresAt());
        }
        if (v.expiresAt() != Value.NEVER) {
            throw new IllegalArgumentException("a put with an expiry (TTL) cannot be sent in wire format " + format
                    + ", which has no expiries: upgrade every node first");
        }
        return w;
    }

    private static Value value(BinaryReader r, int format) {
        if (r.readByte() == 1) {
            return Value.tombstone();
        }
        String type = r.readString();
        Value value = Value.of(r.readBytes(), type);
        if (format < EXPIRY_FORMAT) {
            return value;
        }
        long expiresAt = r.readVarLong();
        if (expiresAt < 0) {
            throw new IllegalArgumentException("a value expires at " + expiresAt);
        }
        return value.expiringAt(expiresAt);
    }

    private static BinaryWriter ints(BinaryWriter w, int[] values) {
        w.writeVarLong(values.length);
        for (int v : values) {
            w.writeVarLong(v);
        }
        return w;
    }

    private static int[] ints(BinaryReader r) {
        int[] out = new int[r.readCount(1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = smallInt(r);
        }
        return out;
    }

    private static BinaryWriter longs(BinaryWriter w, long[] values) {
        w.writeVarLong(values.length);
        for (long v : values) {
            w.writeVarLong(v);
        }
        return w;
    }

    private static long[] longs(BinaryReader r) {
        long[] out = new long[r.readCount(1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.readVarLong();
        }
        return out;
    }

    private static PlanRequest planRequest(BinaryReader r) {
        long fromVersion = r.readVarLong();
        int count = r.readCount(4);
        List<RingChange> changes = new ArrayList<>(count);
        RingChange.Kind[] kinds = RingChange.Kind.values();
        for (int i = 0; i < count; i++) {
            int kind = smallInt(r);
            if (kind >= kinds.length) {
                throw new IllegalArgumentException("unknown ring change kind " + kind);
            }
            changes.add(kinds[kind] == RingChange.Kind.SETTINGS
                    ? RingChange.settings(new RingSettings(smallInt(r), smallInt(r), smallInt(r)))
                    : new RingChange(kinds[kind], r.readString(), smallInt(r), r.readString()));
        }
        return new PlanRequest(changes, fromVersion);
    }

    private static int smallInt(BinaryReader r) {
        long v = r.readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number " + v + " out of range");
        }
        return (int) v;
    }

    private static boolean flag(BinaryReader r) {
        int b = r.readByte();
        if (b > 1) {
            throw new IllegalArgumentException("flag byte " + b + " is neither 0 nor 1");
        }
        return b == 1;
    }

    private static Failure.Kind failureKind(BinaryReader r) {
        int ordinal = smallInt(r);
        Failure.Kind[] kinds = Failure.Kind.values();
        if (ordinal >= kinds.length) {
            throw new IllegalArgumentException("unknown failure kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
