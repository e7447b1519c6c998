package io.dynamo.admin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** dynamo-admin talks to the cluster through dynamo-client and dynamo-api only; its tests may start real nodes. */
@AnalyzeClasses(packages = "io.dynamo.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    @ArchTest
    static final ArchRule noServerClasses = noClasses().that().resideInAPackage("io.dynamo.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dynamo.jaxrs..", "io.dynamo.ejb..",
                    "io.dynamo.infra..", "io.dynamo.core..", "io.dynamo.console..")
            .because("the command line is a client of the admin API: dynamo-client and dynamo-api, never the"
                    + " server");
}
