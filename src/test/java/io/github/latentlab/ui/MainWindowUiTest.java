package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.LossPoint;
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

        // the chart reads out the values under the cursor
        var chart = robot.lookup(".loss-chart").query();
        var area = chart.lookup(".chart-plot-background");
        var b = area.localToScreen(area.getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() / 2));
        waitUntil(() -> robot.lookup("#chart-readout").queryLabeled().getText().startsWith("epoch "));
        assertTrue(robot.lookup("#chart-readout").queryLabeled().getText().contains("· train "));
        // smoothing 0 shows every step's own loss: the curve wiggles more than at 0.9
        double smooth = wiggle(training.trainCurve());
        robot.interact(() -> training.smoothingProperty().set(0));
        assertTrue(wiggle(training.trainCurve()) > smooth * 1.5, "raw " + wiggle(training.trainCurve()) + " vs " + smooth);
        // the whole history exports as CSV
        Path csv = file.resolveSibling("loss.csv");
        training.exportCurves(csv).get(30, TimeUnit.SECONDS);
        assertEquals(state.history().points().size() + 1, Files.readAllLines(csv).size());
        assertEquals(epochsDone + 1, Files.readAllLines(file.resolveSibling("loss-epochs.csv")).size());

        Path png = Path.of("target", "snapshots", "main-window-training.png");
        Files.createDirectories(png.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);
        assertTrue(Files.size(png) > 10_000);
    }

    /** Mean absolute step between consecutive points of a curve. */
    private static double wiggle(List<LossPoint> curve) {
        double sum = 0;
        for (int i = 1; i < curve.size(); i++) sum += Math.abs(curve.get(i).loss() - curve.get(i - 1).loss());
        return sum / Math.max(1, curve.size() - 1);
    }
}
