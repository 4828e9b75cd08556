package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.lessons.LessonLibrary;
import io.github.latentlab.lessons.Step;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.lessons.LessonViewModel;

/**
 * A learner goes through a shipped lesson in the real window at 1280×800, pressing Next: every
 * step's set-up is done without a problem, and nothing in the window or the lesson panel is
 * clipped. Snapshots of each step go to target/snapshots/lesson-*.png.
 */
class LessonRunUiTest extends WindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(stage);
    }

    /** "en" or "zh", for snapshot names. */
    protected String language() { return "en"; }

    @AfterEach
    void noPresenterMode() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Look.presenterProperty().set(false)).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"01-autoencoder, normal", "06-vae, normal", "01-autoencoder, presenter"})
    void everyStepSetsTheAppUpAndReadsWell(String name, String mode, FxRobot robot) throws Exception {
        int steps = LessonLibrary.load(name, Locale.getDefault()).steps().size();
        robot.interact(() -> {
            Look.presenterProperty().set(mode.equals("presenter")); // a class watching a projector
            stage.setWidth(1280);
            stage.setHeight(800);
            window.startLesson(name);
        });
        LessonViewModel lesson = window.lessonViewModel();
        waitUntil(() -> lesson.lessonProperty().get() != null && robot.lookup("#lesson-panel").tryQuery().isPresent());
        List<String> trouble = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            int step = k;
            waitUntil(() -> lesson.stepProperty().get() == step && !lesson.settingUpProperty().get());
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // background views land, layout settles
            WaitForAsyncUtils.waitForFxEvents();
            Step shown = lesson.currentStep();
            assertEquals(shown.title(), ((Labeled) robot.lookup("#lesson-step-title").query()).getText());
            lesson.problems().forEach(p -> trouble.add(name + " step " + (step + 1) + ": " + p));
            WaitForAsyncUtils.asyncFx(() -> ReadableWindowUiTest.clippedIn(window)).get(10, TimeUnit.SECONDS)
                    .forEach(c -> trouble.add(name + " step " + (step + 1) + " clipped: " + c));
            Path png = Path.of("target", "snapshots", "lesson-" + name + "-" + (step + 1) + "-" + mode + "-" + language() + ".png");
            Files.createDirectories(png.getParent());
            Snapshots.write(WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS), png);
            if (step < steps - 1) robot.clickOn("#lesson-next");
        }
        assertTrue(trouble.isEmpty(), String.join("\n", trouble));
        assertTrue(robot.lookup("#lesson-next").queryButton().isDisabled(), "the last step has no Next");
        robot.clickOn("#lesson-close");
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty(), "closing the lesson gives the tabs the window back");
    }
}
