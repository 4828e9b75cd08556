package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.metrics.Ssim;

/** The MSE + λ·(1 − SSIM) loss: its value against the reference metrics, its gradient, and models that use it. */
class MseSsimLossTest {
    @TempDir Path dir;

    @Test
    void scorePerImageIsMsePlusWeightedOneMinusReferenceSsim() {
        NativeRuntime.init();
        float[][] target = SsimGraphTest.images(3, 28, 5), out = SsimGraphTest.images(3, 28, 6);
        float[][] logits = new float[3][784];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 784; i++) {
                float y = 0.02f + 0.96f * out[k][i];
                logits[k][i] = (float) Math.log(y / (1 - y));
                out[k][i] = (float) (1 / (1 + Math.exp(-logits[k][i])));
            }
        }
        INDArray scores = new MseSsimLoss(0.7, 28).computeScoreArray(Nd4j.create(target), Nd4j.create(logits),
                new ActivationSigmoid(), null);
        for (int k = 0; k < 3; k++) {
            double expected = Metrics.mse(target[k], out[k]) + 0.7 * (1 - Ssim.ssim(target[k], out[k], 28));
            assertEquals(expected, scores.getDouble(k), 1e-4);
        }
    }

    /** DL4J wants dLoss/dPreOutput per image (it averages over the batch itself): checked by central differences. */
    @Test
    void gradientWithRespectToThePreOutputMatchesFiniteDifferences() {
        NativeRuntime.init();
        int side = 12;
        INDArray labels = Nd4j.create(SsimGraphTest.images(2, side, 7)).castTo(DataType.DOUBLE);
        INDArray pre = Nd4j.create(SsimGraphTest.images(2, side, 8)).castTo(DataType.DOUBLE).subi(0.5).muli(4);
        MseSsimLoss loss = new MseSsimLoss(0.5, side);
        ActivationSigmoid sigmoid = new ActivationSigmoid();
        INDArray grad = loss.computeGradient(labels, pre.dup(), sigmoid, null);
        double eps = 1e-6;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < side * side; i += 5) {
                double orig = pre.getDouble(k, i);
                pre.putScalar(k, i, orig + eps);
                double up = loss.computeScore(labels, pre.dup(), sigmoid, null, false);
                pre.putScalar(k, i, orig - eps);
                double down = loss.computeScore(labels, pre.dup(), sigmoid, null, false);
                pre.putScalar(k, i, orig);
                assertEquals((up - down) / (2 * eps), grad.getDouble(k, i), 1e-7, "pixel " + i + " of image " + k);
            }
        }
    }

    /** Dense and conv models train with it, copy, and keep λ through a model file. */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"AE", "CONV"})
    void modelsTrainWithItAndKeepTheWeightThroughAFile(ModelKind kind) throws Exception {
        ModelSpec spec = new ModelSpec(kind, kind == ModelKind.CONV ? List.of(4, 8) : List.of(32), 4, LossKind.MSE_SSIM,
                1e-3, 0, io.github.latentlab.data.noise.NoiseKind.GAUSSIAN, 1, 0.3);
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, 784, 3);
        INDArray batch = Nd4j.create(SsimGraphTest.images(8, 28, 9));
        double first = model.fit(batch, batch);
        double last = first;
        for (int i = 0; i < 20; i++) last = model.fit(batch, batch);
        assertTrue(Double.isFinite(first) && last < first, "loss " + first + " → " + last);
        TrainableAutoencoder copy = model.copy();
        assertTrue(Double.isFinite(copy.fit(batch, batch)));

        Path file = dir.resolve(kind.id() + ".llab");
        ModelStore.save(file, model, new ModelMetadata(spec, 784, "builtin-digits", "", 3, 8, List.of(), List.of(),
                Instant.now(), "test"));
        SavedModel loaded = ModelStore.load(file);
        assertEquals(spec, loaded.metadata().spec());
        assertEquals(0.3, loaded.model().spec().ssimWeight());
        float[][] probe = SsimGraphTest.images(2, 28, 10);
        float[][] before = model.reconstruct(probe), after = loaded.model().reconstruct(probe);
        for (int k = 0; k < 2; k++) assertArrayEquals(before[k], after[k], 1e-6f);
        assertTrue(Double.isFinite(((TrainableAutoencoder) loaded.model()).fit(batch, batch)), "a loaded model trains on");
    }

    @Test
    void theSpecRejectsABadWeightAndTheVae() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE_SSIM,
                1e-3, 0, io.github.latentlab.data.noise.NoiseKind.GAUSSIAN, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE_SSIM,
                1e-3, 0, io.github.latentlab.data.noise.NoiseKind.GAUSSIAN, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(ModelKind.VAE, List.of(32), 4, LossKind.MSE_SSIM,
                1e-3, 0));
        assertEquals(new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0),
                new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0,
                        io.github.latentlab.data.noise.NoiseKind.GAUSSIAN, 1, 3), "λ means nothing to plain MSE");
    }
}
