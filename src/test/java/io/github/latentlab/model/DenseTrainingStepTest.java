package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written step must be DL4J's step: the same loss and gradient on a batch, and after a
 * few Adam steps the same parameters and Adam state as {@code MultiLayerNetwork.fit}.
 */
class DenseTrainingStepTest {
    private static final int PIXELS = 784;

    private static ModelSpec spec(LossKind loss) {
        return new ModelSpec(ModelKind.AE, List.of(48, 24), 5, loss, 1e-3, 0);
    }

    private static INDArray batch(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[rows][PIXELS];
        for (float[] row : x) for (int j = 0; j < PIXELS; j++) row[j] = r.nextInt(3) == 0 ? 0f : (float) r.nextDouble();
        return Nd4j.create(x);
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"MSE", "BCE"})
    void gradientAndLossAreDl4js(LossKind loss) {
        MultiLayerNetwork net = DenseAutoencoder.create(spec(loss), PIXELS, 3).network();
        INDArray x = batch(17, 5), y = batch(17, 6);
        DenseTrainingStep step = DenseTrainingStep.forNetwork(net, loss);
        assertNotNull(step);
        double perPixel = step.forwardAndBackward(x, y, step.allocate(17));
        INDArray ours = step.gradientForTest().mul(17); // DL4J's gradient is summed over the batch

        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray theirs = net.getFlattenedGradients();
        double score = loss == LossKind.BCE ? net.score() / PIXELS : net.score();
        assertEquals(score, perPixel, 1e-5 * Math.abs(score));
        double scale = theirs.norm2Number().doubleValue();
        double gap = ours.sub(theirs).norm2Number().doubleValue();
        assertTrue(gap <= 1e-4 * scale, "gradient differs from DL4J's by " + gap + " of " + scale);
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"MSE", "BCE"})
    void stepsMatchFitIncludingAdamState(LossKind loss) {
        DenseAutoencoder a = DenseAutoencoder.create(spec(loss), PIXELS, 7);
        MultiLayerNetwork viaFit = a.network().clone();
        MultiLayerNetwork viaStep = a.network().clone();
        DenseTrainingStep step = DenseTrainingStep.forNetwork(viaStep, loss);
        for (int s = 0; s < 5; s++) {
            int rows = s == 4 ? 9 : 32; // a short last batch gets its own buffers
            INDArray x = batch(rows, 100 + s);
            viaFit.fit(x, x);
            double ours = step.fit(x, x);
            assertEquals(viaFit.score(), viaStep.score(), 1e-4 * viaFit.score(), "score at step " + s);
            assertTrue(Double.isFinite(ours));
        }
        assertEquals(viaFit.getIterationCount(), viaStep.getIterationCount());
        assertClose(viaFit.params(), viaStep.params(), "parameters");
        assertClose(viaFit.getUpdater().getStateViewArray(), viaStep.getUpdater().getStateViewArray(), "Adam state");
    }

    @Test
    void aLossWithoutTheStepFallsBackToFit() {
        ModelSpec ssim = new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE_SSIM, 1e-3, 0);
        assertNull(DenseTrainingStep.forNetwork(DenseAutoencoder.create(ssim, PIXELS, 1).network(), LossKind.MSE_SSIM));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.norm2Number().doubleValue();
        double gap = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(gap <= 1e-5 * scale, what + " differ by " + gap + " of " + scale);
    }
}
