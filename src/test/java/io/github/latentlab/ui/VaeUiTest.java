package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.VariationalAutoencoder;
import io.github.latentlab.ui.controls.LossChart;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.latent.LatentViewModel;
import io.github.latentlab.ui.training.TrainingViewModel;

/** A VAE trained from the Train tab, then shown on the latent map and sampled from its prior. */
class VaeUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aVaeTrainsFromThePaneAndIsSampledOnTheMap(FxRobot robot) throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        TrainingViewModel training = window.trainingViewModel();
        robot.interact(() -> {
            state.dataProperty().set(data);
            training.form().datasetIdProperty().set(data.id());
            training.form().kindProperty().set(ModelKind.VAE);
            training.form().betaProperty().set(1);
            training.form().epochsProperty().set(2);
            training.form().batchProperty().set(64);
        });
        robot.clickOn("#start");
        waitUntil(() -> training.testCurve().size() == 2 && training.getState() == TrainingViewModel.State.IDLE);
        assertTrue(state.model() instanceof VariationalAutoencoder);
        assertTrue(training.progressTextProperty().get().startsWith("Done"), training.progressTextProperty().get());
        var chart = (LossChart) window.lookup(".loss-chart");
        assertEquals(4, chart.visibleSeries(), "train, test, reconstruction term and β·KL term");
        assertTrue(training.trainCurve().stream().allMatch(p -> p.hasParts()
                && Math.abs(p.recon() + p.kl() - p.loss()) < 1e-3 * p.loss()), "the two terms add up to the loss");
        Path png = Path.of("target/snapshots/vae-training.png");
        robot.interact(() -> {
            try {
                Files.createDirectories(png.getParent());
                Snapshots.write(Snapshots.capture(window), png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        LatentViewModel latent = window.latentViewModel();
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        waitUntil(() -> latent.mapProperty().get() != null && latent.mapProperty().get().model().spec().kind() == ModelKind.VAE);
        robot.clickOn("#sample-codes");
        waitUntil(() -> latent.samplesProperty().get() != null);
        assertEquals(LatentViewModel.STRIP, latent.samplesProperty().get().length);
        // decoding far out on the map is off the prior as well as off the data
        robot.interact(() -> latent.decodeAt(0, 0));
        waitUntil(() -> latent.decodedProperty().get() != null && latent.decodedProperty().get().x() == 0);
        double nearCentre = latent.decodedProperty().get().priorTail();
        assertTrue(nearCentre >= 0 && nearCentre <= 1, "a VAE decode has a prior tail: " + nearCentre);
        robot.interact(() -> latent.decodeAt(1e3, 1e3));
        waitUntil(() -> latent.decodedProperty().get().x() == 1e3);
        assertTrue(latent.decodedProperty().get().priorTail() < LatentViewModel.OFF_PRIOR);
        assertTrue(robot.lookup("#decode-honesty").queryLabeled().getText().contains("Prior"));

        // the noise trail of a VAE carries the outline of its posterior μ ± σ
        var noise = window.noiseViewModel();
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        waitUntil(() -> noise.trailProperty().get() != null && noise.trailProperty().get().posterior() != null);
        assertEquals(72, noise.trailProperty().get().posterior().length);
        Path trailPng = Path.of("target/snapshots/vae-noise-trail.png");
        robot.interact(() -> {
            try {
                Snapshots.write(Snapshots.capture(window), trailPng);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
