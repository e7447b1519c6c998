package io.dynamo.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamespacePlannerTest {
    static final ClusterLimits THREE_NODES = new ClusterLimits(3, 3, 1024, 1 << 20, 100);

    static NamespaceSettings settings(int n, int r, int w) {
        return new NamespaceSettings(n, r, w, 0, ConflictPolicy.SIBLINGS, 256, 4096, 5, 20, "none");
    }

    static NamespaceCatalog create(NamespaceCatalog catalog, String name, int n) {
        return NamespacePlanner.plan(catalog, new NamespaceChange(NamespaceChange.Kind.CREATE, name,
                settings(n, 1, 1)), THREE_NODES);
    }

    @Test
    void namesFollowTheRuleAndTheErrorSaysIt() {
        for (String bad : new String[] {"", "Carts", "1st", "a b", "a/b", "x".repeat(65), "caf\u00e9", "-a"}) {
            assertThatThrownBy(() -> NamespaceName.check(bad)).as(bad).isInstanceOf(InvalidNamespaceException.class)
                    .hasMessageContaining(NamespaceName.RULE);
        }
        assertThatThrownBy(() -> NamespaceName.check(null)).isInstanceOf(InvalidNamespaceException.class);
        assertThat(NamespaceName.check("x".repeat(64))).hasSize(64);
        assertThat(NamespaceName.check("carts_v2-eu")).isEqualTo("carts_v2-eu");
    }

    @Test
    void settingsOutOfRangeAreRefusedOnTheirOwn() {
        assertThatThrownBy(() -> settings(0, 1, 1)).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("N=0");
        assertThatThrownBy(() -> settings(2, 3, 1)).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("R=3").hasMessageContaining("N=2");
        assertThatThrownBy(() -> settings(2, 1, 3)).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("W=3");
        assertThatThrownBy(() -> new NamespaceSettings(2, 1, 1, 2, ConflictPolicy.SIBLINGS, 1, 1, 1, 1, "none"))
                .isInstanceOf(InvalidNamespaceException.class).hasMessageContaining("dw=2");
        assertThatThrownBy(() -> new NamespaceSettings(2, 1, 1, 0, ConflictPolicy.SIBLINGS, 1, 1, 1, 1, "Admin!"))
                .isInstanceOf(InvalidNamespaceException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> ConflictPolicy.of("newest")).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("siblings, last-write-wins");
    }

    @Test
    void settingsAreCheckedAgainstTheCluster() {
        assertThatThrownBy(() -> create(NamespaceCatalog.EMPTY, "big", 4)).isInstanceOf(
                InvalidNamespaceException.class).hasMessageContaining("3 nodes");
        ClusterLimits nIsTwo = new ClusterLimits(5, 2, 1024, 1 << 20, 100);
        assertThatThrownBy(() -> NamespacePlanner.plan(NamespaceCatalog.EMPTY, new NamespaceChange(
                NamespaceChange.Kind.CREATE, "c", settings(3, 2, 2)), nIsTwo)).isInstanceOf(
                InvalidNamespaceException.class).hasMessageContaining("not yet supported");
        NamespaceSettings lww = new NamespaceSettings(1, 1, 1, 0, ConflictPolicy.LAST_WRITE_WINS, 1, 1, 1, 1, "none");
        NamespaceCatalog planned = NamespacePlanner.plan(NamespaceCatalog.EMPTY, new NamespaceChange(
                NamespaceChange.Kind.CREATE, "c", lww), THREE_NODES);
        assertThat(planned.live("c").orElseThrow().settings().policy()).isEqualTo(ConflictPolicy.LAST_WRITE_WINS);
        NamespaceSettings huge = new NamespaceSettings(1, 1, 1, 0, ConflictPolicy.SIBLINGS, 2048, 1, 1, 1, "none");
        assertThatThrownBy(() -> NamespacePlanner.plan(NamespaceCatalog.EMPTY, new NamespaceChange(
                NamespaceChange.Kind.CREATE, "c", huge), THREE_NODES)).isInstanceOf(InvalidNamespaceException.class)
                .hasMessageContaining("must not exceed the node's");
    }

    @Test
    void defaultCannotBeCreatedChangedOrDropped() {
        for (NamespaceChange.Kind kind : NamespaceChange.Kind.values()) {
            NamespaceChange change = new NamespaceChange(kind, "default", kind == NamespaceChange.Kind.DROP ? null
                    : settings(1, 1, 1));
            assertThatThrownBy(() -> NamespacePlanner.plan(NamespaceCatalog.EMPTY, change, THREE_NODES))
                    .isInstanceOf(InvalidNamespaceException.class).hasMessageContaining("default namespace");
        }
    }

    @Test
    void createChangeDropEachTakeTheNextVersion() {
        NamespaceCatalog one = create(NamespaceCatalog.EMPTY, "carts", 2);
        assertThat(one.version()).isEqualTo(1);
        assertThat(one.live("carts").orElseThrow().settings().replicas()).isEqualTo(2);
        NamespaceCatalog two = NamespacePlanner.plan(one, new NamespaceChange(NamespaceChange.Kind.CHANGE, "carts",
                settings(3, 2, 2)), THREE_NODES);
        assertThat(two.live("carts").orElseThrow().version()).isEqualTo(2);
        NamespaceCatalog three = NamespacePlanner.plan(two, NamespaceChange.drop("carts"), THREE_NODES);
        assertThat(three.live("carts")).isEmpty();
        assertThat(three.entries().get("carts").dropped()).isTrue();
        assertThat(three.version()).isEqualTo(3);
    }

    @Test
    void conflictsAndUnknownNamesAreRefused() {
        NamespaceCatalog one = create(NamespaceCatalog.EMPTY, "carts", 2);
        assertThatThrownBy(() -> create(one, "carts", 1)).isInstanceOf(NamespaceConflictException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> NamespacePlanner.plan(one, NamespaceChange.drop("nope"), THREE_NODES))
                .isInstanceOf(UnknownNamespaceException.class).hasMessageContaining("'nope' does not exist");
        assertThatThrownBy(() -> NamespacePlanner.plan(one, new NamespaceChange(NamespaceChange.Kind.CHANGE, "nope",
                settings(1, 1, 1)), THREE_NODES)).isInstanceOf(UnknownNamespaceException.class);
        NamespaceCatalog dropped = NamespacePlanner.plan(one, NamespaceChange.drop("carts"), THREE_NODES);
        assertThatThrownBy(() -> create(dropped, "carts", 1)).isInstanceOf(NamespaceConflictException.class)
                .hasMessageContaining("cannot be used again");
        assertThatThrownBy(() -> NamespacePlanner.plan(dropped, NamespaceChange.drop("carts"), THREE_NODES))
                .isInstanceOf(UnknownNamespaceException.class);
    }
}
