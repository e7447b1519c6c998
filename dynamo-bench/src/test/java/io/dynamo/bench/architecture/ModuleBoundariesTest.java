package io.dynamo.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The YCSB binding reaches the cluster through dynamo-client only; the JMH benchmarks measure core classes
 * directly, but nothing here uses the REST layer or the EJB glue.
 */
@AnalyzeClasses(packages = "io.dynamo.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    @ArchTest
    static final ArchRule noRestLayerOrEjbGlue = noClasses().that().resideInAPackage("io.dynamo.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dynamo.jaxrs..", "io.dynamo.ejb..")
            .because("the benchmark measures the product as a client sees it (dynamo-client) or core classes");
}
