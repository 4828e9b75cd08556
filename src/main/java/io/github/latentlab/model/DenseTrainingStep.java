package io.github.latentlab.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * One Adam step of a {@link DenseAutoencoder} without {@code MultiLayerNetwork.fit}: forward and
 * backward written out as ND4J ops on arrays allocated once per batch size, gradients straight
 * into one flat array laid out as the network's parameters, then the network's own Adam updater
 * over that array and {@code params -= update}.
 *
 * <p>Why: {@code fit} spent about 80% of a step outside the matrix products (per-layer workspace
 * arrays in mixed orders, a Gradient map, per-op shape buffers). This does the same maths in
 * about 25 ops. The parameters, Adam's state and the iteration count stay the network's own, so
 * saving, loading and resuming see no difference, and the step is backend-neutral (ND4J ops only).
 *
 * <p>Same maths as DL4J's: the loss's gradient summed over the batch then divided by its size
 * (as DL4J's updater does), MSE per example over pixels ({@code LossMSE}), BCE from the logits
 * (DL4J clips the sigmoid's output at 1e-5 first, which only changes saturated pixels).
 */
final class DenseTrainingStep {
    private final MultiLayerNetwork net;
    private final LossKind loss;
    private final int layers;
    private final long[] widths; // widths[0] = input size, widths[i] = layer i's output size
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray gradient; // flat, laid out as net.params()
    private final INDArray gradientLikeParams; // the same, shaped as net.params() (rank 1)
    // the gradients' views, transposed: DL4J lays weights out column-major, and a matrix product
    // written into a column-major view took 4-5x as long as one written into its row-major transpose
    private final INDArray[] weightGradientsT; // [out, in], row-major, on the flat gradient
    private final INDArray[] biasGradientsT; // [out, 1]
    private final Map<Long, Buffers> buffers = new HashMap<>(2);
    private final INDArray one = Nd4j.scalar(1f);
    // No BLAS level-1 calls (axpy, dot) in here, though alone they beat ND4J's element-wise ops:
    // products run on oneDNN's OpenMP threads, and each call into OpenBLAS leaves its own threads
    // spinning on the two cores, which cut the step's rate from 17,500 to 9,000 samples/s.

    /**
     * Per batch size: each layer's pre-activation (the last one's logits) and activation, the
     * deltas, a column of ones, the output's difference (also as one row, for its sum of
     * squares), the MSE and BCE sums, and the step's ops built on these arrays.
     */
    record Buffers(INDArray[] pre, INDArray[] act, INDArray[] delta, INDArray diff, INDArray ones, INDArray diffRow,
                   INDArray lossValue, INDArray bceSum, PreparedOps ops) { }

    private DenseTrainingStep(MultiLayerNetwork net, LossKind loss) {
        this.net = net;
        this.loss = loss;
        this.layers = net.getnLayers();
        this.widths = new long[layers + 1];
        this.weights = new INDArray[layers];
        this.biases = new INDArray[layers];
        this.weightGradientsT = new INDArray[layers];
        this.biasGradientsT = new INDArray[layers];
        this.gradient = Nd4j.create(DataType.FLOAT, 1, net.numParams());
        this.gradientLikeParams = gradient.reshape(net.params().shape());
        long offset = 0;
        for (int i = 0; i < layers; i++) {
            Layer layer = net.getLayer(i);
            weights[i] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            widths[i] = weights[i].size(0);
            widths[i + 1] = weights[i].size(1);
            long n = layer.numParams();
            Map<String, INDArray> views = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), gradient.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape(1, n));
            weightGradientsT[i] = views.get(DefaultParamInitializer.WEIGHT_KEY).transpose();
            biasGradientsT[i] = views.get(DefaultParamInitializer.BIAS_KEY).reshape(widths[i + 1], 1);
            offset += n;
        }
    }

    /**
     * The step for {@code net}, or null where it does not apply and {@code fit} must be used:
     * a loss other than MSE or BCE, or an updater split into several blocks.
     */
    static DenseTrainingStep forNetwork(MultiLayerNetwork net, LossKind loss) {
        if (loss != LossKind.MSE && loss != LossKind.BCE) return null;
        if (!(net.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) return null;
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        if (blocks.size() != 1 || blocks.get(0).getParamOffsetStart() != 0
                || blocks.get(0).getParamOffsetEnd() != net.numParams()) {
            return null;
        }
        return new DenseTrainingStep(net, loss);
    }

    /** One step on a batch (input rows, clean target rows); returns the batch's loss per pixel. */
    double fit(INDArray input, INDArray target) {
        long rows = input.size(0);
        Buffers b = buffers.computeIfAbsent(rows, this::allocate);
        double perPixel = forwardAndBackward(input, target, b);
        // the network's own Adam over the flat gradient: its state (and so a checkpoint) is the one fit() keeps
        BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) net.getUpdater();
        int iteration = net.getIterationCount();
        GradientUpdater<?> adam = updater.getUpdaterBlocks().get(0).getGradientUpdater();
        if (!(adam instanceof AdamUpdater a && b.ops.adam(a, gradientLikeParams, iteration, net.getEpochCount()))) {
            adam.applyUpdater(gradient, iteration, net.getEpochCount());
        }
        INDArray params = net.params();
        b.ops.run(() -> new SubOp(params, gradientLikeParams, params), "params -= update", params, gradientLikeParams);
        net.setIterationCount(iteration + 1);
        net.setScore(loss == LossKind.BCE ? perPixel * widths[layers] : perPixel);
        return perPixel;
    }

    /**
     * Forward, loss and backward: fills the flat gradient (already divided by the batch size) and
     * returns the loss per pixel. Package-private so a test can compare it with DL4J's gradient.
     */
    double forwardAndBackward(INDArray input, INDArray target, Buffers b) {
        long rows = input.size(0);
        PreparedOps ops = b.ops;
        ops.keepFor(input, target); // the last, shorter batch of an epoch comes in a new array
        INDArray x = input;
        for (int i = 0; i < layers; i++) {
            INDArray pre = b.pre[i], act = b.act[i], bias = biases[i];
            // not ND4J's XwPlusB: it took 8 ms on the 256→784 layer where this takes 0.5
            ops.gemm(x, weights[i], pre, false, false, 1.0, 0.0);
            ops.pairwise("add", pre, bias, pre);
            if (i == layers - 1) {
                ops.sigmoid(pre, act);
            } else if (i != codeLayer()) {
                ops.relu(pre, act);
            }
            x = act;
        }
        int last = layers - 1;
        long pixels = widths[layers];
        // y − t: through the sigmoid, BCE's gradient is that itself, so BCE writes it straight into its delta
        INDArray out = b.act[last], delta = b.delta[last], diff = loss == LossKind.MSE ? b.diff : delta;
        ops.pairwise("subtract", out, target, diff);
        // The deltas below are the loss's gradient without its constant factor (the batch's mean,
        // and MSE's 2 / pixels): every step below is linear in them, so the factor goes into the
        // weight and bias products' alpha instead of an extra pass over the output.
        double perPixel, scale;
        if (loss == LossKind.MSE) {
            perPixel = ops.sumOfSquares(b.diffRow, b.lossValue) / (pixels * rows);
            scale = 2.0 / (pixels * rows);
            // d/dz through the sigmoid: (y − t)·y·(1 − y), as three passes (ND4J's SigmoidDerivative took twice as long)
            ops.run(() -> new ScalarReverseSubtraction(out, null, delta, 1.0), "1 - y", out, delta);
            ops.pairwise("multiply", delta, out, delta);
            ops.pairwise("multiply", delta, diff, delta);
        } else {
            INDArray logits = b.pre[last];
            ops.run(() -> {
                SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(target, logits, one, LossReduce.SUM, 0.0);
                op.addOutputArgument(b.bceSum);
                return op;
            }, "bce", target, logits, b.bceSum);
            perPixel = b.bceSum.getDouble() / (pixels * rows);
            scale = 1.0 / rows;
        }
        for (int i = last; i >= 0; i--) {
            INDArray below = i == 0 ? input : b.act[i - 1];
            // dW = belowᵀ·δ and db = Σ rows of δ, written as their transposes δᵀ·below and δᵀ·1
            ops.gemm(b.delta[i], below, weightGradientsT[i], true, false, scale, 0.0);
            ops.gemm(b.delta[i], b.ones, biasGradientsT[i], true, false, scale, 0.0); // column sums, as a product
            if (i == 0) break;
            if (i - 1 == codeLayer()) { // linear: the gradient at its output is its delta
                ops.gemm(b.delta[i], weights[i], b.delta[i - 1], false, true, 1.0, 0.0);
            } else { // the activation below is used up (its weight gradient is done): its buffer takes dL/da
                ops.gemm(b.delta[i], weights[i], b.act[i - 1], false, true, 1.0, 0.0);
                ops.reluBackward(b.pre[i - 1], b.act[i - 1], b.delta[i - 1]);
            }
        }
        return perPixel;
    }

    /** The flat gradient of the last {@link #forwardAndBackward}, for tests. */
    INDArray gradientForTest() {
        return gradient;
    }

    private int codeLayer() {
        return (layers - 2) / 2;
    }

    Buffers allocate(long rows) {
        INDArray[] pre = new INDArray[layers];
        INDArray[] act = new INDArray[layers];
        INDArray[] delta = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            pre[i] = Nd4j.create(DataType.FLOAT, rows, widths[i + 1]);
            act[i] = i == codeLayer() ? pre[i] : Nd4j.create(DataType.FLOAT, rows, widths[i + 1]);
            delta[i] = Nd4j.create(DataType.FLOAT, rows, widths[i + 1]);
        }
        INDArray diff = Nd4j.create(DataType.FLOAT, rows, widths[layers]);
        return new Buffers(pre, act, delta, diff, Nd4j.ones(DataType.FLOAT, rows, 1), diff.reshape(1, diff.length()),
                Nd4j.create(DataType.FLOAT, 1, 1), Nd4j.scalar(DataType.FLOAT, 0f), new PreparedOps());
    }
}
