package io.github.latentlab.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Reads the mean of named variables as the training step computes them. Why: SameDiff M2.1
 * hands its listeners a loss of 0, and a second forward pass to get it costs about a third of a
 * step. The loss variable itself is not computed while training either (its gradient is 1 by
 * definition), but the inputs of the last op are, since its gradient needs them: graphs name
 * those (e.g. the per-pixel loss) and derive the loss from their means.
 */
final class TrainingLossCapture extends BaseListener {
    private final Set<String> names;
    private final Map<String, Double> values = new HashMap<>();

    TrainingLossCapture(String... names) {
        this.names = Set.of(names);
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(names.toArray(String[]::new)).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (names.contains(varName)) values.put(varName, activation.meanNumber().doubleValue());
    }

    /** The mean of the variable in the last step, NaN if it was not seen (so a missing value is never 0). */
    double value(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    void clear() { values.clear(); }
}
