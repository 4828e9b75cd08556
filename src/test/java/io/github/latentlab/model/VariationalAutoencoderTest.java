package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;

@Tag("slow")
class VariationalAutoencoderTest {
    @TempDir Path dir;

    private static final Trainer.Listener QUIET = new Trainer.Listener() {
        @Override public void onIteration(long i, int e, double p, double l, double s) { }
        @Override public void onEpoch(EpochRecord r) { }
    };

    private static VariationalAutoencoder train(double beta, DatasetSplit data, int epochs) throws Exception {
        ModelSpec spec = new ModelSpec(ModelKind.VAE, List.of(128), 4, LossKind.BCE, 2e-3, 0,
                NoiseKind.GAUSSIAN, beta);
        VariationalAutoencoder vae = VariationalAutoencoder.create(spec, 784, 1);
        TrainingHistory history = new TrainingHistory();
        Trainer.Outcome o = new Trainer(vae, data, new TrainingConfig(spec, epochs, 64, 1), history)
                .run(QUIET, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, o.status(), o.message());
        // the training loss reported per step is the real one (SameDiff's listener value reads 0)
        double first = history.points().get(0).loss(), last = history.epochs().get(epochs - 1).trainLoss();
        assertTrue(first > 0.3 && last > 0 && Double.isFinite(last), "per-pixel loss " + first + " → " + last);
        return vae;
    }

    @Test
    void lossFallsKlStaysNonNegativeAndSamplesRepeatForASeed() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        var testBatch = Nd4j.create(data.test().images(IntStream.range(0, 200).toArray()));
        ModelSpec spec = new ModelSpec(ModelKind.VAE, List.of(128), 4, LossKind.BCE, 2e-3, 0,
                NoiseKind.GAUSSIAN, 1);
        VariationalAutoencoder untrained = VariationalAutoencoder.create(spec, 784, 1);
        var before = untrained.lossParts(testBatch);
        VariationalAutoencoder vae = train(1, data, 3);
        var after = vae.lossParts(testBatch);
        assertTrue(after.total(1) < before.total(1) * 0.6, "loss per image " + before + " → " + after);
        assertTrue(after.kl() >= 0, "KL " + after.kl());
        assertArrayEquals(vae.sample(3, 9)[2], vae.sample(3, 9)[2]);
        assertFalse(Arrays.equals(vae.sample(3, 9)[0], vae.sample(3, 10)[0]));
        assertEquals(4, vae.encode(data.test().images(new int[] {0}))[0].length);
        for (float s : vae.encodeSigma(data.test().images(new int[] {0}))[0]) assertTrue(s > 0);
    }

    @Test
    void withBetaZeroTheKlIsIgnoredAndReconstructionGetsBetter() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        var testBatch = Nd4j.create(data.test().images(IntStream.range(0, 200).toArray()));
        double mseBeta0 = Evaluation.of(train(0, data, 3), data.test()).mse();
        double mseBeta1 = Evaluation.of(train(1, data, 3), data.test()).mse();
        // without the KL pull towards N(0, I) the code is free to carry more: like a plain AE
        assertTrue(mseBeta0 < mseBeta1, "MSE β=0 " + mseBeta0 + " vs β=1 " + mseBeta1);
        assertTrue(testBatch.rows() == 200);
    }

    @Test
    void aLargeBetaIsNotMistakenForADivergedRun() throws Exception {
        // β 10 squeezes the codes towards N(0, I): outputs grow alike, but training must go on
        VariationalAutoencoder vae = train(10, TestData.digits(1000, 100), 2);
        assertTrue(vae.parametersFinite());
    }

    @Test
    void saveThenLoadGivesTheSameDecoder() throws Exception {
        DatasetSplit data = TestData.digits(1000, 100);
        VariationalAutoencoder vae = train(1, data, 1);
        Path file = dir.resolve("vae.llab");
        ModelStore.save(file, vae, new ModelMetadata(vae.spec(), 784, "test-digits", "", 1, 64, List.of(), List.of(),
                Instant.now(), "test"));
        SavedModel loaded = ModelStore.load(file);
        assertEquals(ModelKind.VAE, loaded.metadata().spec().kind());
        float[][] z = {{0.5f, -1, 0, 2}};
        assertArrayEquals(vae.decode(z)[0], loaded.model().decode(z)[0], 1e-6f);
        assertArrayEquals(vae.copy().decode(z)[0], vae.decode(z)[0], 1e-6f);
    }
}
