package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.github.latentlab.data.noise.NoiseKind;

/**
 * The hand-written VAE step must be SameDiff's: from the same model and the same ε, each step's
 * two loss terms, and after several steps every parameter, Adam's state and the counts, match
 * the graph's own {@code fit}. Also from a model read back with its Adam state (a resume).
 */
class VaeTrainingStepTest {
    private static final int PIXELS = 784;

    @ParameterizedTest
    @CsvSource({"BCE, 1.0, 48;24", "MSE, 0.5, 32", "BCE, 0.0, 40"})
    void stepsMatchSameDiffFit(LossKind loss, double beta, String hidden) throws Exception {
        List<Integer> layers = java.util.Arrays.stream(hidden.split(";")).map(Integer::valueOf).toList();
        ModelSpec spec = new ModelSpec(ModelKind.VAE, layers, 3, loss, 2e-3, 0, NoiseKind.GAUSSIAN, beta);
        VariationalAutoencoder ours = VariationalAutoencoder.create(spec, PIXELS, 11);
        for (int s = 0; s < 3; s++) ours.fit(TestArrays.batch(16, s), TestArrays.batch(16, s)); // then compare from a trained state
        VariationalAutoencoder reference = ours.copy(); // read back with Adam's state, as a resume is
        VariationalAutoencoder resumed = ours.copy();
        reference.trainViaSameDiff();
        for (VariationalAutoencoder v : List.of(reference, resumed)) v.beginEpoch(2); // the same ε stream
        for (int s = 0; s < 4; s++) {
            int rows = s == 3 ? 7 : 16;
            INDArray x = TestArrays.batch(rows, 50 + s);
            double expected = reference.fit(x, x);
            double actual = resumed.fit(x, x);
            assertEquals(expected, actual, 1e-4 * Math.abs(expected), "loss at step " + s);
            assertEquals(reference.lastLossParts()[1], resumed.lastLossParts()[1], 1e-4 * Math.abs(expected) + 1e-7, "KL at step " + s);
        }
        assertEquals(reference.sd.getTrainingConfig().getIterationCount(), resumed.sd.getTrainingConfig().getIterationCount());
        assertEquals(reference.sd.getTrainingConfig().getEpochCount(), resumed.sd.getTrainingConfig().getEpochCount());
        for (SDVariable v : reference.sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) continue;
            TestArrays.assertClose(v.getArr(), resumed.sd.getVariable(v.name()).getArr(), 2e-5, v.name());
            Map<String, INDArray> expectedState = reference.sd.getUpdaterMap().get(v.name()).getState();
            Map<String, INDArray> actualState = resumed.sd.getUpdaterMap().get(v.name()).getState();
            for (String k : expectedState.keySet()) TestArrays.assertClose(expectedState.get(k), actualState.get(k), 2e-5, v.name() + " Adam " + k);
        }
    }

}
