package io.dynamo.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The console talks to the cluster through dynamo-client and dynamo-api only; its tests may start real nodes. */
@AnalyzeClasses(packages = "io.dynamo.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    @ArchTest
    static final ArchRule noServerClasses = noClasses().that().resideInAPackage("io.dynamo.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dynamo.jaxrs..", "io.dynamo.ejb..",
                    "io.dynamo.infra..", "io.dynamo.core..")
            .because("the console is a client of the REST API: dynamo-client and dynamo-api, never the server");
}
