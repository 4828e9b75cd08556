package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written conv step must be SameDiff's: from a model read back with its Adam state,
 * each step's loss, and after several steps every parameter, Adam's state and the counts, match
 * the graph's own {@code fit}; one and two levels, MSE and BCE, a short last batch.
 */
class ConvTrainingStepTest {
    private static INDArray batch(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[rows][784];
        for (float[] row : x) for (int j = 0; j < 784; j++) row[j] = r.nextInt(3) == 0 ? 0f : (float) r.nextDouble();
        return Nd4j.create(x);
    }

    @ParameterizedTest
    @CsvSource({"MSE, 8;12", "BCE, 8;12", "MSE, 6"})
    void stepsMatchSameDiffFit(LossKind loss, String hidden) throws Exception {
        List<Integer> levels = java.util.Arrays.stream(hidden.split(";")).map(Integer::valueOf).toList();
        ModelSpec spec = new ModelSpec(ModelKind.CONV, levels, 4, loss, 3e-3, 0);
        ConvAutoencoder trained = ConvAutoencoder.create(spec, 784, 5);
        for (int s = 0; s < 2; s++) trained.fit(batch(12, s), batch(12, s));
        ConvAutoencoder reference = trained.copy(), ours = trained.copy();
        reference.trainViaSameDiff();
        for (int s = 0; s < 4; s++) {
            int rows = s == 3 ? 5 : 12;
            INDArray x = batch(rows, 30 + s);
            double expected = reference.fit(x, x);
            double actual = ours.fit(x, x);
            assertEquals(expected, actual, 1e-4 * Math.abs(expected), "loss at step " + s);
        }
        assertEquals(reference.sd.getTrainingConfig().getIterationCount(), ours.sd.getTrainingConfig().getIterationCount());
        assertEquals(reference.sd.getTrainingConfig().getEpochCount(), ours.sd.getTrainingConfig().getEpochCount());
        for (SDVariable v : reference.sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) continue;
            assertClose(v.getArr(), ours.sd.getVariable(v.name()).getArr(), v.name());
            Map<String, INDArray> expectedState = reference.sd.getUpdaterMap().get(v.name()).getState();
            Map<String, INDArray> actualState = ours.sd.getUpdaterMap().get(v.name()).getState();
            for (String k : expectedState.keySet()) assertClose(expectedState.get(k), actualState.get(k), v.name() + " Adam " + k);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.norm2Number().doubleValue();
        double gap = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(gap <= 2e-5 * scale + 1e-7, what + " differ by " + gap + " of " + scale);
    }
}
