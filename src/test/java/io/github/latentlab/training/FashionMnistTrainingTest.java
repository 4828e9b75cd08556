package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * The tutorial's model on real data: Fashion-MNIST from Debian's package (installed by .ci/run),
 * 784-256-8-256-784, one epoch of all 60,000 images. Skipped where the package is missing.
 */
@Tag("slow")
class FashionMnistTrainingTest {
    @Test
    void oneEpochOnTheFullTrainingSetReachesTutorialQuality() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "dataset-fashion-mnist not installed");
        DatasetSplit data = new DatasetCatalog().load("fashion-mnist", null, Progress.NONE, new Cancellation());
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 42);
        TrainingHistory history = new TrainingHistory();
        Trainer.Outcome outcome = new Trainer(model, data, new TrainingConfig(spec, 1, 128, 42), history)
                .run(new Trainer.Listener() {
                    @Override public void onIteration(long i, int e, double p, double l, double s) { }
                    @Override public void onEpoch(EpochRecord r) { }
                }, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        double mse = Evaluation.of(model, data.test()).mse();
        // measured here: ~0.020 after one epoch (PyTorch reaches the same); the mean image gives ~0.09
        assertTrue(mse < 0.03, "test MSE after one epoch: " + mse);
    }
}
