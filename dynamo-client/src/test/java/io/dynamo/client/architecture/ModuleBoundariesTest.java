package io.dynamo.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * dynamo-client and dynamo-api use none of the server's classes (the client's tests may: they check its placement
 * against the nodes' own code).
 */
@AnalyzeClasses(packages = {"io.dynamo.client", "io.dynamo.api"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final String[] SERVER = {"io.dynamo.core..", "io.dynamo.infra..", "io.dynamo.ejb..",
        "io.dynamo.jaxrs.."};

    @ArchTest
    static final ArchRule clientUsesNoServerClasses = noClasses().that().resideInAPackage("io.dynamo.client..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVER)
            .because("applications use the client without the server's modules");

    @ArchTest
    static final ArchRule apiUsesNoServerClasses = noClasses().that().resideInAPackage("io.dynamo.api..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVER)
            .because("the API's contract is shared by the server and its clients");
}
