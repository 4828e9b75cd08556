package io.github.latentlab.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DepthToSpace;
import org.nd4j.linalg.api.ops.impl.layers.convolution.SpaceToDepth;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Adam step of a {@link ConvAutoencoder} (MSE or BCE) without {@code SameDiff.fit}: the
 * graph's convolutions, depth-to-space upsampling and dense code as ND4J ops ({@code conv2d},
 * {@code conv2d_bp}, which run on oneDNN where the backend has it, {@code depth_to_space} and its
 * inverse) on arrays allocated once per batch size, then the graph's own Adam ({@link GraphAdam}).
 * Same maths as the graph ({@link ConvAutoencoder#graph}); {@code ConvTrainingStepTest} checks it
 * against {@code SameDiff.fit}. MSE + SSIM keeps the graph's fit.
 */
final class ConvTrainingStep {
    /** A 3×3 convolution's weight [3, 3, in, out] and bias [out] with their gradients, and its op arguments. */
    private record Conv(GraphAdam.Param w, GraphAdam.Param b, long[] args) { }

    /** Per batch size: every activation (after ReLU where there is one) and gradient. */
    private record Buffers(INDArray[] encAct, INDArray[] encGrad, INDArray code, INDArray up, INDArray[] decConv,
                           INDArray[] decAct, INDArray[] decGrad, INDArray[] convGrad, INDArray out, INDArray diff,
                           INDArray gLogits, INDArray gCode, INDArray gUp, INDArray gInput, INDArray ones) { }

    private final GraphAdam adam;
    private final ModelSpec spec;
    private final int side, levels, small, flat;
    private final List<Integer> channels;
    private final Conv[] enc, dec;
    private final GraphAdam.Param codeW, codeB, upW, upB;
    private final Map<Long, Buffers> buffers = new HashMap<>(2);
    private final INDArray one = Nd4j.scalar(1f);

    ConvTrainingStep(org.nd4j.autodiff.samediff.SameDiff sd, ModelSpec spec, int inputSize) {
        this.adam = new GraphAdam(sd);
        this.spec = spec;
        this.side = ConvAutoencoder.side(spec, inputSize);
        this.channels = spec.hidden();
        this.levels = channels.size();
        this.small = side >> levels;
        this.flat = channels.get(levels - 1) * small * small;
        enc = new Conv[levels];
        dec = new Conv[levels];
        for (int i = 0; i < levels; i++) enc[i] = conv("enc" + i, 2);
        codeW = adam.param("code__W");
        codeB = adam.param("code__b");
        upW = adam.param("up__W");
        upB = adam.param("up__b");
        for (int i = levels - 1; i >= 0; i--) dec[i] = conv("dec" + i, 1);
    }

    private Conv conv(String name, int stride) {
        GraphAdam.Param w = adam.param(name + "_W"), b = adam.param(name + "_b");
        return new Conv(w, b, ConvForward.convArgs(w.value(), b.value(), stride)); // conv2d_bp takes the same arguments
    }

    /** One step on a batch; returns the loss per pixel. */
    double fit(INDArray input, INDArray target) {
        Buffers b = buffers.computeIfAbsent(input.size(0), this::allocate);
        double loss = forwardAndBackward(input, target, b);
        adam.step();
        return loss;
    }

    double forwardAndBackward(INDArray input, INDArray target, Buffers b) {
        long rows = input.size(0);
        INDArray image = input.reshape(rows, 1, side, side);
        INDArray h = image;
        for (int i = 0; i < levels; i++) {
            convolve(enc[i], h, b.encAct[i]);
            Nd4j.exec(new RectifiedLinear(b.encAct[i], b.encAct[i], 0.0));
            h = b.encAct[i];
        }
        INDArray hFlat = h.reshape(rows, flat);
        dense(hFlat, codeW, codeB, b.code);
        dense(b.code, upW, upB, b.up);
        Nd4j.exec(new RectifiedLinear(b.up, b.up, 0.0));
        h = b.up.reshape(rows, channels.get(levels - 1), small, small);
        for (int i = levels - 1; i >= 0; i--) {
            convolve(dec[i], h, b.decConv[i]);
            Nd4j.exec(new DepthToSpace(b.decConv[i], b.decAct[i], 2, DataFormat.NCHW));
            if (i > 0) Nd4j.exec(new RectifiedLinear(b.decAct[i], b.decAct[i], 0.0));
            h = b.decAct[i];
        }
        INDArray logits = b.decAct[0].reshape(rows, (long) side * side);
        Nd4j.exec(new Sigmoid(logits, b.out));
        b.diff.assign(b.out).subi(target);
        double count = (double) rows * side * side;
        double loss;
        if (spec.loss() == LossKind.BCE) {
            loss = Nd4j.exec(new SigmoidCrossEntropyLoss(target, logits, one, LossReduce.SUM, 0.0))[0].getDouble(0) / count;
            b.gLogits.assign(b.diff).muli(1.0 / count);
        } else {
            double norm = b.diff.norm2Number().doubleValue();
            loss = norm * norm / count;
            Nd4j.exec(new SigmoidDerivative(logits, b.diff, b.gLogits));
            b.gLogits.muli(2.0 / count);
        }

        // decoder, from the image back to the code
        INDArray g = b.gLogits.reshape(rows, 1, side, side);
        for (int i = 0; i < levels; i++) {
            if (i > 0) Nd4j.exec(new ThresholdReluBp(b.decAct[i], g, g, 0.0));
            Nd4j.exec(new SpaceToDepth(g, b.convGrad[i], 2, DataFormat.NCHW)); // depth-to-space's gradient
            INDArray below = i == levels - 1 ? b.up.reshape(rows, channels.get(levels - 1), small, small) : b.decAct[i + 1];
            INDArray gBelow = i == levels - 1 ? b.gUp.reshape(rows, channels.get(levels - 1), small, small) : b.decGrad[i + 1];
            convolveBack(dec[i], below, b.convGrad[i], gBelow);
            g = gBelow;
        }
        Nd4j.exec(new ThresholdReluBp(b.up, b.gUp, b.gUp, 0.0));
        denseBack(b.code, upW, upB, b.gUp, b.gCode, b.ones);
        INDArray gFlat = b.encGrad[levels - 1].reshape(rows, flat);
        denseBack(hFlat, codeW, codeB, b.gCode, gFlat, b.ones);
        for (int i = levels - 1; i >= 0; i--) {
            Nd4j.exec(new ThresholdReluBp(b.encAct[i], b.encGrad[i], b.encGrad[i], 0.0));
            INDArray below = i == 0 ? image : b.encAct[i - 1];
            INDArray gBelow = i == 0 ? b.gInput : b.encGrad[i - 1];
            convolveBack(enc[i], below, b.encGrad[i], gBelow);
        }
        return loss;
    }

    private static void convolve(Conv c, INDArray in, INDArray out) {
        ConvForward.conv2d(in, c.w().value(), c.b().value(), c.args(), out);
    }

    /** The convolution's weight and bias gradients, and the gradient at its input (into {@code gIn}). */
    private static void convolveBack(Conv c, INDArray in, INDArray gOut, INDArray gIn) {
        ConvForward.conv2dBackward(in, c.w().value(), c.b().value(), c.args(), gOut, gIn, c.w().gradient(), c.b().gradient());
    }

    private static void dense(INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray out) {
        Nd4j.gemm(x, w.value(), out, false, false, 1.0, 0.0);
        out.addiRowVector(b.value());
    }

    private static void denseBack(INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray gOut, INDArray gIn, INDArray ones) {
        Nd4j.gemm(x, gOut, w.gradient(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, gOut, b.gradient(), false, false, 1.0, 0.0);
        Nd4j.gemm(gOut, w.value(), gIn, false, true, 1.0, 0.0);
    }

    Buffers allocate(long rows) {
        INDArray[] encAct = new INDArray[levels], encGrad = new INDArray[levels];
        INDArray[] decConv = new INDArray[levels], decAct = new INDArray[levels], decGrad = new INDArray[levels];
        INDArray[] convGrad = new INDArray[levels];
        for (int i = 0; i < levels; i++) {
            int s = side >> (i + 1); // level i works at side / 2^(i+1) and the decoder brings it back to side / 2^i
            encAct[i] = Nd4j.create(DataType.FLOAT, rows, channels.get(i), s, s);
            encGrad[i] = Nd4j.create(DataType.FLOAT, rows, channels.get(i), s, s);
            int out = i == 0 ? 1 : channels.get(i - 1);
            decConv[i] = Nd4j.create(DataType.FLOAT, rows, 4L * out, s, s);
            convGrad[i] = Nd4j.create(DataType.FLOAT, rows, 4L * out, s, s);
            decAct[i] = Nd4j.create(DataType.FLOAT, rows, out, 2L * s, 2L * s);
            decGrad[i] = Nd4j.create(DataType.FLOAT, rows, out, 2L * s, 2L * s);
        }
        long pixels = (long) side * side;
        return new Buffers(encAct, encGrad, Nd4j.create(DataType.FLOAT, rows, spec.latent()),
                Nd4j.create(DataType.FLOAT, rows, flat), decConv, decAct, decGrad, convGrad,
                Nd4j.create(DataType.FLOAT, rows, pixels), Nd4j.create(DataType.FLOAT, rows, pixels),
                Nd4j.create(DataType.FLOAT, rows, pixels), Nd4j.create(DataType.FLOAT, rows, spec.latent()),
                Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.create(DataType.FLOAT, rows, 1, side, side),
                Nd4j.ones(DataType.FLOAT, 1, rows));
    }
}
