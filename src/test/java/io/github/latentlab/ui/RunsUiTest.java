package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.runs.ClassicComparisons;
import io.github.latentlab.ui.training.TrainingViewModel;

/** Runs side by side: a classic comparison queues two runs that train one after the other and are compared. */
class RunsUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aClassicComparisonTrainsTwoRunsAndShowsTwoCurvesAndTheirReconstructions(FxRobot robot) throws Exception {
        DatasetSplit data = TestData.digits(1000, 200);
        TrainingViewModel training = window.trainingViewModel();
        robot.interact(() -> {
            state.dataProperty().set(data);
            training.form().datasetIdProperty().set(data.id());
            training.form().epochsProperty().set(2);
            training.form().batchProperty().set(64);
        });
        robot.clickOn("Compare");
        robot.clickOn(ClassicComparisons.DENSE_VS_CONV.title());
        waitUntil(() -> window.runsViewModel().runs().size() >= 2 && window.runsViewModel().runs().stream().limit(2)
                .allMatch(r -> r.status() == RunStatus.FINISHED));
        List<Run> compared = window.compareViewModel().compared();
        assertEquals(2, compared.size());
        assertEquals(ModelKind.CONV, compared.get(1).config().spec().kind());
        for (Run r : compared) {
            assertEquals(2, r.history().epochsDone(), r.name());
            assertTrue(Files.exists(r.checkpoints().folder().resolve("epoch-0002.llab")), "checkpoint of " + r.name());
        }

        var chart = window.runsPane().lookup("#compare-chart");
        waitUntil(() -> ((LineChart<?, ?>) chart).getData().stream()
                .filter(s -> s.getData().size() == 2).count() == 2);
        var series = ((LineChart<?, ?>) chart).getData();
        assertEquals(compared.get(0).name(), series.get(0).getName());
        assertTrue(series.stream().allMatch(s -> s.getData().stream().allMatch(d -> ((Number) ((XYChart.Data<?, ?>) d)
                .getYValue()).doubleValue() > 0)));
        waitUntil(() -> window.compareViewModel().resultProperty().get() != null
                && window.compareViewModel().resultProperty().get().rows().stream().allMatch(r -> r.reconstructions() != null));
        var rows = window.compareViewModel().resultProperty().get().rows();
        assertTrue(rows.stream().allMatch(r -> r.mse() > 0 && r.mse() < 0.2), rows.toString());

        Path png = Path.of("target/snapshots/runs-compare.png");
        robot.interact(() -> {
            try {
                Files.createDirectories(png.getParent());
                Snapshots.write(Snapshots.capture(window.runsPane()), png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 10_000);

        // the noise pane draws a second run's PSNR curve beside the current model's
        var noise = window.noiseViewModel();
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        // chosen through the combo box itself: runs of earlier tests in the test home can share the name
        @SuppressWarnings("unchecked")
        var combo = (ComboBox<Run>) window.lookup("#compare-run");
        robot.clickOn(combo);
        robot.interact(() -> {
            assertTrue(combo.getItems().contains(compared.get(0)), "the finished run is offered");
            combo.setValue(compared.get(0));
            combo.hide();
        });
        assertEquals(compared.get(0), noise.compareRunProperty().get());
        waitUntil(() -> noise.curve().size() == 11 && noise.curve().stream().allMatch(p -> Double.isFinite(p.otherPsnr())));
        var noiseChart = (LineChart<?, ?>) window.lookup("#noise-curve");
        assertTrue(noiseChart.getData().stream().anyMatch(s -> s.getName().equals(compared.get(0).name())
                && s.getData().size() == 11), "a series named after the compared run");
        // the current model is the conv run (trained last); the dense run's curve differs from it
        assertTrue(noise.curve().stream().anyMatch(p -> Math.abs(p.otherPsnr() - p.denoisedPsnr()) > 1e-3));
    }
}
