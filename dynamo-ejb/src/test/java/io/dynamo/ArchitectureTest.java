package io.dynamo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
