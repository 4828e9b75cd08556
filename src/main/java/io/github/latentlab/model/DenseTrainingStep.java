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
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

    /** Per batch size: each layer's pre-activation (the last one's logits) and activation, the deltas, and a column of ones. */
    record Buffers(INDArray[] pre, INDArray[] act, INDArray[] delta, INDArray diff, INDArray ones) { }

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
        updater.getUpdaterBlocks().get(0).getGradientUpdater().applyUpdater(gradient, iteration, net.getEpochCount());
        net.params().subi(gradientLikeParams);
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
        INDArray x = input;
        for (int i = 0; i < layers; i++) {
            // not ND4J's XwPlusB: it took 8 ms on the 256→784 layer where this takes 0.5
            Nd4j.gemm(x, weights[i], b.pre[i], false, false, 1.0, 0.0);
            b.pre[i].addiRowVector(biases[i]);
            if (i == layers - 1) {
                Nd4j.exec(new Sigmoid(b.pre[i], b.act[i]));
            } else if (i != codeLayer()) {
                Nd4j.exec(new RectifiedLinear(b.pre[i], b.act[i], 0.0));
            }
            x = b.act[i];
        }
        int last = layers - 1;
        long pixels = widths[layers];
        INDArray out = b.act[last];
        b.diff.assign(out).subi(target); // y − t
        // The deltas below are the loss's gradient without its constant factor (the batch's mean,
        // and MSE's 2 / pixels): every step below is linear in them, so the factor goes into the
        // weight and bias products' alpha instead of an extra pass over the output.
        double perPixel, scale;
        if (loss == LossKind.MSE) {
            double norm = b.diff.norm2Number().doubleValue();
            perPixel = norm * norm / (pixels * rows);
            scale = 2.0 / (pixels * rows);
            // d/dz through the sigmoid: (y − t)·y·(1 − y), as three passes (ND4J's SigmoidDerivative took twice as long)
            b.delta[last].assign(out).rsubi(1.0).muli(out).muli(b.diff);
        } else {
            INDArray sum = Nd4j.exec(new SigmoidCrossEntropyLoss(target, b.pre[last], one, LossReduce.SUM, 0.0))[0];
            perPixel = sum.getDouble(0) / (pixels * rows);
            scale = 1.0 / rows;
            b.delta[last].assign(b.diff); // through the sigmoid, BCE's gradient is y − t itself
        }
        for (int i = last; i >= 0; i--) {
            INDArray below = i == 0 ? input : b.act[i - 1];
            // dW = belowᵀ·δ and db = Σ rows of δ, written as their transposes δᵀ·below and δᵀ·1
            Nd4j.gemm(b.delta[i], below, weightGradientsT[i], true, false, scale, 0.0);
            Nd4j.gemm(b.delta[i], b.ones, biasGradientsT[i], true, false, scale, 0.0); // column sums, by BLAS
            if (i == 0) break;
            if (i - 1 == codeLayer()) { // linear: the gradient at its output is its delta
                Nd4j.gemm(b.delta[i], weights[i], b.delta[i - 1], false, true, 1.0, 0.0);
            } else { // the activation below is used up (its weight gradient is done): its buffer takes dL/da
                Nd4j.gemm(b.delta[i], weights[i], b.act[i - 1], false, true, 1.0, 0.0);
                Nd4j.exec(new ThresholdReluBp(b.pre[i - 1], b.act[i - 1], b.delta[i - 1], 0.0));
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
        return new Buffers(pre, act, delta, Nd4j.create(DataType.FLOAT, rows, widths[layers]),
                Nd4j.ones(DataType.FLOAT, rows, 1));
    }
}
