package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"MSE", "BCE"})
    void gradientAndLossAreDl4js(LossKind loss) {
        MultiLayerNetwork net = DenseAutoencoder.create(spec(loss), PIXELS, 3).network();
        INDArray x = TestArrays.batch(17, 5), y = TestArrays.batch(17, 6);
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
            INDArray x = TestArrays.batch(rows, 100 + s);
            viaFit.fit(x, x);
            double ours = step.fit(x, x);
            assertEquals(viaFit.score(), viaStep.score(), 1e-4 * viaFit.score(), "score at step " + s);
            assertTrue(Double.isFinite(ours));
        }
        assertEquals(viaFit.getIterationCount(), viaStep.getIterationCount());
        TestArrays.assertClose(viaFit.params(), viaStep.params(), 1e-5, "parameters");
        TestArrays.assertClose(viaFit.getUpdater().getStateViewArray(), viaStep.getUpdater().getStateViewArray(), 1e-5, "Adam state");
    }

    @Test
    void aLossWithoutTheStepFallsBackToFit() {
        ModelSpec ssim = new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE_SSIM, 1e-3, 0);
        assertNull(DenseTrainingStep.forNetwork(DenseAutoencoder.create(ssim, PIXELS, 1).network(), LossKind.MSE_SSIM));
    }

}
