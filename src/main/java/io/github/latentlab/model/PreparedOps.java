package io.github.latentlab.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * ND4J ops built once for a set of arrays, then only run: a training step's cache of its ops.
 *
 * <p>Why: building an ND4J op object costs far more than running it on a small array. Measured
 * on [128, 8] arrays: {@code Nd4j.exec(new RectifiedLinear(x, y, 0))} 48 µs, the same op object run
 * again 3.4 µs; a custom op built each call 61 µs, run through a kept {@link OpContext} 4 µs;
 * {@code Nd4j.gemm} 128×8×256 73 µs, the matmul op through a kept context 24 µs
 * (docs/benchmarks.md, session 10). A step runs about 35 ops. Fewer objects also means less code
 * for the JIT to warm up.
 *
 * <p>An op is looked up by its kind, its parameters and the identity of its arrays, so a call on
 * other arrays builds (and keeps) a new one; the steps pass the same arrays every step. The cache
 * is cleared when it grows past {@link #LIMIT} entries, so arrays made anew each call cost speed,
 * never memory.
 */
final class PreparedOps {
    static final int LIMIT = 512;
    private final Map<Key, Prepared> ops = new HashMap<>();
    private INDArray[] kept;

    /** c = α·op(a)·op(b) + β·c, by ND4J's matmul op (oneDNN on the CPU build, cuBLAS on CUDA). */
    void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        run(() -> DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(c)
                        .addIntegerArguments(transposeA ? 1 : 0, transposeB ? 1 : 0).addFloatingPointArguments(alpha, beta).build(),
                "matmul", a, b, c, transposeA, transposeB, alpha, beta);
    }

    /** out = a ∘ b for an element-wise custom op ("add", "subtract", "multiply"; b may broadcast as a row). */
    void pairwise(String op, INDArray a, INDArray b, INDArray out) {
        run(() -> DynamicCustomOp.builder(op).addInputs(a, b).addOutputs(out).build(), op, a, b, out);
    }

    /** out = x · factor. */
    void scale(INDArray x, double factor, INDArray out) {
        run(() -> new ScalarMultiplication(x, null, out, factor), "scale", x, out, factor);
    }

    /** out = max(x, 0). */
    void relu(INDArray x, INDArray out) {
        run(() -> new RectifiedLinear(x, out, 0.0), "relu", x, out);
    }

    /** out = 1 / (1 + e^−x). */
    void sigmoid(INDArray x, INDArray out) {
        run(() -> new Sigmoid(x, out), "sigmoid", x, out);
    }

    /** gIn = gOut where pre > 0, else 0, by relu_bp (ThresholdReluBp gives the same, 4 times slower); gIn may be gOut. */
    void reluBackward(INDArray pre, INDArray gOut, INDArray gIn) {
        run(() -> DynamicCustomOp.builder("relu_bp").addInputs(pre, gOut).addOutputs(gIn).addFloatingPointArguments(0.0).build(),
                "relu'", pre, gOut, gIn);
    }

    /**
     * Σ row², as the row times itself into {@code scalar} ([1, 1]): ND4J's norm2 took 0.9 ms on
     * 100,000 values, the product 0.3.
     */
    double sumOfSquares(INDArray row, INDArray scalar) {
        gemm(row, row, scalar, false, true, 1.0, 0.0);
        return scalar.getDouble(0);
    }

    /**
     * Runs the op {@code build} makes, built on the first call with these key parts (the op's
     * kind, arrays and parameters: everything {@code build} reads).
     */
    void run(Supplier<?> build, Object... key) {
        prepared(build, key).run.run();
    }

    /**
     * As {@link #run}, for a custom op whose integer and floating-point arguments change from
     * call to call (Adam's iteration and learning rate): they are set on its context each time.
     */
    void runWithArguments(Supplier<? extends CustomOp> build, long[] iArgs, double[] tArgs, Object... key) {
        Prepared p = prepared(build, key);
        p.context.setIArguments(iArgs);
        p.context.setTArguments(tArgs);
        p.run.run();
    }

    private Prepared prepared(Supplier<?> build, Object... key) {
        Key k = new Key(key);
        Prepared op = ops.get(k);
        if (op == null) {
            if (ops.size() >= LIMIT) ops.clear();
            op = prepare(build.get());
            ops.put(k, op);
        }
        return op;
    }

    /**
     * One Adam update of {@code gradient} in place, as {@code AdamUpdater.applyUpdater} makes it
     * (ND4J's adam_updater op on the updater's own M and V), on an op built once: building it each
     * step cost about 60 µs. Returns false, doing nothing, if the updater has no state yet.
     */
    boolean adam(AdamUpdater updater, INDArray gradient, int iteration, int epoch) {
        INDArray m = updater.getM(), v = updater.getV();
        if (m == null || v == null) return false;
        Adam config = updater.getConfig();
        double rate = config.getLearningRate(iteration, epoch);
        runWithArguments(() -> new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(gradient, v, m, rate, config.getBeta1(),
                        config.getBeta2(), config.getEpsilon(), iteration),
                new long[] {iteration}, new double[] {rate, config.getBeta1(), config.getBeta2(), config.getEpsilon()},
                "adam", gradient, m, v);
        return true;
    }

    /** A built op: how to run it, and its context if it is a custom op. */
    private record Prepared(Runnable run, OpContext context) { }

    /**
     * Forgets every op if any of {@code arrays} is not what the last call passed: for a step's
     * inputs, which come in a new array now and then (the short last batch of an epoch), so that
     * ops built on old inputs do not keep them alive.
     */
    void keepFor(INDArray... arrays) {
        if (kept != null && kept.length == arrays.length) {
            boolean same = true;
            for (int i = 0; i < arrays.length; i++) same &= kept[i] == arrays[i];
            if (same) return;
        }
        ops.clear();
        kept = arrays.clone();
    }

    int size() {
        return ops.size();
    }

    /** A legacy {@link Op} runs again as it is; a {@link CustomOp} through a context holding its arrays and arguments. */
    private static Prepared prepare(Object built) {
        if (built instanceof Op op) return new Prepared(() -> Nd4j.exec(op), null);
        CustomOp custom = (CustomOp) built;
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(custom.inputArguments().toArray(new INDArray[0]));
        context.setOutputArrays(custom.outputArguments().toArray(new INDArray[0]));
        context.setIArguments(custom.iArgs());
        context.setTArguments(custom.tArgs());
        context.setBArguments(custom.bArgs());
        return new Prepared(() -> Nd4j.getExecutioner().exec(custom, context), context);
    }

    /** Key parts compared by identity for arrays (their equals compares contents), by value otherwise. */
    private static final class Key {
        private final Object[] parts;
        private final int hash;

        Key(Object[] parts) {
            this.parts = parts;
            int h = 1;
            for (Object p : parts) h = 31 * h + (p instanceof INDArray ? System.identityHashCode(p) : p.hashCode());
            hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key other) || other.parts.length != parts.length) return false;
            for (int i = 0; i < parts.length; i++) {
                Object a = parts[i], b = other.parts[i];
                if (a instanceof INDArray || b instanceof INDArray ? a != b : !a.equals(b)) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}
