package io.github.latentlab.model;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The optimiser half of a hand-written step on a SameDiff graph ({@link VaeTrainingStep}): a
 * gradient array per trainable variable, and the update SameDiff's
 * own training session makes: the variable's Adam updater from the graph's updater map, then
 * {@code param -= update}, then the iteration count (SameDiff's {@code fit(MultiDataSet)} leaves
 * the epoch count alone). Since the state stays the graph's, a saved model resumes either way.
 */
final class GraphAdam {
    /** A trainable variable: its name, its array (the graph's own) and its gradient. */
    record Param(String name, INDArray value, INDArray gradient) { }

    private final SameDiff sd;
    private final List<Param> params = new ArrayList<>();
    private final PreparedOps ops = new PreparedOps();

    GraphAdam(SameDiff sd) {
        this.sd = sd;
        initializeTraining(sd);
    }

    /** Registers the graph's variable {@code name} and returns it with a gradient array of its shape. */
    Param param(String name) {
        INDArray value = sd.getVariable(name).getArr();
        Param p = new Param(name, value, Nd4j.create(DataType.FLOAT, value.shape()));
        params.add(p);
        return p;
    }

    /** Applies every gradient, as one training iteration. */
    void step() {
        TrainingConfig config = sd.getTrainingConfig();
        int iteration = config.getIterationCount(), epoch = config.getEpochCount();
        for (Param p : params) {
            GradientUpdater<?> updater = sd.getUpdaterMap().get(p.name());
            if (!(updater instanceof AdamUpdater adam && ops.adam(adam, p.gradient(), iteration, epoch))) {
                updater.applyUpdater(p.gradient(), iteration, epoch);
            }
            INDArray value = p.value(), update = p.gradient();
            ops.run(() -> new SubOp(value, update, value), "param -= update", value, update);
        }
        config.incrementIterationCount();
    }

    /**
     * Makes SameDiff create its updaters (zeroed Adam state per variable) if it has not yet, as
     * its first fit would: a fresh graph has none, a graph read with its state has them.
     */
    private static void initializeTraining(SameDiff sd) {
        if (sd.isInitializedTraining()) return;
        try {
            Method m = SameDiff.class.getDeclaredMethod("initializeTraining");
            m.setAccessible(true);
            m.invoke(sd);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not set up SameDiff's updaters", e);
        }
    }
}
