package io.github.latentlab.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Zeroes Adam state that has decayed towards the subnormal floats, every {@value #EVERY} steps.
 *
 * <p>Why: where a parameter's gradient turns exactly zero (a pixel that is dark in every image
 * since, a ReLU that died), Adam's moments shrink by β each step (0.9, 0.999) until they are
 * subnormal, and there they stick: 0.9 times the smallest subnormal rounds back to itself.
 * Arithmetic on subnormals is several times slower on x86, so after about 700 steps ND4J's Adam
 * op took 13-15 ms instead of 2-3 (405,000 parameters, measured in docs/benchmarks.md), nearly
 * half of every step from then on. Hardware flush-to-zero would do what this does, but ND4J's
 * native threads cannot be switched to it from Java. Values below {@value #BELOW} add nothing to
 * an update (Adam divides by at least ε = 1e-8), and in {@value #EVERY} steps at β = 0.9 a value
 * at the threshold falls only to about 3e-35, still a normal float. One ND4J op per state array,
 * so it runs on any backend.
 */
final class SubnormalFlush {
    static final int EVERY = 100;
    static final double BELOW = 1e-30;

    private SubnormalFlush() { }

    /** True at the iterations where the state is flushed. */
    static boolean due(int iteration) {
        return iteration > 0 && iteration % EVERY == 0;
    }

    /** Sets every element with |x| below {@link #BELOW} to zero, in place. */
    static void zeroTiny(INDArray array) {
        Nd4j.exec(new CompareAndSet(array, 0.0, Conditions.absLessThan(BELOW)));
    }

    /** The network's whole updater state (one flat array), if this iteration is due. */
    static void ifDue(MultiLayerNetwork net) {
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        if (due(net.getIterationCount()) && state != null) zeroTiny(state);
    }

    /** Every variable's updater state in the graph, if this iteration is due. */
    static void ifDue(SameDiff sd) {
        if (sd.getTrainingConfig() == null || sd.getUpdaterMap() == null) return;
        if (!due(sd.getTrainingConfig().getIterationCount())) return;
        for (GradientUpdater<?> updater : sd.getUpdaterMap().values()) {
            if (updater.getState() == null) continue;
            for (INDArray state : updater.getState().values()) zeroTiny(state);
        }
    }
}
