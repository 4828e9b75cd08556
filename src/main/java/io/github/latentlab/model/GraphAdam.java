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
import org.nd4j.linalg.learning.config.Adam;

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
            if (updater instanceof AdamUpdater adam && adam.getM() != null) {
                adam(p, adam, iteration, epoch);
            } else {
                updater.applyUpdater(p.gradient(), iteration, epoch);
            }
            INDArray value = p.value(), update = p.gradient();
            ops.run(() -> new SubOp(value, update, value), "param -= update", value, update);
        }
        config.incrementIterationCount();
    }

    /**
     * What {@code AdamUpdater.applyUpdater} does (ND4J's adam_updater op on the gradient and the
     * updater's own M and V), on an op built once per variable: building it each step cost about
     * 60 µs a variable ({@link PreparedOps}).
     */
    private void adam(Param p, AdamUpdater adam, int iteration, int epoch) {
        Adam config = adam.getConfig();
        INDArray g = p.gradient(), m = adam.getM(), v = adam.getV();
        ops.runWithArguments(() -> new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(g, v, m,
                        config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(), config.getEpsilon(), iteration),
                new long[] {iteration},
                new double[] {config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(), config.getEpsilon()},
                "adam", g, m, v);
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
