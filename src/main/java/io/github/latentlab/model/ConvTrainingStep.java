package io.github.latentlab.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Adam step of a {@link ConvAutoencoder} (MSE or BCE) without {@code SameDiff.fit}: the
 * graph's maths ({@link ConvAutoencoder#graph}) as ND4J ops on arrays allocated once per batch
 * size, then the graph's own Adam ({@link GraphAdam}), so files and resuming see no difference.
 * MSE + SSIM keeps the graph's fit.
 *
 * <p>Inside the step the feature maps are NHWC (channels last), where oneDNN's convolutions need
 * no reordering; the graph is NCHW, so the flat code layer's input and output are permuted at the
 * one place the two meet. Each convolution's backward pass is {@link NhwcConv}'s: SameDiff's
 * (ND4J's {@code conv2d_bp}) was most of the old step. {@code ConvTrainingStepTest} checks this
 * step against {@code SameDiff.fit}.
 */
final class ConvTrainingStep {
    /** Per batch size: activations (after ReLU where there is one) and gradients, NHWC unless named NCHW. */
    private record Buffers(INDArray image, INDArray[] encAct, INDArray[] encGrad, INDArray flatNchw, INDArray code, INDArray up,
                           INDArray upNhwc, INDArray[] decConv, INDArray[] decAct, INDArray[] convGrad,
                           INDArray[] decGrad, INDArray out, INDArray diff, INDArray gLogits, INDArray gCode,
                           INDArray gUp, INDArray gUpNhwc, INDArray gFlat, INDArray ones, INDArray squares,
                           Map<INDArray, INDArray> masks) {
        /** A 0/1 mask array the shape of {@code act}, made once per activation. */
        INDArray mask(INDArray act) {
            return masks.computeIfAbsent(act, INDArray::like);
        }
    }

    private final GraphAdam adam;
    private final ModelSpec spec;
    private final int side, levels, small, flat;
    private final List<Integer> channels;
    private final NhwcConv[] enc, dec;
    private final GraphAdam.Param codeW, codeB, upW, upB;
    private final Map<Long, Buffers> buffers = new HashMap<>(2);
    private final INDArray one = Nd4j.scalar(1f);

    ConvTrainingStep(SameDiff sd, ModelSpec spec, int inputSize) {
        this.adam = new GraphAdam(sd);
        this.spec = spec;
        this.side = ConvAutoencoder.side(spec, inputSize);
        this.channels = spec.hidden();
        this.levels = channels.size();
        this.small = side >> levels;
        this.flat = channels.get(levels - 1) * small * small;
        enc = new NhwcConv[levels];
        dec = new NhwcConv[levels];
        for (int i = 0; i < levels; i++) enc[i] = new NhwcConv(adam.param("enc" + i + "_W"), adam.param("enc" + i + "_b"), side >> i, 2);
        codeW = adam.param("code__W");
        codeB = adam.param("code__b");
        upW = adam.param("up__W");
        upB = adam.param("up__b");
        for (int i = levels - 1; i >= 0; i--) {
            dec[i] = new NhwcConv(adam.param("dec" + i + "_W"), adam.param("dec" + i + "_b"), side >> (i + 1), 1);
        }
    }

    /** One step on a batch; returns the loss per pixel. */
    double fit(INDArray input, INDArray target) {
        Buffers b = buffers.computeIfAbsent(input.size(0), this::allocate);
        double loss = forwardAndBackward(input, target, b);
        adam.step();
        return loss;
    }

    private double forwardAndBackward(INDArray input, INDArray target, Buffers b) {
        long rows = input.size(0);
        int last = channels.get(levels - 1);
        INDArray image = b.image.assign(input.reshape(rows, side, side, 1)); // one channel: NHWC is the row itself
        INDArray h = image;
        for (int i = 0; i < levels; i++) {
            enc[i].forward(h, b.encAct[i]);
            relu(b.encAct[i]);
            h = b.encAct[i];
        }
        toChannelsFirst(h, b.flatNchw);
        dense(b.flatNchw, codeW, codeB, b.code);
        dense(b.code, upW, upB, b.up);
        relu(b.up);
        toChannelsLast(b.up, b.upNhwc);
        h = b.upNhwc;
        for (int i = levels - 1; i >= 0; i--) {
            dec[i].forward(h, b.decConv[i]);
            depthToSpace(b.decConv[i], b.decAct[i]);
            if (i > 0) relu(b.decAct[i]);
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
            // Σ(y − t)² as a product of the row with itself: ND4J's norm2 took 0.9 ms here
            INDArray d = b.diff.reshape(1, b.diff.length());
            Nd4j.gemm(d, d, b.squares, false, true, 1.0, 0.0);
            loss = b.squares.getDouble(0) / count;
            // d/dlogits of mean (y − t)² is 2 (y − t) · y (1 − y) / count, the sigmoid's slope from its output
            b.gLogits.assign(b.out).rsubi(1.0).muli(b.out).muli(b.diff).muli(2.0 / count);
        }

        // the decoder, from the image back to the code
        INDArray g = b.gLogits.reshape(rows, side, side, 1);
        for (int i = 0; i < levels; i++) {
            if (i > 0) reluBackward(b.decAct[i], g, b.mask(b.decAct[i]));
            spaceToDepth(g, b.convGrad[i]); // depth-to-space's gradient
            boolean top = i == levels - 1;
            dec[i].backward(top ? b.upNhwc : b.decAct[i + 1], b.convGrad[i], top ? b.gUpNhwc : b.decGrad[i + 1]);
            g = top ? b.gUpNhwc : b.decGrad[i + 1];
        }
        toChannelsFirst(b.gUpNhwc, b.gUp);
        reluBackward(b.up, b.gUp, b.mask(b.up));
        denseBack(b.code, upW, upB, b.gUp, b.gCode, b.ones);
        denseBack(b.flatNchw, codeW, codeB, b.gCode, b.gFlat, b.ones);
        toChannelsLast(b.gFlat, b.encGrad[levels - 1]);
        for (int i = levels - 1; i >= 0; i--) {
            reluBackward(b.encAct[i], b.encGrad[i], b.mask(b.encAct[i]));
            enc[i].backward(i == 0 ? image : b.encAct[i - 1], b.encGrad[i], i == 0 ? null : b.encGrad[i - 1]);
        }
        return loss;
    }

    private static void relu(INDArray x) {
        Nd4j.exec(new RectifiedLinear(x, x, 0.0));
    }

    /**
     * g *= (act > 0), from the activation after its ReLU: sign(act) is that 0/1 mask. Why not
     * ND4J's ThresholdReluBp: it took 2.1 ms on 400,000 values, sign and a product 0.16.
     */
    static void reluBackward(INDArray act, INDArray g, INDArray mask) {
        Nd4j.exec(new Sign(act, mask));
        g.muli(mask);
    }

    /**
     * [rows, s, s, 4c] → [rows, 2s, 2s, c], TensorFlow's order (the graph's depth_to_space): a copy
     * through a rank-5 view, as rows and height stay together. ND4J's op took 8 times longer.
     */
    private static void depthToSpace(INDArray in, INDArray out) {
        long rows = in.size(0), s = in.size(1), c = out.size(3);
        out.reshape(rows * s, 2, s, 2, c).assign(in.reshape(rows * s, s, 2, 2, c).permute(0, 2, 1, 3, 4));
    }

    /** The inverse of {@link #depthToSpace}, which is also its gradient. */
    private static void spaceToDepth(INDArray in, INDArray out) {
        long rows = out.size(0), s = out.size(1), c = in.size(3);
        out.reshape(rows * s, s, 2, 2, c).assign(in.reshape(rows * s, 2, s, 2, c).permute(0, 2, 1, 3, 4));
    }

    /** NHWC [rows, s, s, c] into the graph's flat NCHW order [rows, c·s·s]. */
    private static void toChannelsFirst(INDArray nhwc, INDArray flat) {
        long rows = nhwc.size(0), positions = nhwc.size(1) * nhwc.size(2), c = nhwc.size(3);
        flat.reshape(rows, c, positions).assign(nhwc.reshape(rows, positions, c).permute(0, 2, 1));
    }

    /** The graph's flat NCHW [rows, c·s·s] into NHWC [rows, s, s, c]. */
    private static void toChannelsLast(INDArray flat, INDArray nhwc) {
        long rows = nhwc.size(0), positions = nhwc.size(1) * nhwc.size(2), c = nhwc.size(3);
        nhwc.reshape(rows, positions, c).assign(flat.reshape(rows, c, positions).permute(0, 2, 1));
    }

    private static void dense(INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray out) {
        Nd4j.gemm(x, w.value(), out, false, false, 1.0, 0.0);
        out.addiRowVector(b.value());
    }

    private static void denseBack(INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray gOut, INDArray gIn, INDArray ones) {
        Nd4j.gemm(x, gOut, w.gradient(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, gOut, b.gradient().reshape(1, gOut.size(1)), false, false, 1.0, 0.0);
        Nd4j.gemm(gOut, w.value(), gIn, false, true, 1.0, 0.0);
    }

    private Buffers allocate(long rows) {
        INDArray[] encAct = new INDArray[levels], encGrad = new INDArray[levels];
        INDArray[] decConv = new INDArray[levels], decAct = new INDArray[levels], convGrad = new INDArray[levels];
        INDArray[] decGrad = new INDArray[levels];
        for (int i = 0; i < levels; i++) {
            long s = side >> (i + 1); // level i works at side / 2^(i+1); the decoder brings it back to side / 2^i
            int out = i == 0 ? 1 : channels.get(i - 1);
            encAct[i] = Nd4j.create(DataType.FLOAT, rows, s, s, channels.get(i));
            encGrad[i] = Nd4j.create(DataType.FLOAT, rows, s, s, channels.get(i));
            decConv[i] = Nd4j.create(DataType.FLOAT, rows, s, s, 4L * out);
            convGrad[i] = Nd4j.create(DataType.FLOAT, rows, s, s, 4L * out);
            decAct[i] = Nd4j.create(DataType.FLOAT, rows, 2 * s, 2 * s, out);
            decGrad[i] = Nd4j.create(DataType.FLOAT, rows, 2 * s, 2 * s, out);
        }
        long pixels = (long) side * side;
        int last = channels.get(levels - 1);
        return new Buffers(Nd4j.create(DataType.FLOAT, rows, side, side, 1), encAct, encGrad, Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.create(DataType.FLOAT, rows, spec.latent()),
                Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.create(DataType.FLOAT, rows, small, small, last),
                decConv, decAct, convGrad, decGrad,
                Nd4j.create(DataType.FLOAT, rows, pixels), Nd4j.create(DataType.FLOAT, rows, pixels),
                Nd4j.create(DataType.FLOAT, rows, pixels), Nd4j.create(DataType.FLOAT, rows, spec.latent()),
                Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.create(DataType.FLOAT, rows, small, small, last),
                Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.ones(DataType.FLOAT, 1, rows), Nd4j.create(DataType.FLOAT, 1, 1), new IdentityHashMap<>());
    }
}
