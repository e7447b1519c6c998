package io.dynamo;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core decides and stays plain Java; adapters and glue depend on it, never the other way round. */
@AnalyzeClasses(packages = "io.dynamo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("io.dynamo.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta..", "javax.ejb..", "javax.ws..", "org.eclipse.microprofile..", "org.jgroups..",
                    "jetbrains.exodus..")
            .because("the core is tested in milliseconds without a container, a network or a disk");

    @ArchTest
    static final ArchRule coreDoesNotReachOut = noClasses().that().resideInAPackage("io.dynamo.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dynamo.infra..", "io.dynamo.ejb..");

    @ArchTest
    static final ArchRule infraIsNotContainerCode = noClasses().that().resideInAPackage("io.dynamo.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.dynamo.ejb..");

    @ArchTest
    static final ArchRule nothingInTheCoreDependsOnTheNode = noClasses()
            .that().resideInAPackage("io.dynamo.core..").and().resideOutsideOfPackage("io.dynamo.core.node..")
            .should().dependOnClassesThat().resideInAPackage("io.dynamo.core.node..")
            .because("the node is the top of the core: it wires the packages below it, none of them calls up");

    @ArchTest
    static final ArchRule theGroundDependsOnNothingAbove = noClasses()
            .that().resideInAPackage("io.dynamo.core.base..")
            .should().dependOnClassesThat(
                    resideInAPackage("io.dynamo..").and(resideOutsideOfPackage("io.dynamo.core.base..")))
            .because("keys and exceptions are the ground every package may import");

    @ArchTest
    static final ArchRule theCoreRootHoldsNoClasses = noClasses().that().doNotHaveSimpleName("package-info")
            .should().resideInAPackage("io.dynamo.core")
            .because("a class there would be a slice of its own, outside the cycle check");

    @ArchTest
    static final ArchRule theTransportKnowsNoMessageOfItsUsers = noClasses()
            .that().resideInAPackage("io.dynamo.core.transport..")
            .should().dependOnClassesThat(resideInAPackage("io.dynamo..")
                    .and(resideOutsideOfPackages("io.dynamo.core.transport..", "io.dynamo.core.base..")))
            .because("messages live beside the services that send them, above the transport that carries them");

    @ArchTest
    static final ArchRule corePackagesFormNoCycles = slices().matching("io.dynamo.core.(*)..")
            .should().beFreeOfCycles()
            .because("each package of the core can then be read, tested and changed from the ground up");
}
