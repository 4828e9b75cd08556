package io.github.latentlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is driven the same way by the app, the command line and the tests: no JavaFX in it. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.latentlab");

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("..latentlab.data..", "..latentlab.model..", "..latentlab.training..",
                        "..latentlab.metrics..", "..latentlab.cli..", "..latentlab.projection..", "..latentlab.util..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnTheUserInterface() {
        noClasses().that().resideInAnyPackage("..latentlab.data..", "..latentlab.model..", "..latentlab.training..",
                        "..latentlab.metrics..", "..latentlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..latentlab.ui..", "..latentlab.app..")
                .check(classes);
    }
}
