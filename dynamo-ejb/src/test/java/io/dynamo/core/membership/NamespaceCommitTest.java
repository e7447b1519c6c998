package io.dynamo.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.namespace.ClusterLimits;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A namespace committed on one node is persisted with its membership and reaches the others by merge. */
class NamespaceCommitTest {
    private static final ClusterLimits LIMITS = new ClusterLimits(3, 3, 1024, 1 << 20, 64);
    private static final NamespaceChange CARTS = new NamespaceChange(NamespaceChange.Kind.CREATE, "carts",
            new NamespaceSettings(2, 1, 2, 0, ConflictPolicy.SIBLINGS, 100, 1000, 4, 8, "client"));

    @Test
    void aCommittedCatalogSurvivesARestartAndTellsItsListeners() {
        InMemoryMembershipStore store = new InMemoryMembershipStore();
        MembershipService a = MembershipService.open("a", "", 8, 3, true, store);
        List<NamespaceCatalog> heard = new ArrayList<>();
        a.onNamespacesChange(heard::add);
        NamespaceCatalog committed = a.commitNamespaces(0, CARTS, LIMITS);
        assertThat(heard).containsExactly(committed);
        MembershipService restarted = MembershipService.open("a", "", 8, 3, true, store);
        assertThat(restarted.state().namespaces()).isEqualTo(committed);
        assertThat(restarted.state().namespaces().live("carts").orElseThrow().settings().role()).isEqualTo("client");
    }

    @Test
    void aStalePlanIsRefusedAndChangesNothing() {
        MembershipService a = MembershipService.open("a", "", 8, 3, true, new InMemoryMembershipStore());
        a.commitNamespaces(0, CARTS, LIMITS);
        MembershipState before = a.state();
        assertThatThrownBy(() -> a.commitNamespaces(0, NamespaceChange.drop("carts"), LIMITS))
                .isInstanceOf(StalePlanException.class).hasMessageContaining("catalog v1");
        assertThat(a.state()).isEqualTo(before);
    }

    @Test
    void anotherNodeLearnsTheCatalogByMergeAndBothTellTheirListeners() {
        MembershipService a = MembershipService.open("a", "", 8, 3, true, new InMemoryMembershipStore());
        MembershipService b = MembershipService.open("b", "", 8, 3, false, new InMemoryMembershipStore());
        List<NamespaceCatalog> heardByB = new ArrayList<>();
        b.onNamespacesChange(heardByB::add);
        NamespaceCatalog committed = a.commitNamespaces(0, CARTS, LIMITS);
        b.merge(a.state());
        assertThat(b.state().namespaces()).isEqualTo(committed);
        assertThat(heardByB).containsExactly(committed);
        a.merge(b.state());
        assertThat(a.state().namespaces()).isEqualTo(committed);
    }
}
