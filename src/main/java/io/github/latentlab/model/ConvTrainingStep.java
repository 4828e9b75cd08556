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
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
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
                           INDArray bceSum, Map<INDArray, INDArray> masks, Map<String, INDArray> views, PreparedOps ops) {
        /** A view of the buffers, made once under {@code name}: views made each step would defeat the prepared ops. */
        INDArray view(String name, java.util.function.Supplier<INDArray> make) {
            return views.computeIfAbsent(name, k -> make.get());
        }

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
        PreparedOps ops = b.ops;
        ops.keepFor(input, target); // the last, shorter batch of an epoch comes in a new array
        INDArray image = b.image.assign(input.reshape(rows, side, side, 1)); // one channel: NHWC is the row itself
        INDArray h = image;
        for (int i = 0; i < levels; i++) {
            enc[i].forward(h, b.encAct[i]);
            ops.relu(b.encAct[i], b.encAct[i]);
            h = b.encAct[i];
        }
        toChannelsFirst(b, "flat", h, b.flatNchw);
        dense(ops, b.flatNchw, codeW, codeB, b.code);
        dense(ops, b.code, upW, upB, b.up);
        ops.relu(b.up, b.up);
        toChannelsLast(b, "up", b.up, b.upNhwc);
        h = b.upNhwc;
        for (int i = levels - 1; i >= 0; i--) {
            dec[i].forward(h, b.decConv[i]);
            depthToSpace(b, "dec" + i, b.decConv[i], b.decAct[i]);
            if (i > 0) ops.relu(b.decAct[i], b.decAct[i]);
            h = b.decAct[i];
        }
        INDArray logits = b.view("logits", () -> b.decAct[0].reshape(rows, (long) side * side));
        ops.sigmoid(logits, b.out);
        ops.pairwise("subtract", b.out, target, b.diff);
        double count = (double) rows * side * side;
        double loss;
        if (spec.loss() == LossKind.BCE) {
            ops.run(() -> {
                SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(target, logits, one, LossReduce.SUM, 0.0);
                op.addOutputArgument(b.bceSum());
                return op;
            }, "bce", target, logits);
            loss = b.bceSum().getDouble() / count;
            ops.scale(b.diff, 1.0 / count, b.gLogits);
        } else {
            loss = ops.sumOfSquares(b.view("diffRow", () -> b.diff.reshape(1, b.diff.length())), b.squares) / count;
            // d/dlogits of mean (y − t)² is 2 (y − t) · y (1 − y) / count, the sigmoid's slope from its output
            ops.run(() -> new ScalarReverseSubtraction(b.out, null, b.gLogits, 1.0), "1 - y", b.out, b.gLogits);
            ops.pairwise("multiply", b.gLogits, b.out, b.gLogits);
            ops.pairwise("multiply", b.gLogits, b.diff, b.gLogits);
            ops.scale(b.gLogits, 2.0 / count, b.gLogits);
        }

        // the decoder, from the image back to the code
        INDArray g = b.view("gImage", () -> b.gLogits.reshape(rows, side, side, 1));
        for (int i = 0; i < levels; i++) {
            if (i > 0) reluBackward(ops, b.decAct[i], g, b.mask(b.decAct[i]));
            spaceToDepth(b, "dec" + i, g, b.convGrad[i]); // depth-to-space's gradient
            boolean top = i == levels - 1;
            dec[i].backward(top ? b.upNhwc : b.decAct[i + 1], b.convGrad[i], top ? b.gUpNhwc : b.decGrad[i + 1]);
            g = top ? b.gUpNhwc : b.decGrad[i + 1];
        }
        toChannelsFirst(b, "gUp", b.gUpNhwc, b.gUp);
        reluBackward(ops, b.up, b.gUp, b.mask(b.up));
        denseBack(ops, b.code, upW, upB, b.gUp, b.gCode, b.ones);
        denseBack(ops, b.flatNchw, codeW, codeB, b.gCode, b.gFlat, b.ones);
        toChannelsLast(b, "gFlat", b.gFlat, b.encGrad[levels - 1]);
        for (int i = levels - 1; i >= 0; i--) {
            reluBackward(ops, b.encAct[i], b.encGrad[i], b.mask(b.encAct[i]));
            enc[i].backward(i == 0 ? image : b.encAct[i - 1], b.encGrad[i], i == 0 ? null : b.encGrad[i - 1]);
        }
        return loss;
    }

    /**
     * g *= (act > 0), from the activation after its ReLU: sign(act) is that 0/1 mask. Why not
     * ND4J's ThresholdReluBp: it took 2.1 ms on 400,000 values, sign and a product 0.16.
     */
    static void reluBackward(PreparedOps ops, INDArray act, INDArray g, INDArray mask) {
        ops.run(() -> new Sign(act, mask), "sign", act, mask);
        ops.pairwise("multiply", g, mask, g);
    }

    /**
     * [rows, s, s, 4c] → [rows, 2s, 2s, c], TensorFlow's order (the graph's depth_to_space): a copy
     * through a rank-5 view, as rows and height stay together. ND4J's op took 8 times longer.
     */
    private static void depthToSpace(Buffers b, String name, INDArray in, INDArray out) {
        long rows = in.size(0), s = in.size(1), c = out.size(3);
        b.view("d2s out " + name, () -> out.reshape(rows * s, 2, s, 2, c))
                .assign(b.view("d2s in " + name, () -> in.reshape(rows * s, s, 2, 2, c).permute(0, 2, 1, 3, 4)));
    }

    /** The inverse of {@link #depthToSpace}, which is also its gradient. */
    private static void spaceToDepth(Buffers b, String name, INDArray in, INDArray out) {
        long rows = out.size(0), s = out.size(1), c = in.size(3);
        b.view("s2d out " + name, () -> out.reshape(rows * s, s, 2, 2, c))
                .assign(b.view("s2d in " + name, () -> in.reshape(rows * s, 2, s, 2, c).permute(0, 2, 1, 3, 4)));
    }

    /** NHWC [rows, s, s, c] into the graph's flat NCHW order [rows, c·s·s]. */
    private static void toChannelsFirst(Buffers b, String name, INDArray nhwc, INDArray flat) {
        long rows = nhwc.size(0), positions = nhwc.size(1) * nhwc.size(2), c = nhwc.size(3);
        b.view("nchw out " + name, () -> flat.reshape(rows, c, positions))
                .assign(b.view("nchw in " + name, () -> nhwc.reshape(rows, positions, c).permute(0, 2, 1)));
    }

    /** The graph's flat NCHW [rows, c·s·s] into NHWC [rows, s, s, c]. */
    private static void toChannelsLast(Buffers b, String name, INDArray flat, INDArray nhwc) {
        long rows = nhwc.size(0), positions = nhwc.size(1) * nhwc.size(2), c = nhwc.size(3);
        b.view("nhwc out " + name, () -> nhwc.reshape(rows, positions, c))
                .assign(b.view("nhwc in " + name, () -> flat.reshape(rows, c, positions).permute(0, 2, 1)));
    }

    private static void dense(PreparedOps ops, INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray out) {
        ops.gemm(x, w.value(), out, false, false, 1.0, 0.0);
        ops.pairwise("add", out, b.value(), out);
    }

    private static void denseBack(PreparedOps ops, INDArray x, GraphAdam.Param w, GraphAdam.Param b, INDArray gOut, INDArray gIn,
                                  INDArray ones) {
        ops.gemm(x, gOut, w.gradient(), true, false, 1.0, 0.0);
        ops.gemm(ones, gOut, b.gradient(), false, false, 1.0, 0.0);
        ops.gemm(gOut, w.value(), gIn, false, true, 1.0, 0.0);
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
                Nd4j.create(DataType.FLOAT, rows, flat), Nd4j.ones(DataType.FLOAT, 1, rows), Nd4j.create(DataType.FLOAT, 1, 1), Nd4j.scalar(DataType.FLOAT, 0f), new IdentityHashMap<>(), new HashMap<>(),
                new PreparedOps());
    }
}
