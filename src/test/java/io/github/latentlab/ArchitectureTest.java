package io.github.latentlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The core is driven the same way by the app, the command line and the tests: no JavaFX in it, no
 * user interface; and no package depends on itself through others.
 */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            // tests live in test-classes whatever the build folder is called (-Dbuild.dir=target-x too)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.github.latentlab");

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("..latentlab.data..", "..latentlab.model..", "..latentlab.training..",
                        "..latentlab.metrics..", "..latentlab.cli..", "..latentlab.projection..", "..latentlab.util..",
                        "..latentlab.lessons..", "..latentlab.timeline..", "..latentlab.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnTheUserInterface() {
        noClasses().that().resideInAnyPackage("..latentlab.data..", "..latentlab.model..", "..latentlab.training..",
                        "..latentlab.metrics..", "..latentlab.cli..", "..latentlab.projection..", "..latentlab.util..",
                        "..latentlab.lessons..", "..latentlab.timeline..", "..latentlab.session..")
                .should().dependOnClassesThat().resideInAnyPackage("..latentlab.ui..", "..latentlab.app..")
                .check(classes);
    }

    /** Panes share core types, ui (AppState, LatentMapSource), ui.controls and ui.fx, never each other's classes. */
    @Test
    void panesDoNotDependOnEachOther() {
        String[] panes = {"training", "reconstruction", "latent", "noise", "draw", "runs", "lessons", "timeline"};
        for (String pane : panes) {
            String[] others = Arrays.stream(panes).filter(p -> !p.equals(pane))
                    .map(p -> "io.github.latentlab.ui." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.github.latentlab.ui." + pane + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    /** Every package, sub-packages included (data and data.generators, ui and each pane), free of cycles. */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.github.latentlab.(**)").should().beFreeOfCycles().check(classes);
    }
}
