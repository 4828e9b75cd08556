package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * Anomalies found by a trained model (a small autoencoder, a few epochs on built-in digits): among
 * real test digits, a noise image and an inverted digit head both rankings.
 */
class AnomaliesTest {
    @Test
    void noiseAndAnInvertedDigitTopBothRankings() throws InterruptedException {
        DatasetSplit data = TestData.digits(2000, 200);
        Autoencoder model = trained(data);
        Dataset test = withOddOnes(data.test());
        double[] seen = {-1};
        Anomalies.Scores scores = Anomalies.score(model, data.train(), test, 1000,
                (f, msg) -> { assertTrue(f >= seen[0]); seen[0] = f; }, new Cancellation());
        assertEquals(1.0, seen[0], "progress ends at 1");
        assertEquals(1000, scores.trainCompared(), "an even sample of the training images");
        int noise = test.size() - 2;
        int inverted = test.size() - 1;
        for (Anomalies.Ranking by : Anomalies.Ranking.values()) {
            Anomalies.Ranked top = scores.top(by, 2);
            int[] found = top.indices().clone();
            Arrays.sort(found);
            assertTrue(Arrays.equals(new int[] {noise, inverted}, found), by + " ranks " + Arrays.toString(top.indices()));
            assertTrue(top.scores()[0] >= top.scores()[1], "highest first");
            double[] all = scores.of(by).clone();
            Arrays.sort(all);
            double typical = all[all.length / 2];
            assertTrue(top.scores()[1] > 1.5 * typical, by + ": " + top.scores()[1] + " against a median of " + typical);
        }
    }

    @Test
    void aTrainingImageIsAtDistanceZeroAndCancellingStops() {
        Autoencoder model = DenseAutoencoder.create(spec(4), 784, 1); // untrained: only the bookkeeping is tested
        DatasetSplit data = TestData.digits(300, 20);
        Dataset some = TestData.slice(data.train(), 5);
        Anomalies.Scores scores = Anomalies.score(model, data.train(), some, Anomalies.MAX_TRAIN, Progress.NONE,
                new Cancellation());
        for (double d : scores.distance()) assertEquals(0, d, 1e-6, "its own code is in the index");
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(CancellationException.class,
                () -> Anomalies.score(model, data.train(), some, 100, Progress.NONE, cancelled));
    }

    /** A dense autoencoder with an 8-number code, trained 4 epochs on {@code data} (3 s on two cores). */
    private static Autoencoder trained(DatasetSplit data) throws InterruptedException {
        ModelSpec spec = spec(8);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        new Trainer(model, data, new TrainingConfig(spec, 4, 64, 1), new TrainingHistory())
                .run(Trainer.Listener.NONE, Trainer.Control.NONE);
        return model;
    }

    private static ModelSpec spec(int latent) {
        return new ModelSpec(ModelKind.AE, List.of(64), latent, LossKind.MSE, 2e-3, 0);
    }

    /** The test images with a noise image and the first digit inverted (light background, dark strokes) after them. */
    private static Dataset withOddOnes(Dataset test) {
        int p = test.pixelCount();
        int n = test.size();
        float[] pixels = Arrays.copyOf(test.pixels(), (n + 2) * p);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int j = 0; j < p; j++) {
            pixels[n * p + j] = (float) rnd.nextDouble();
            pixels[(n + 1) * p + j] = 1 - test.pixels()[j];
        }
        int[] labels = Arrays.copyOf(test.labels(), n + 2);
        return new Dataset("odd", pixels, labels, test.classNames());
    }
}
