package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.reconstruction.ReconstructionViewModel;
import io.github.latentlab.ui.training.TrainingViewModel.State;
import io.github.latentlab.ui.training.TrainingViewModel;

/** Drives the real main window headless: train from the pane, watch chart and grid, pause, stop. */
class MainWindowUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void trainingFromThePaneFillsTheChartSharpensTheGridAndObeysPauseAndStop(FxRobot robot) throws Exception {
        DatasetSplit data = TestData.digits(3000, 300);
        TrainingViewModel training = window.trainingViewModel();
        ReconstructionViewModel recon = window.reconstructionViewModel();
        robot.interact(() -> {
            state.dataProperty().set(data);
            training.form().datasetIdProperty().set(data.id());
            training.form().epochsProperty().set(40);
            training.form().batchProperty().set(32);
        });
        waitUntil(() -> recon.resultProperty().get() != null);
        assertEquals(null, recon.resultProperty().get().reconstructions(), "no model yet: originals only");

        robot.clickOn("#start");
        waitUntil(() -> training.getState() == State.RUNNING);
        waitUntil(() -> training.trainCurve().size() > 5);
        waitUntil(() -> recon.resultProperty().get().reconstructions() != null);
        ReconstructionViewModel.Result early = recon.resultProperty().get();
        waitUntil(() -> training.testCurve().size() >= 2 && recon.resultProperty().get() != early);
        ReconstructionViewModel.Result later = recon.resultProperty().get();
        assertNotSame(early, later, "the grid was refreshed while training");
        assertTrue(later.meanMse() < early.meanMse(), "reconstructions sharpen: " + early.meanMse() + " → " + later.meanMse());

        robot.clickOn("#pause");
        waitUntil(() -> training.getState() == State.PAUSED);
        int pointsAtPause = training.trainCurve().size();
        // the paused training thread serves two snapshots in turn: it has looped while paused, training nothing
        state.training().snapshot().get(30, TimeUnit.SECONDS);
        state.training().snapshot().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pointsAtPause, training.trainCurve().size(), "no new points while paused");
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());

        robot.clickOn("#pause");
        waitUntil(() -> training.getState() == State.RUNNING);
        robot.clickOn("#stop");
        waitUntil(() -> training.getState() == State.IDLE);
        assertFalse(state.training().isRunning());
        assertTrue(training.progressTextProperty().get().startsWith("Stopped"), training.progressTextProperty().get());
        assertNotNull(state.model());

        // save the stopped model, start afresh, then open the file: settings and history come back
        Path file = Files.createTempDirectory("latent-lab-ui").resolve("saved.llab");
        window.saveModelTo(file).get(30, TimeUnit.SECONDS);
        int epochsDone = training.testCurve().size();
        robot.interact(() -> {
            training.form().latentProperty().set(4);
            training.testCurve().clear();
            training.trainCurve().clear();
        });
        window.openModelFrom(file).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, training.form().latentProperty().get(), "the saved model's settings are shown");
        assertEquals(epochsDone, training.testCurve().size(), "the saved history is shown");
        assertFalse(training.trainCurve().isEmpty());
        robot.clickOn("log scale");
        assertTrue(training.logScaleProperty().get());

        Path png = Path.of("target", "snapshots", "main-window-training.png");
        Files.createDirectories(png.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);
        assertTrue(Files.size(png) > 10_000);
    }

}
