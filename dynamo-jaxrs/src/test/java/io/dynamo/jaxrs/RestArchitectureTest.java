package io.dynamo.jaxrs;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dynamo.core.antientropy.AntiEntropyStats;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.antientropy.PartitionStats;
import io.dynamo.core.backup.BackupFile;
import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.listing.KeyListing;
import io.dynamo.core.listing.ListingCursor;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceName;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.peer.Reachability;
import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionMove;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.stats.BucketCounts;
import io.dynamo.core.stats.PeerLatencies;
import io.dynamo.core.stats.RequestStats;
import io.dynamo.core.transfer.TransferProgress;
import io.dynamo.core.transfer.TransferStatus;

/**
 * The REST layer reaches the node only through its narrow faces (io.dynamo.core.node: KeyValueService, NodeView,
 * NodeAdmin), the ground (io.dynamo.core.base), the data model (io.dynamo.core.version), the exceptions it maps to
 * HTTP, and the few immutable values the views read below (the namespace's name rule among them). The Java client (io.dynamo.client) is not the
 * server's REST layer: it routes by its own copy of the ring and partitioner.
 */
@AnalyzeClasses(packages = "io.dynamo.jaxrs", importOptions = ImportOption.DoNotIncludeTests.class)
class RestArchitectureTest {

    /** The core's values the views turn into JSON; each is an immutable record (or the ring, immutable too). */
    private static final DescribedPredicate<JavaClass> VALUES = belongToAnyOf(Ring.class, Member.class,
            PreferenceList.class, PartitionPlan.class, PartitionMove.class, RingChange.class, RingChange.Kind.class,
            RingSettings.class, Handover.class, MembershipState.class, NodeInfo.class, NodeStatus.class,
            PeerHealth.class, Reachability.class, HintQueue.class, TransferProgress.class, TransferStatus.class,
            AntiEntropyStats.class, PartitionStats.class, ExchangeResult.class, BackupStatus.class,
            BackupStatus.State.class, BackupStatus.Completed.class, BackupManifest.class, BackupFile.class,
            BucketCounts.Snapshot.class, PeerLatencies.Snapshot.class, RequestStats.Snapshot.class, Namespace.class,
            NamespaceSettings.class, NamespaceChange.class, NamespaceChange.Kind.class, ConflictPolicy.class,
            NamespaceName.class, KeyListing.class, ListingCursor.class);

    @ArchTest
    static final ArchRule restReachesTheCoreOnlyThroughItsFaces = noClasses()
            .that().resideInAPackage("io.dynamo.jaxrs..").and().resideOutsideOfPackage("io.dynamo.client..")
            .should().dependOnClassesThat(resideInAPackage("io.dynamo.core..")
                    .and(DescribedPredicate.not(resideInAnyPackage("io.dynamo.core.node..", "io.dynamo.core.base..",
                            "io.dynamo.core.version..")))
                    .and(DescribedPredicate.not(assignableTo(DynamoException.class)))
                    .and(DescribedPredicate.not(VALUES)))
            .because("a view that reaches into the node's parts breaks whenever they are rearranged");

    @ArchTest
    static final ArchRule restNeverHoldsTheNode = noClasses().that().resideInAPackage("io.dynamo.jaxrs..")
            .should().dependOnClassesThat().areAssignableTo(DynamoNode.class)
            .because("the node's getters lead to its parts; the faces are what the REST layer may use");
}
