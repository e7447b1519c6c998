package io.dynamo.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** MVVM as the design says: view models are testable without a scene graph, views only bind. */
@AnalyzeClasses(packages = "io.dynamo.console", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule viewModelsKnowNoScene = noClasses().that().resideInAPackage("..viewmodel..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models hold state and logic and are tested without the JavaFX toolkit");

    @ArchTest
    static final ArchRule viewModelsKnowNoViews = noClasses().that().resideInAPackage("..viewmodel..")
            .should().dependOnClassesThat().resideInAPackage("..view");

    @ArchTest
    static final ArchRule viewsOnlyBindToViewModels = noClasses().that().resideInAPackage("..view")
            .should().dependOnClassesThat().resideInAnyPackage("..service..", "java.net.http..", "java.util.concurrent..")
            .because("views hold no logic: every call to the cluster goes through a view model");

    @ArchTest
    static final ArchRule clusterAccessKnowsNoJavaFx = noClasses().that()
            .resideInAnyPackage("..service..", "..events..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the cluster client is plain Java, usable and testable without JavaFX");

    @ArchTest
    static final ArchRule onlyTheFxExecutorUsesThePlatform = noClasses().that().doNotHaveSimpleName("FxBackgroundExecutor")
            .and().resideOutsideOfPackage("io.dynamo.console")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform");

    @ArchTest
    static final ArchRule viewsOfferNothingButBindings = methods().that().areDeclaredInClassesThat()
            .resideInAPackage("..view").and().areDeclaredInClassesThat().haveSimpleNameEndingWith("View")
            .should().notBePublic()
            .because("a view binds its FXML to its view model in initialize(); its actions only forward");
}
