package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.ClockEntryBody;
import io.dynamo.api.DotBody;
import io.dynamo.api.HealthBody;
import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.MoveBody;
import io.dynamo.api.NamespaceBody;
import io.dynamo.api.NamespacePlanBody;
import io.dynamo.api.NamespacesBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.PlanChangeBody;
import io.dynamo.api.ReplicaVersionsBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.RingChangeBody;
import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.api.VersionBody;
import io.dynamo.api.VersionSetBody;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables each command prints, from the API's answers. */
class ViewsTest {
    private static final RingBody RING = new RingBody("n1", 3, 8, 2, 1, 1,
            List.of(new MemberBody("n1", 1, 4, 0.5), new MemberBody("n2", 1, 4, 0.5)),
            List.of("n1", "n2", "n1", "n2", "n1", "n2", "n1", "n2"), null);

    @Test
    void tablesAlignColumnsAndRightAlignNumbers() {
        String text = new Table("NODE", "KEYS").row("node-1", 5).row("n2", 1200).render();

        assertThat(text).isEqualTo("""
                NODE    KEYS
                node-1     5
                n2      1200
                """);
    }

    @Test
    void theRingWithItsPartitionRanges() {
        String text = RingCommand.render(RING, true);

        assertThat(text).startsWith("ring v3 (from n1): Q=8 partitions, N=2, R=1, W=1, 2 members\n");
        assertThat(text).contains("n1         1           4  50.0%");
        assertThat(text).contains("        0  00000000000000000000000000000000  20000000000000000000000000000000   n1");
        assertThat(text).contains("        7  e0000000000000000000000000000000  100000000000000000000000000000000  n2");
        assertThat(RingCommand.render(RING, false)).doesNotContain("PARTITION ").doesNotContain("under way");
    }

    @Test
    void aRingChangeUnderWayIsShownUnderTheSummary() {
        RingBody changing = new RingBody("n1", 3, 8, 2, 1, 1, RING.members(), RING.owners(),
                new RingChangeBody(2, 3, 3, 5, 8, 1, List.of("n1", "n1", "n1", "n2", "n1", "n2", "n3", "n2")));

        assertThat(RingCommand.render(changing, false)).startsWith("ring v3 (from n1): Q=8 partitions, N=2, R=1, W=1,"
                + " 2 members\nchange from v2 under way: seen by 3 of 3 nodes, 5 of 8 copies confirmed, 1 of 3 nodes"
                + " reading from the new replicas\n\nNODE");
    }

    @Test
    void aPlanShowsCountsAndMoves() {
        PlanBody plan = new PlanBody("n1", "join", "n3", 2, false, 3, 4, List.of(new MoveBody(1, "n2", "n3"),
                new MoveBody(4, "n1", "n3")), List.of(new PartitionCountBody("n1", 4, 3),
                new PartitionCountBody("n2", 4, 3), new PartitionCountBody("n3", 0, 2)),
                List.of(PlanChangeBody.of("join", "n3", 2, null)));

        String text = PlanReview.render(plan);

        assertThat(text).startsWith("plan (from n1): join n3 with weight 2, ring v3 -> v4: 2 partitions move\n");
        assertThat(text).contains("n3                    0      2");
        assertThat(text).contains("        4  n1    n3");
    }

    @Test
    void aPlanOfSeveralChangesNamesEachInOrder() {
        List<PlanChangeBody> changes = List.of(PlanChanges.parse("join:n4"), PlanChanges.parse("join:n5:2"),
                PlanChanges.parse("leave:n2"), PlanChanges.parse("replace:n3=n6"), PlanChanges.parse("remove:n7"),
                PlanChanges.parse("settings:3/2/2"));
        PlanBody plan = new PlanBody("n1", "plan", null, null, false, 3, 4, List.of(new MoveBody(1, "n2", "n4")),
                List.of(new PartitionCountBody("n2", 1, 0), new PartitionCountBody("n4", 0, 1)), changes);

        assertThat(PlanReview.render(plan)).startsWith("plan (from n1): join n4 with weight 1, join n5 with weight 2,"
                + " leave n2, replace n3 with n6, remove n7, set N=3 R=2 W=2, ring v3 -> v4: 1 partition moves\n");
        assertThat(changes.get(3)).isEqualTo(PlanChangeBody.of("replace", "n3", null, "n6"));
    }

    @Test
    void everyNamespaceWithItsSettingsKeysAndPurge() {
        NamespacesBody body = new NamespacesBody("n1", 3, List.of(
                namespace("default", 0, 0, "live", 1200L, null),
                namespace("carts", 3600, 2, "live", 40L, null),
                namespace("old", 0, 3, "dropping", 7L, new NamespaceBody.PurgeBody(100, 256, 93))));

        String text = NamespacesCommand.render(body);

        assertThat(text).startsWith("namespaces (from n1): catalog v3, 3 namespaces\n\n"
                + "NAME     STATE     N  R  W  DW  POLICY    ROLE       TTL  MAX KEY  MAX VALUE  SIBLINGS WARN/MAX  KEYS"
                + "  PURGE\n");
        assertThat(text).contains("default  live      2  1  2   0  siblings  client       -  1.0 KiB    1.0 MiB"
                + "  8/64               1200  -\n");
        assertThat(text).contains("carts    live      2  1  2   0  siblings  client  3600 s  1.0 KiB    1.0 MiB");
        assertThat(text).endsWith("KEYS: held by n1 (tombstones included)\n");
        assertThat(text).contains("old      dropping  2  1  2   0  siblings  client       -  1.0 KiB    1.0 MiB"
                + "  8/64                  7  100/256 partitions, 93 keys removed\n");
    }

    @Test
    void aNamespacePlanShowsTheEntryWhatAChangeAltersAndADropsWarning() {
        NamespacePlanBody change = new NamespacePlanBody("n1", "change", 4, false,
                namespace("carts", 60, 5, "live", null, null));
        NamespacePlanBody drop = new NamespacePlanBody("n1", "drop", 4, false,
                namespace("carts", 0, 5, "dropping", null, null));
        NamespaceBody before = namespace("carts", 0, 2, "live", 40L, null);

        String changed = NamespaceReview.render(change, before);
        String dropped = NamespaceReview.render(drop, null);

        assertThat(changed).startsWith("plan (from n1): change namespace carts, catalog v4 -> v5\n\nNAME ")
                .contains("carts  live   2  1  2   0  siblings  client  60 s  1.0 KiB    1.0 MiB  8/64\n")
                .endsWith("\nchanges: ttl - -> 60 s\n");
        assertThat(NamespaceReview.render(change, change.namespace())).endsWith("\nno setting changes\n");
        assertThat(dropped).startsWith("plan (from n1): drop namespace carts, catalog v4 -> v5\n")
                .endsWith("\nWarning: every node removes every key of carts, and the name is never used again.\n");
    }

    private static NamespaceBody namespace(String name, long ttl, long version, String state, Long keys,
                                           NamespaceBody.PurgeBody purge) {
        return new NamespaceBody(name, 2, 1, 2, 0, "siblings", 1024, 1_048_576, 8, 64, "client", ttl, version, state,
                keys, purge);
    }

    @Test
    void aKeysCopiesSideBySide() {
        VersionBody blue = text(1, "blue", false);
        VersionBody green = text(2, "green", false);
        VersionBody binary = new VersionBody(new DotBody("a", 3), Base64.getEncoder().encodeToString(new byte[] {0, 1,
            2}), "application/octet-stream", false, false);
        VersionBody deleted = new VersionBody(new DotBody("a", 4), null, null, true, false);
        List<ClockEntryBody> clock = List.of(new ClockEntryBody("a", 2, 0));
        KeyVersionsBody body = new KeyVersionsBody("n1", "cart", 5, new VersionSetBody("ctx", clock,
                List.of(blue, green)), List.of(
                new ReplicaVersionsBody("n1", true, null, "EQUAL", Map.of(), clock, List.of(blue, green)),
                new ReplicaVersionsBody("n2", true, "node n2 is unreachable", null, null, null, null),
                new ReplicaVersionsBody("n3", false, null, "BEFORE", Map.of(), clock, List.of(binary, deleted))));

        String text = KeyCommand.render(body);

        assertThat(text).startsWith("key cart (partition 5, from n1)\nmerged: \"blue\", \"green\"; clock a:2\n");
        assertThat(text).contains("n1    replica  EQUAL      a:2    \"blue\", \"green\"");
        assertThat(text).contains("n2    replica  no answer  -      node n2 is unreachable");
        assertThat(text).contains("n3    hint     BEFORE     a:2    <3 bytes application/octet-stream>, (deleted)");
        assertThat(KeyCommand.sibling(text(5, "x".repeat(50), true))).isEqualTo("\"" + "x".repeat(40)
                + "...\" (superseded)");
    }

    @Test
    void statusShowsEachNodesHintsAndTransfersAndWhoCouldNotBeAsked() {
        NodesBody nodes = new NodesBody("n1", 3, List.of(
                new NodeBody("n1", true, "JOINED", "127.0.0.1:8080", true, 1, 4, 10L,
                        new HealthBody("UP", null, null, null, 0)),
                new NodeBody("n2", false, "JOINED", "127.0.0.1:8081", true, 1, 4, null,
                        new HealthBody("DOWN", 1L, 5000L, 1.5, 3))));
        HintsBody hints = new HintsBody("n1", 7, 700, 0, List.of(new HintQueueBody("n2", 7, 700, 1L, 5000L)));
        TransfersBody transfers = new TransfersBody("n1", false, List.of(transfer(2, "PENDING"),
                transfer(3, "RUNNING"), transfer(4, "DONE")));
        StatusReport report = new StatusReport(RING, nodes, List.of(
                new NodeAnswer<>("n1", "127.0.0.1:8080", new StatusReport.NodeState(hints, transfers), null),
                new NodeAnswer<>("n2", "127.0.0.1:8081", null, "no node answered (tried 127.0.0.1:8081)")));

        String text = StatusCommand.render(report);

        assertThat(text).contains("n1*   JOINED  UP      127.0.0.1:8080       1           4    10      7"
                + "  1 pending, 1 running");
        assertThat(text).contains("n2    JOINED  DOWN    127.0.0.1:8081       1           4     -      ?  ?\n");
        assertThat(text).contains("hints held: 7; transfers: in progress");
        assertThat(text).contains("  n2: no node answered (tried 127.0.0.1:8081)");
    }

    @Test
    void transfersAreFinishedOnlyWhenEveryNodeAnsweredIdle() {
        NodeAnswer<TransfersBody> idle = new NodeAnswer<>("n1", "a", new TransfersBody("n1", true,
                List.of(transfer(1, "DONE"))), null);
        NodeAnswer<TransfersBody> busy = new NodeAnswer<>("n2", "b", new TransfersBody("n2", false,
                List.of(transfer(2, "PENDING"))), null);
        NodeAnswer<TransfersBody> silent = new NodeAnswer<>("n3", "c", null, "no answer");

        assertThat(TransfersCommand.finished(List.of(idle))).isTrue();
        assertThat(TransfersCommand.finished(List.of(idle, busy))).isFalse();
        assertThat(TransfersCommand.finished(List.of(idle, silent))).isFalse();
        assertThat(TransfersCommand.progress(List.of(idle, busy, silent)))
                .isEqualTo("transfers: 1 pending, 0 running, 1 done; 20 keys sent; not answering: n3");
        assertThat(TransfersCommand.render(List.of(idle, busy), false))
                .containsPattern("n2 +2 +v4 +n9 +PENDING +10 +4.9 KiB +100/400 +25 keys/s +12 s")
                .doesNotContain("DONE ");
    }

    @Test
    void hintQueuesPerHolder() {
        String text = HintsCommand.render(List.of(new NodeAnswer<>("n1", "a", new HintsBody("n1", 3, 3000, 9,
                List.of(new HintQueueBody("n2", 3, 3000, 1L, 150_000L))), null)));

        assertThat(text).contains("n1        3  2.9 KiB          9").contains("n1    n2       3  2.9 KiB   2 min");
    }

    private static VersionBody text(long counter, String value, boolean superseded) {
        return new VersionBody(new DotBody("a", counter), Base64.getEncoder().encodeToString(
                value.getBytes(StandardCharsets.UTF_8)), "text/plain", false, superseded);
    }

    private static TransferBody transfer(int partition, String status) {
        return new TransferBody(partition, 4, List.of("n9"), true, status, 10, 0, 0, 1, 1, 0, null, 0, 5_000, 400, 100,
                25, 12_500, 12_000L);
    }
}
