package io.github.latentlab.model;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One 3×3 "same" convolution of a {@link ConvTrainingStep}, on NHWC arrays, with weights
 * [3, 3, in, out] (the graph's own) and its backward pass built from fast pieces only:
 * <ul>
 *   <li>weight gradient: nine matrix products, one per tap, over a zero-padded copy of the input
 *       (see {@link #weightGradient});</li>
 *   <li>input gradient: a forward convolution of the output's gradient (spread out by the stride
 *       into a zero frame) with the weights flipped and transposed;</li>
 *   <li>bias gradient: a product with a row of ones.</li>
 * </ul>
 * Why: ND4J's {@code conv2d_bp} took 5–17 ms a layer on a batch of 128 here, 6–15 times its
 * forward op: oneDNN picked Winograd for the backward pass, and ND4J reorders every array into
 * blocked layouts and back around it. Forward convolutions and products on NHWC arrays run
 * without reorders (docs/benchmarks.md, session 10). All of it is ND4J ops, so any backend runs it.
 */
final class NhwcConv {
    private final GraphAdam.Param w, b;
    private final int in, out, stride, inSide, outSide, padBefore;
    /** The side of each phase grid: the output's side plus room for the largest tap shift. */
    private final int grid;
    /** The weights flipped in both spatial axes and with in and out swapped: [3, 3, out, in]. */
    private final INDArray flipped, reversed;
    /** Reverses the order of the nine taps: a product with it flips the kernel in both axes (ND4J's reverse op took 1.5 ms). */
    private final INDArray tapReversal;
    private final int[] forwardArgs, sameArgs, validArgs;
    private final Map<Long, Scratch> scratch = new HashMap<>(2);
    /** The weight gradient's nine [in, out] slices, one per tap. */
    private final INDArray[] gradientTaps = new INDArray[9];
    /** Views made once (the products below are kept per array): the weights as [9, in·out], the flip's result as [3, 3, out, in], the bias gradient as a row. */
    private final INDArray weightTaps, reversedKernel, biasGradientRow;
    private final PreparedOps ops = new PreparedOps();

    /** A convolution from {@code inSide}² × {@code in} to (inSide / stride)² × {@code out}. */
    NhwcConv(GraphAdam.Param w, GraphAdam.Param b, int inSide, int stride) {
        this.w = w;
        this.b = b;
        this.in = Math.toIntExact(w.value().size(2));
        this.out = Math.toIntExact(w.value().size(3));
        this.stride = stride;
        this.inSide = inSide;
        this.outSide = inSide / stride;
        // "same" padding as ND4J and TensorFlow place it: the odd pixel goes after
        this.padBefore = ((outSide - 1) * stride + 3 - inSide) / 2;
        this.grid = outSide + 2 / stride;
        INDArray taps = w.gradient().reshape(9, in, out);
        for (int t = 0; t < 9; t++) gradientTaps[t] = taps.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
        weightTaps = w.value().reshape(9, (long) in * out);
        biasGradientRow = b.gradient().reshape(1, out);
        flipped = Nd4j.create(DataType.FLOAT, 3, 3, out, in);
        reversed = Nd4j.create(DataType.FLOAT, 9, (long) in * out);
        tapReversal = Nd4j.create(DataType.FLOAT, 9, 9);
        for (int t = 0; t < 9; t++) tapReversal.putScalar(t, 8 - t, 1f);
        reversedKernel = reversed.reshape(3, 3, in, out).permute(0, 1, 3, 2);
        // conv2d's integer arguments: kernel, stride, padding, dilation, same mode, NHWC, [kH, kW, in, out] weights
        forwardArgs = new int[] {3, 3, stride, stride, 0, 0, 1, 1, 1, 1, 0};
        sameArgs = new int[] {3, 3, 1, 1, 0, 0, 1, 1, 1, 1, 0};
        validArgs = new int[] {3, 3, 1, 1, 0, 0, 1, 1, 0, 1, 0};
    }

    /** y = conv(x) + bias; x [rows, inSide, inSide, in], y [rows, outSide, outSide, out]. */
    void forward(INDArray x, INDArray y) {
        conv2d(x, w.value(), b.value(), y, forwardArgs);
    }

    /**
     * The weight and bias gradients (into the parameters' gradient arrays) from the layer's input
     * {@code x} and its output's gradient {@code gOut}; the input's gradient into {@code gIn}
     * unless it is null (the first layer needs none).
     */
    void backward(INDArray x, INDArray gOut, INDArray gIn) {
        Scratch s = scratch.computeIfAbsent(x.size(0), this::allocate);
        weightGradient(x, gOut, s);
        ops.gemm(s.ones, s.gradientRows, biasGradientRow, false, false, 1.0, 0.0);
        if (gIn == null) return;
        flipWeights();
        if (stride == 1) {
            conv2d(gOut, flipped, null, gIn, sameArgs);
        } else {
            s.frameInterior.assign(gOut);
            conv2d(s.frame, flipped, null, gIn, validArgs);
        }
    }

    /**
     * gW[kh, kw] = Σ over rows and output positions of x[r, stride·y + kh − pad, stride·x + kw − pad]ᵀ
     * · gOut[r, y, x], as nine products of plain row ranges, with no copy per tap.
     *
     * <p>The input is split into stride² phases (phase (p, q) holds the pixels at stride·Y + p,
     * stride·X + q, zero where that falls in the padding), each a grid of side {@link #grid}; the
     * output's gradient sits in the top-left of a grid of the same side, zeros around it. Tap
     * (kh, kw) = (stride·a + p, stride·b + q) then reads phase (p, q) shifted by (a, b), which in
     * the grids' flat row order is a shift by a·grid + b rows: the product of that row range with
     * the gradient's grid sums exactly the tap's pairs, since the gradient is zero wherever a shift
     * would run past an image's edge. A patch matrix would copy the input nine times.
     */
    private void weightGradient(INDArray x, INDArray gOut, Scratch s) {
        if (s.source != x || s.gradient != gOut) cutViews(x, gOut, s);
        for (int i = 0; i < s.phaseTargets.length; i++) s.phaseTargets[i].assign(s.phaseSources[i]);
        s.gradientTarget.assign(gOut);
        for (int t = 0; t < 9; t++) ops.gemm(s.shifted[t], s.gradientGrid, gradientTaps[t], true, false, 1.0, 0.0);
    }

    /** Views from the step's arrays into the phase and gradient grids; the step passes the same arrays every time. */
    private void cutViews(INDArray x, INDArray gOut, Scratch s) {
        long rows = x.size(0);
        int n = 0;
        for (int p = 0; p < stride; p++) {
            int[] ys = phaseRange(p);
            for (int q = 0; q < stride; q++) {
                int[] xs = phaseRange(q);
                INDArray phase = s.phases[p * stride + q].get(NDArrayIndex.interval(0, s.cells), NDArrayIndex.all())
                        .reshape(rows, grid, grid, in);
                s.phaseTargets[n] = phase.get(NDArrayIndex.all(), NDArrayIndex.interval(ys[0], ys[1]),
                        NDArrayIndex.interval(xs[0], xs[1]), NDArrayIndex.all());
                s.phaseSources[n] = x.get(NDArrayIndex.all(), inputIndex(p, ys), inputIndex(q, xs), NDArrayIndex.all());
                n++;
            }
        }
        s.gradientTarget = s.gradientGrid.reshape(rows, grid, grid, out)
                .get(NDArrayIndex.all(), NDArrayIndex.interval(0, outSide), NDArrayIndex.interval(0, outSide), NDArrayIndex.all());
        s.source = x;
        s.gradient = gOut;
        s.gradientRows = gOut.reshape(rows * outSide * outSide, out);
    }

    /** The phase rows [from, to) that hold input pixels (stride·Y + p − pad inside the image). */
    private int[] phaseRange(int p) {
        int from = 0, to = grid;
        while (stride * from + p - padBefore < 0) from++;
        while (stride * (to - 1) + p - padBefore >= inSide) to--;
        return new int[] {from, to};
    }

    private INDArrayIndex inputIndex(int p, int[] range) {
        long first = (long) stride * range[0] + p - padBefore;
        long end = (long) stride * (range[1] - 1) + p - padBefore + 1;
        return stride == 1 ? NDArrayIndex.interval(first, end) : NDArrayIndex.interval(first, stride, end);
    }

    /** flipped[kh, kw, o, i] = w[2 − kh, 2 − kw, i, o]. */
    private void flipWeights() {
        ops.gemm(tapReversal, weightTaps, reversed, false, false, 1.0, 0.0);
        flipped.assign(reversedKernel);
    }

    /**
     * Per batch size: the phase grids (each with spare zero rows at the end for the largest shift),
     * the gradient's grid, the zero frame for a strided input gradient, rows of ones, and the views
     * into them with the arrays they were cut from.
     */
    private static final class Scratch {
        final INDArray[] phases, shifted = new INDArray[9];
        final INDArray gradientGrid, frame, frameInterior, ones;
        final int cells;
        final INDArray[] phaseTargets, phaseSources;
        INDArray gradientTarget, source, gradient, gradientRows;

        Scratch(INDArray[] phases, int cells, INDArray gradientGrid, INDArray frame, INDArray frameInterior, INDArray ones) {
            this.phases = phases;
            this.cells = cells;
            this.gradientGrid = gradientGrid;
            this.frame = frame;
            this.frameInterior = frameInterior;
            this.ones = ones;
            phaseTargets = new INDArray[phases.length];
            phaseSources = new INDArray[phases.length];
        }

        /** Tap (kh, kw) = (stride·a + p, stride·b + q): phase (p, q)'s rows shifted by a·grid + b. */
        void cutShifts(int stride, int grid) {
            for (int kh = 0; kh < 3; kh++) {
                for (int kw = 0; kw < 3; kw++) {
                    int shift = kh / stride * grid + kw / stride;
                    INDArray phase = phases[(kh % stride) * stride + kw % stride];
                    shifted[kh * 3 + kw] = phase.get(NDArrayIndex.interval(shift, shift + cells), NDArrayIndex.all());
                }
            }
        }
    }

    private Scratch allocate(long rows) {
        int cells = Math.toIntExact(rows * grid * grid);
        int spare = 2 / stride * (grid + 1);
        INDArray[] phases = new INDArray[stride * stride];
        for (int i = 0; i < phases.length; i++) phases[i] = Nd4j.create(DataType.FLOAT, cells + spare, in); // zeros: padding stays zero
        INDArray frame = null, interior = null;
        if (stride > 1) {
            // the output's gradient spread out by the stride, so that a stride-1 "valid"
            // convolution with the flipped weights gives the input's gradient
            int offset = 2 - padBefore;
            frame = Nd4j.create(DataType.FLOAT, rows, inSide + 2, inSide + 2, out);
            INDArrayIndex at = NDArrayIndex.interval(offset, stride, offset + (long) stride * (outSide - 1) + 1);
            interior = frame.get(NDArrayIndex.all(), at, at, NDArrayIndex.all());
        }
        Scratch s = new Scratch(phases, cells, Nd4j.create(DataType.FLOAT, cells, out), frame, interior,
                Nd4j.ones(DataType.FLOAT, 1, rows * outSide * outSide));
        s.cutShifts(stride, grid);
        return s;
    }

    private static void conv2d(INDArray x, INDArray w, INDArray bias, INDArray y, int[] args) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d").addOutputs(y).addIntegerArguments(args);
        op = bias == null ? op.addInputs(x, w) : op.addInputs(x, w, bias);
        Nd4j.exec(op.build());
    }
}
