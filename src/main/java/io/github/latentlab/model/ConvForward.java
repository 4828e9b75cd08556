package io.github.latentlab.model;

import java.util.List;
import java.util.function.Supplier;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.DataFormat;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DepthToSpace;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link ConvAutoencoder}'s encoder and decoder as plain ND4J ops on the graph's live
 * weights: the same maths as {@link ConvAutoencoder#graph}, without SameDiff's inference session.
 * Why: that session keeps a cache of arrays per graph, and with the trainer's checks and
 * evaluations going through it, resident memory crept up by about 1.3 KB per training step
 * (docs/benchmarks.md, the soak).
 */
final class ConvForward {
    private final SameDiff sd;
    private final int side, levels, small, flat, latent;
    private final List<Integer> channels;
    private final long[][] encArgs, decArgs;

    ConvForward(SameDiff sd, ModelSpec spec, int inputSize) {
        this.sd = sd;
        this.side = ConvAutoencoder.side(spec, inputSize);
        this.latent = spec.latent();
        this.channels = spec.hidden();
        this.levels = channels.size();
        this.small = side >> levels;
        this.flat = channels.get(levels - 1) * small * small;
        encArgs = new long[levels][];
        decArgs = new long[levels][];
        for (int i = 0; i < levels; i++) {
            encArgs[i] = convArgs(param("enc" + i + "_W"), param("enc" + i + "_b"), 2);
            decArgs[i] = convArgs(param("dec" + i + "_W"), param("dec" + i + "_b"), 1);
        }
    }

    private INDArray param(String name) {
        return sd.getVariable(name).getArr();
    }

    /** The codes of images (rows of pixels). */
    float[][] encode(float[][] images) {
        return encode(Nd4j.create(images)).toFloatMatrix();
    }

    /** The images (pixels in [0, 1]) of codes; one code runs on this thread alone (see {@link OpenMpPools#singleThreaded}). */
    float[][] decode(float[][] codes) {
        for (float[] c : codes) {
            if (c.length != latent) {
                throw new IllegalArgumentException("code has " + c.length + " dimensions, model expects " + latent);
            }
        }
        Supplier<float[][]> work = () -> decode(Nd4j.create(codes)).toFloatMatrix();
        return codes.length == 1 ? OpenMpPools.singleThreaded(work) : work.get();
    }

    private INDArray encode(INDArray x) {
        long n = x.size(0);
        INDArray h = x.reshape(n, 1, side, side);
        for (int i = 0; i < levels; i++) {
            int s = side >> (i + 1);
            INDArray out = Nd4j.create(DataType.FLOAT, n, channels.get(i), s, s);
            conv2d(h, param("enc" + i + "_W"), param("enc" + i + "_b"), encArgs[i], out);
            h = relu(out);
        }
        return dense(h.reshape(n, flat), "code_");
    }

    private INDArray decode(INDArray z) {
        long n = z.size(0);
        INDArray h = relu(dense(z, "up_")).reshape(n, channels.get(levels - 1), small, small);
        for (int i = levels - 1; i >= 0; i--) {
            int s = side >> (i + 1), out = i == 0 ? 1 : channels.get(i - 1);
            INDArray conv = Nd4j.create(DataType.FLOAT, n, 4L * out, s, s);
            conv2d(h, param("dec" + i + "_W"), param("dec" + i + "_b"), decArgs[i], conv);
            h = Nd4j.create(DataType.FLOAT, n, out, 2L * s, 2L * s);
            Nd4j.exec(new DepthToSpace(conv, h, 2, DataFormat.NCHW));
            if (i > 0) relu(h);
        }
        INDArray pixels = h.reshape(n, (long) side * side);
        Nd4j.exec(new Sigmoid(pixels, pixels));
        return pixels;
    }

    private INDArray dense(INDArray x, String name) {
        INDArray w = param(name + "_W");
        INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), w.size(1));
        Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
        return y.addiRowVector(param(name + "_b"));
    }

    private static INDArray relu(INDArray x) {
        Nd4j.exec(new RectifiedLinear(x, x, 0.0));
        return x;
    }

    /** The integer arguments of a 3×3 "same" NCHW convolution with [3, 3, in, out] weights, as the graph's conv2d has them. */
    private static long[] convArgs(INDArray w, INDArray b, int stride) {
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).paddingMode(PaddingMode.SAME)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        return new Conv2D(new INDArray[] {Nd4j.create(DataType.FLOAT, 1, 1, 4, 4), w, b}, null, config).iArgs();
    }

    private static void conv2d(INDArray in, INDArray w, INDArray b, long[] args, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(in, w, b).addOutputs(out).addIntegerArguments(ints(args)).build());
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.toIntExact(values[i]);
        return out;
    }
}
