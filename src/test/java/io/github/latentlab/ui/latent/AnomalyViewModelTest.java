package io.github.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.projection.Anomalies;
import io.github.latentlab.ui.PaneTestApp;
import io.github.latentlab.ui.Texts;

/** The latent pane's anomalies without a window: ranked for the map's test images, switched, picked, recomputed only when needed. */
class AnomalyViewModelTest {
    private final PaneTestApp t = new PaneTestApp();
    private final LatentViewModel vm = new LatentViewModel(t.app);
    private final AnomalyViewModel anomalies = vm.anomalies();

    @AfterEach
    void close() { t.close(); }

    @Test
    void theMapsTestImagesAreRankedByEitherScoreAndAPickSelectsOnTheMap() throws Exception {
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        vm.pointsProperty().set(100);
        vm.compute().get();
        assertNull(anomalies.topProperty().get(), "nothing is computed before it is asked for");

        anomalies.show(Anomalies.Ranking.RECONSTRUCTION);
        Anomalies.Scores scores = anomalies.scoresProperty().get();
        assertEquals(100, scores.mse().length, "the images on the map");
        Anomalies.Ranked top = anomalies.topProperty().get();
        assertEquals(AnomalyViewModel.TOP, top.indices().length);
        assertEquals(Arrays.stream(scores.mse()).max().getAsDouble(), top.scores()[0], "the worst rebuilt first");
        Autoencoder model = vm.mapProperty().get().model();
        float[] worst = PaneTestApp.DATA.test().image(top.indices()[0]);
        assertEquals(Metrics.mse(worst, model.reconstruct(new float[][] {worst})[0]), top.scores()[0], 1e-6);
        assertEquals(Texts.format("latent.anomalies.summary", AnomalyViewModel.TOP, 100,
                PaneTestApp.DATA.train().size()), anomalies.statusProperty().get());

        anomalies.rankingProperty().set(Anomalies.Ranking.NEAREST_CODE);
        Anomalies.Ranked byCode = anomalies.topProperty().get();
        assertSame(scores, anomalies.scoresProperty().get(), "switching the ranking computes nothing");
        assertEquals(Arrays.stream(scores.distance()).max().getAsDouble(), byCode.scores()[0]);

        anomalies.select(2);
        assertEquals(2, anomalies.selectedProperty().get());
        assertEquals(byCode.indices()[2], vm.selectedProperty().get(), "picked on the map too");
        assertEquals(LatentViewModel.NEIGHBOURS, vm.neighboursProperty().get().byCode().length);
    }

    @Test
    void aNewFrameOfTheSameMapKeepsTheScoresAndANewModelRedoesThem() throws Exception {
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        vm.pointsProperty().set(100);
        vm.compute().get();
        anomalies.shownProperty().set(true);
        Anomalies.Scores first = anomalies.scoresProperty().get();
        vm.compute().get(); // the same model and images: another map object, as a t-SNE frame is
        assertSame(first, anomalies.scoresProperty().get());

        anomalies.shownProperty().set(false);
        t.show(PaneTestApp.model(ModelKind.VAE, 4));
        vm.compute().get();
        assertSame(first, anomalies.scoresProperty().get(), "nothing is computed while hidden");
        anomalies.shownProperty().set(true);
        assertNotSame(first, anomalies.scoresProperty().get());
        assertNotEquals(first.mse()[0], anomalies.scoresProperty().get().mse()[0]);
    }

    @Test
    void aFailureIsSaidAndNoMapMeansTheFirstTestImages() {
        t.showBroken(PaneTestApp.model(ModelKind.AE, 4));
        anomalies.shownProperty().set(true);
        assertTrue(anomalies.statusProperty().get().startsWith(Texts.format("latent.anomalies.failed", "")),
                anomalies.statusProperty().get());
        assertTrue(!anomalies.computingProperty().get());

        t.show(PaneTestApp.model(ModelKind.AE, 4));
        assertEquals(PaneTestApp.DATA.test().size(), anomalies.scoresProperty().get().mse().length,
                "without a map: as many test images as a map would show");
        assertEquals(-1, anomalies.mapRow(0), "none of them is on a map");
    }
}
