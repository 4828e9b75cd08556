package io.github.latentlab.model;

import java.io.IOException;
import java.util.List;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.enums.DataFormat;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/**
 * Convolutional autoencoder on a SameDiff graph. Encoder: one 3×3 stride-2 convolution (ReLU) per
 * entry of the spec's {@code hidden} list, read as channel counts (28→14→7), then a linear dense
 * code. Decoder: dense (ReLU) back to the last feature map, then per level a 3×3 stride-1
 * convolution to 4× the channels and depth-to-space (sub-pixel upsampling: 7→14→28), sigmoid out.
 * Loss per pixel: MSE, or BCE from logits, or MSE plus λ·(1 − SSIM) per image ({@link SsimGraph}).
 * With a noise level it is trained as a denoising model.
 *
 * <p>Why this shape: on a 2-core CPU, ND4J's deconv2d took 23 ms a batch forward and as much
 * backward, five times the convolutions; upsampling then convolving was no faster; sub-pixel
 * convolution with ND4J's oneDNN build trains ~1,900 samples/s (docs/benchmarks.md).
 */
public final class ConvAutoencoder extends SameDiffAutoencoder {
    public static final int MAX_LEVELS = 2;
    public static final int MAX_CHANNELS = 256;
    private static final String CODE = "code";
    private static final String LOGITS = "logits";
    private static final String PER_PIXEL = "perPixelLoss";
    /** The two terms of MSE + SSIM: the batch's MSE and its mean SSIM. */
    private static final String MSE_TERM = "mseTerm", SSIM_MEAN = "ssimMean";

    private final TrainingLossCapture capture;
    private volatile ConvForward forward;
    /** The hand-written training step, made at the first fit that uses it. */
    private ConvTrainingStep step;
    private boolean viaSameDiff;

    private ConvAutoencoder(ModelSpec spec, int inputSize, SameDiff sd) {
        super(spec, inputSize, sd, CODE);
        capture = spec.loss() == LossKind.MSE_SSIM ? new TrainingLossCapture(MSE_TERM, SSIM_MEAN)
                : new TrainingLossCapture(PER_PIXEL);
        sd.setListeners(capture);
    }

    public static ConvAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        NativeRuntime.init();
        Nd4j.getRandom().setSeed(seed); // weight init
        return new ConvAutoencoder(spec, inputSize, graph(spec, inputSize));
    }

    /** The image side for {@code inputSize} pixels, checked to halve cleanly once per level. */
    static int side(ModelSpec spec, int inputSize) {
        int side = (int) Math.round(Math.sqrt(inputSize));
        int levels = spec.hidden().size();
        if (side * side != inputSize || side % (1 << levels) != 0) {
            throw new IllegalArgumentException("a convolutional autoencoder with " + levels + " levels needs square images "
                    + "whose side divides by " + (1 << levels) + ", got " + inputSize + " pixels");
        }
        return side;
    }

    static SameDiff graph(ModelSpec spec, int inputSize) {
        int side = side(spec, inputSize);
        List<Integer> channels = spec.hidden();
        int levels = channels.size();
        int small = side >> levels;
        int last = channels.get(levels - 1);
        int flat = last * small * small;

        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, inputSize);
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, inputSize);
        SDVariable h = x.reshape(-1, 1, side, side);
        int in = 1;
        for (int i = 0; i < levels; i++) {
            h = sd.nn.relu(conv(sd, "enc" + i, h, in, channels.get(i), 2), 0);
            in = channels.get(i);
        }
        SDVariable code = dense(sd, "code_", h.reshape(-1, flat), flat, spec.latent(), false).add(CODE, 0.0);
        SDVariable logits = sd.reshape(LOGITS, decoder(sd, spec, side, code), -1, inputSize);
        SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, spec.latent());
        sd.nn.sigmoid(DECODED, decoder(sd, spec, side, zIn).reshape(-1, inputSize));
        SDVariable loss = spec.loss() == LossKind.MSE_SSIM ? mseSsimLoss(sd, spec, logits, target, side)
                : perPixelLoss(sd, spec.loss(), logits, target).rename(PER_PIXEL).mean(LOSS);
        sd.setLossVariables(loss);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(spec.learningRate()))
                .dataSetFeatureMapping(INPUT, TARGET).markLabelsUnused().build());
        return sd;
    }

    /** mean MSE + λ·(1 − mean SSIM) over the batch; its two terms are named for the capture. */
    private static SDVariable mseSsimLoss(SameDiff sd, ModelSpec spec, SDVariable logits, SDVariable target, int side) {
        SDVariable out = sd.nn.sigmoid(logits);
        SDVariable mse = sd.math.squaredDifference(out, target).mean(MSE_TERM);
        SDVariable ssim = SsimGraph.perImage(sd, target, out, side).mean(SSIM_MEAN);
        return mse.add(LOSS, ssim.rsub(1.0).mul(spec.ssimWeight()));
    }

    /** Dense up to the smallest feature map, then sub-pixel upsampling per level, as logits [n, 1, side, side]. */
    private static SDVariable decoder(SameDiff sd, ModelSpec spec, int side, SDVariable z) {
        List<Integer> channels = spec.hidden();
        int levels = channels.size();
        int small = side >> levels;
        int last = channels.get(levels - 1);
        SDVariable h = dense(sd, "up_", z, spec.latent(), last * small * small, true).reshape(-1, last, small, small);
        int in = last;
        for (int i = levels - 1; i >= 0; i--) {
            int out = i == 0 ? 1 : channels.get(i - 1);
            h = sd.cnn().depthToSpace(conv(sd, "dec" + i, h, in, 4 * out, 1), 2, DataFormat.NCHW);
            if (i > 0) h = sd.nn.relu(h, 0);
            in = out;
        }
        return h;
    }

    /** A 3×3 "same" convolution, NCHW; weights created once per name, shared after. */
    private static SDVariable conv(SameDiff sd, String name, SDVariable x, int in, int out, int stride) {
        SDVariable w = parameter(sd, name + "_W", new XavierInitScheme('c', in * 9, out * 9), 3, 3, in, out);
        SDVariable b = parameter(sd, name + "_b", new ZeroInitScheme('c'), out);
        return sd.cnn().conv2d(x, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build());
    }

    /**
     * One Adam step. MSE and BCE train by {@link ConvTrainingStep} (the graph's maths as ND4J ops
     * on fixed arrays, 2–3× faster than the graph's fit); MSE + SSIM, and tests wanting the
     * reference, by the graph's own fit.
     */
    @Override
    public double fit(INDArray input, INDArray target) {
        double loss;
        if (!viaSameDiff && spec.loss() != LossKind.MSE_SSIM) {
            if (step == null) step = new ConvTrainingStep(sd, spec, inputSize);
            loss = step.fit(input, target);
        } else {
            capture.clear();
            sd.fit(new MultiDataSet(new INDArray[] {input, target}, new INDArray[0]));
            loss = spec.loss() == LossKind.MSE_SSIM
                    ? capture.value(MSE_TERM) + spec.ssimWeight() * (1 - capture.value(SSIM_MEAN))
                    : capture.value(PER_PIXEL);
        }
        SubnormalFlush.ifDue(sd);
        return loss;
    }

    /** Trains through {@code SameDiff.fit} instead, as the reference for tests. */
    void trainViaSameDiff() {
        viaSameDiff = true;
    }

    /** Codes through plain ops on the graph's weights (no SameDiff inference session: see {@link ConvForward}). */
    @Override
    public float[][] encode(float[][] images) {
        return forward().encode(images);
    }

    @Override
    public float[][] decode(float[][] codes) {
        return forward().decode(codes);
    }

    @Override
    public float[][] reconstruct(float[][] images) {
        ConvForward f = forward();
        return f.decode(f.encode(images));
    }

    private ConvForward forward() {
        ConvForward f = forward;
        if (f == null) forward = f = new ConvForward(sd, spec, inputSize);
        return f;
    }

    @Override
    public ConvAutoencoder copy() {
        try {
            return fromBytes(spec, inputSize, toBytes(false));
        } catch (IOException e) {
            throw new IllegalStateException("could not copy the convolutional autoencoder", e);
        }
    }

    /** A conv autoencoder around a graph built by {@link #graph} whose parameters came from a file. */
    static ConvAutoencoder fromGraph(ModelSpec spec, int inputSize, SameDiff sd) {
        return new ConvAutoencoder(spec, inputSize, sd);
    }

    static ConvAutoencoder fromBytes(ModelSpec spec, int inputSize, byte[] bytes) throws IOException {
        try {
            return new ConvAutoencoder(spec, inputSize, graphFromBytes(bytes));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
