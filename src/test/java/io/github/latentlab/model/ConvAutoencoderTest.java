package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;

class ConvAutoencoderTest {
    private static final ModelSpec SPEC = new ModelSpec(ModelKind.CONV, List.of(8, 16), 8, LossKind.MSE, 2e-3, 0);

    @Test
    void outputHasTheShapeOfTheInputAndCodesHaveTheLatentSize() {
        ConvAutoencoder conv = ConvAutoencoder.create(SPEC, 784, 3);
        float[][] images = TestData.digits(10, 10).test().images(new int[] {0, 1, 2});
        float[][] out = conv.reconstruct(images);
        assertEquals(3, out.length);
        assertEquals(784, out[0].length);
        for (float v : out[0]) assertTrue(v >= 0 && v <= 1, "sigmoid output " + v);
        assertEquals(8, conv.encode(images)[0].length);
        assertEquals(784, conv.decode(new float[][] {new float[8]})[0].length);
    }

    @Test
    void decodingTheCodeGivesTheReconstruction() {
        ConvAutoencoder conv = ConvAutoencoder.create(SPEC, 784, 3);
        float[][] images = TestData.digits(10, 10).test().images(new int[] {4, 5});
        assertArrayEquals(conv.reconstruct(images)[1], conv.decode(conv.encode(images))[1], 1e-5f);
    }

    @Test
    void rejectsChannelListsItCannotBuild() {
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.CONV, List.of(8, 16, 32), 8, LossKind.MSE, 1e-3, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.CONV, List.of(), 8, LossKind.MSE, 1e-3, 0));
        assertThrows(IllegalArgumentException.class, () -> ConvAutoencoder.create(SPEC, 30 * 30, 1));
    }

    @Test
    void aNoiseLevelMakesItADenoisingModel() {
        ModelSpec plain = new ModelSpec(ModelKind.CONV, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0);
        ModelSpec noisy = new ModelSpec(ModelKind.CONV, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0.4, NoiseKind.GAUSSIAN);
        assertTrue(!plain.denoising() && noisy.denoising());
        assertTrue(noisy.describe(784).contains("σ 0.4"), noisy.describe(784));
    }

    @Tag("slow")
    @Test
    void trainingLowersTheTestLossAndSavedModelsDecodeTheSame(@TempDir Path dir) throws Exception {
        DatasetSplit data = TestData.digits(3000, 300);
        ConvAutoencoder conv = ConvAutoencoder.create(SPEC, 784, 3);
        double before = Evaluation.of(conv, data.test()).mse();
        TrainingHistory history = new TrainingHistory();
        Trainer.Outcome o = new Trainer(conv, data, new TrainingConfig(SPEC, 2, 64, 3), history)
                .run(Trainer.Listener.NONE, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, o.status(), o.message());
        double after = history.epochs().get(1).testMse();
        assertTrue(after < before * 0.5, "test MSE " + before + " → " + after);
        assertTrue(history.points().stream().allMatch(p -> Double.isFinite(p.loss()) && p.loss() > 0),
                "every step reports its loss");

        Path file = dir.resolve("conv.llab");
        ModelStore.save(file, conv, new ModelMetadata(SPEC, 784, data.id(), "", 3, 64, history.epochs(),
                history.points(), Instant.now(), "test"));
        SavedModel loaded = ModelStore.load(file);
        assertEquals(ModelKind.CONV, loaded.metadata().spec().kind());
        float[][] z = {{0.5f, -1, 0, 1, 0.2f, 0, 0, 0.3f}};
        assertArrayEquals(conv.decode(z)[0], loaded.model().decode(z)[0], 1e-6f);
    }
}
