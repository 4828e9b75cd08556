package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Adam state stuck in the subnormal floats (where gradients turned exactly zero) is zeroed every
 * {@link SubnormalFlush#EVERY} steps, by every model kind's training step, and nothing else is
 * touched.
 */
class SubnormalFlushTest {
    private static final float SUBNORMAL = Float.MIN_VALUE; // what 0.9 × itself rounds back to

    @Test
    void zeroesOnlyValuesBelowTheThreshold() {
        INDArray a = Nd4j.create(new float[] {1e-40f, -SUBNORMAL, 1e-3f, 0f, -2e-30f, 5e-31f, -7f});
        SubnormalFlush.zeroTiny(a);
        assertArrayEquals(new float[] {0f, 0f, 1e-3f, 0f, -2e-30f, 0f, -7f}, a.toFloatVector());
    }

    @Test
    void denseStepFlushesOnlyWhenDue() {
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0);
        for (int before : new int[] {SubnormalFlush.EVERY - 1, SubnormalFlush.EVERY - 2}) {
            DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 1);
            MultiLayerNetwork net = ae.network();
            INDArray x = darkFirstPixel(16);
            ae.fit(x, x); // creates the updater
            net.getUpdater().getStateViewArray().assign(SUBNORMAL);
            net.setIterationCount(before);
            ae.fit(x, x);
            long tiny = tinyNonZero(List.of(net.getUpdater().getStateViewArray()));
            if (SubnormalFlush.due(before + 1)) {
                assertEquals(0, tiny, "subnormal Adam state left after a due step");
            } else {
                assertTrue(tiny > 0, "the dark pixel's weights keep subnormal state between flushes");
            }
        }
    }

    @Test
    void vaeAndConvStepsFlushTheGraphsState() {
        List<TrainableAutoencoder> models = List.of(
                VariationalAutoencoder.create(new ModelSpec(ModelKind.VAE, List.of(32), 4, LossKind.BCE, 1e-3, 0), 784, 2),
                ConvAutoencoder.create(new ModelSpec(ModelKind.CONV, List.of(4), 4, LossKind.MSE, 1e-3, 0), 784, 3));
        for (TrainableAutoencoder model : models) {
            SameDiff sd = ((SameDiffAutoencoder) model).sd;
            INDArray x = darkFirstPixel(8);
            model.fit(x, x);
            List<INDArray> states = graphState(sd);
            states.forEach(s -> s.assign(SUBNORMAL));
            assertTrue(tinyNonZero(states) > 0);
            sd.getTrainingConfig().setIterationCount(SubnormalFlush.EVERY - 1);
            model.fit(x, x);
            assertEquals(0, tinyNonZero(graphState(sd)), model.spec().kind() + ": subnormal Adam state left");
        }
    }

    /** Random images whose first pixel is dark in all of them, so its weights get a zero gradient. */
    private static INDArray darkFirstPixel(int rows) {
        INDArray x = TestArrays.batch(rows, 11);
        x.getColumn(0).assign(0);
        return x;
    }

    private static List<INDArray> graphState(SameDiff sd) {
        List<INDArray> states = new ArrayList<>();
        for (GradientUpdater<?> u : sd.getUpdaterMap().values()) states.addAll(u.getState().values());
        return states;
    }

    private static long tinyNonZero(List<INDArray> arrays) {
        long n = 0;
        for (INDArray a : arrays) {
            for (float v : a.dup().reshape(a.length()).toFloatVector()) {
                if (v != 0 && Math.abs(v) < SubnormalFlush.BELOW) n++;
            }
        }
        return n;
    }
}
