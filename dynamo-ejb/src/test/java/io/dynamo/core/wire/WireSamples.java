package io.dynamo.core.wire;

import io.dynamo.core.antientropy.KeyHash;
import io.dynamo.core.antientropy.MerkleHashes;
import io.dynamo.core.antientropy.MerkleQuery;
import io.dynamo.core.antientropy.RemoveTombstone;
import io.dynamo.core.antientropy.SegmentDiff;
import io.dynamo.core.antientropy.SegmentQuery;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.CoordinateGet;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.listing.KeyPage;
import io.dynamo.core.listing.KeyPageQuery;
import io.dynamo.core.membership.ChangeAnswer;
import io.dynamo.core.membership.ChangeRequest;
import io.dynamo.core.membership.Gossip;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeLoad;
import io.dynamo.core.membership.NodeSettings;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.membership.PlanRequest;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.transfer.TransferBatch;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fixed instance of every message type, by the name of its file under {@code src/test/resources/wire/}. The
 * files of a format version hold these messages as that version's code encoded them, so a later codec can be held
 * to decoding them.
 */
final class WireSamples {
    private static final Key KEY = Key.of(new byte[] {0, 'k', (byte) 0xff});

    private WireSamples() {
    }

    static Map<String, Message> all() {
        SiblingSet v = versions();
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("read-replica", new ReadReplica(KEY));
        m.put("replica-state", new ReplicaState(KEY, v));
        m.put("write-replica", new WriteReplica(KEY, v, ""));
        m.put("write-replica-hint", new WriteReplica(KEY, v, "node-4"));
        m.put("ack", new Ack());
        m.put("ping", new Ping());
        m.put("coordinate-get", new CoordinateGet(KEY, 2));
        m.put("coordinate-put", new CoordinatePut(KEY, v.context(), Value.of(utf8("new value"), "text/plain"), 3));
        m.put("coordinate-delete", new CoordinatePut(KEY, v.context(), Value.tombstone(), 0));
        m.put("failure", new Failure(Failure.Kind.TOO_MANY_SIBLINGS, "key 'k' would have 65 siblings", 2, 1));
        m.put("merkle-query", new MerkleQuery(17, 3, new int[] {0, 5, 7}));
        m.put("merkle-hashes", new MerkleHashes(17, 3, new long[] {0, -1, Long.MIN_VALUE}));
        m.put("segment-query", new SegmentQuery(17, new int[] {4, 1000},
                List.of(new KeyHash(KEY, -42), new KeyHash(Key.of("b"), 99))));
        m.put("segment-diff", new SegmentDiff(List.of(new ReplicaState(KEY, v)), List.of(Key.of("b"))));
        m.put("transfer-batch", new TransferBatch(200, List.of(new ReplicaState(KEY, v),
                new ReplicaState(Key.of("x"), SiblingSet.EMPTY))));
        m.put("remove-tombstone", new RemoveTombstone(KEY, tombstone()));
        m.put("gossip", new Gossip(membership(), Map.of("node-1", new NodeLoad(12_345, 1_700_000_000_000L))));
        return m;
    }

    /** Messages that exist from wire format 2 on: the claimant's ring changes. */
    static Map<String, Message> sinceFormat2() {
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("change-request", new ChangeRequest(true, "node-4", 2, 7));
        m.put("change-answer", new ChangeAnswer(ChangeAnswer.STALE_PLAN, "the plan was made from ring v7", 8));
        return m;
    }

    /** Messages that exist from wire format 3 on: plans of several changes, removes, replaces and new settings. */
    /** Keys of a namespace other than the default one, and a gossip whose state has a catalog of namespaces. */
    static Map<String, Message> sinceFormat4() {
        Key namespaced = Key.in("carts", new byte[] {0, 'k', (byte) 0xff});
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("write-replica-namespaced", new WriteReplica(namespaced, versions(), "node-4"));
        m.put("segment-diff-namespaced", new SegmentDiff(List.of(new ReplicaState(namespaced, versions())),
                List.of(KEY, namespaced)));
        MembershipState state = membership();
        m.put("gossip-with-namespaces", new Gossip(state.withNamespaces(NamespaceCatalog.of(List.of(
                new Namespace("carts", new NamespaceSettings(2, 1, 2, 0, ConflictPolicy.SIBLINGS, 512, 4096, 10, 50,
                        "client"), 3, false),
                new Namespace("old", new NamespaceSettings(1, 1, 1, 1, ConflictPolicy.SIBLINGS, 64, 64, 1, 1,
                        "none"), 4, true)))), Map.of()));
        return m;
    }

    /** Sibling sets in their timed form: versions with hybrid times, and a last-write-wins set. */
    static Map<String, Message> sinceFormat5() {
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("write-replica-timed", new WriteReplica(KEY, timedVersions(), ""));
        m.put("replica-state-latest-wins", new ReplicaState(Key.in("carts", new byte[] {'c'}),
                SiblingSet.EMPTY.latestWins().put(Context.EMPTY, new Dot("node-2.c3d4", 4), Value.of(utf8("latest"),
                        "text/plain"), 1_700_000_004_000L, new HybridTime(1_700_000_004_001L, 2), 10)));
        return m;
    }

    /** Messages with an expiring value: a version in sibling set format 3, and a put carrying its expiry. */
    static Map<String, Message> sinceFormat6() {
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("write-replica-expiring", new WriteReplica(KEY, expiringVersions(), ""));
        m.put("coordinate-put-expiring", new CoordinatePut(KEY, Context.EMPTY, Value.of(utf8("soon"), "text/plain")
                .expiringAt(1_700_000_060_000L), 2, 1));
        return m;
    }

    /** A value expiring at a known time beside a live one without an expiry and a tombstone. */
    static SiblingSet expiringVersions() {
        return timedVersions().put(Context.EMPTY, new Dot("node-2.c3d4", 5), Value.of(utf8("short-lived"),
                "text/plain").expiringAt(1_700_000_065_000L), 1_700_000_005_000L,
                new HybridTime(1_700_000_005_000L, 1), 10);
    }

    /** Listing's key-page query and reply, with a namespaced key and an expiring version among the states. */
    static Map<String, Message> sinceFormat7() {
        Map<String, Message> m = new LinkedHashMap<>();
        byte[] from = new byte[17];
        from[0] = 0x40;
        from[16] = 'a';
        m.put("key-page-query", new KeyPageQuery(5, "carts", utf8("user-"), from, 100));
        m.put("key-page", new KeyPage(List.of(new ReplicaState(KEY, timedVersions()),
                new ReplicaState(Key.in("carts", utf8("user-1")), expiringVersions())), from));
        m.put("key-page-complete", new KeyPage(List.of(), new byte[0]));
        return m;
    }

    static Map<String, Message> sinceFormat3() {
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("plan-request", new PlanRequest(List.of(RingChange.join("node-4", 2), RingChange.leave("node-1"),
                RingChange.remove("node-2"), RingChange.replace("node-3", "node-5")), 7));
        m.put("plan-request-settings", new PlanRequest(List.of(RingChange.join("node-6", 1),
                RingChange.settings(new RingSettings(5, 2, 3))), 9));
        m.put("gossip-with-settings", new Gossip(membership(), Map.of("node-1", new NodeLoad(12_345,
                1_700_000_000_000L, new NodeSettings(8, new RingSettings(3, 2, 2))))));
        return m;
    }

    /** Two live siblings (one without a content type) and a tombstone. */
    private static SiblingSet versions() {
        SiblingSet s = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("node-1.a1b2", 7), Value.of(utf8("one"),
                "text/plain"), 1_700_000_000_000L, 10);
        s = s.put(Context.EMPTY, new Dot("node-2.c3d4", 3), Value.of(new byte[] {0, 1, 2, (byte) 255}, null),
                1_700_000_001_000L, 10);
        return s.put(Context.EMPTY, new Dot("node-3.e5f6", 1), Value.tombstone(), 1_700_000_002_000L, 10);
    }

    /** A live sibling and a tombstone, each with its hybrid time. */
    static SiblingSet timedVersions() {
        SiblingSet s = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("node-1.a1b2", 7), Value.of(utf8("one"),
                "text/plain"), 1_700_000_000_000L, new HybridTime(1_700_000_000_000L, 0), 10);
        return s.put(Context.EMPTY, new Dot("node-3.e5f6", 1), Value.tombstone(), 1_700_000_002_000L,
                new HybridTime(1_700_000_001_999L, 300), 10);
    }

    private static SiblingSet tombstone() {
        return SiblingSet.EMPTY.put(Context.EMPTY, new Dot("node-1.a1b2", 9), Value.tombstone(), 1_700_000_003_000L,
                10);
    }

    private static MembershipState membership() {
        Ring ring = Ring.initial(8, List.of(Member.of("node-1"), new Member("node-2", 2)));
        return MembershipState.of(ring, List.of(new NodeInfo("node-1", "http://10.0.0.1:8080", NodeStatus.JOINED, 3),
                new NodeInfo("node-2", "", NodeStatus.JOINING, 1)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
