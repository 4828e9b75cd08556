package io.github.latentlab.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Variational autoencoder on a SameDiff graph: encoder (ReLU layers) to μ and log σ², z = μ + σ·ε,
 * decoder (mirrored ReLU layers, sigmoid output). Loss per image: reconstruction (BCE summed over
 * pixels, computed from logits, or summed squared error) + β·KL(q(z|x) ‖ N(0, I)).
 *
 * <p>Why SameDiff and not DL4J's VariationalAutoencoder layer: that layer trains only through
 * pretraining, has no β and reports score 0. ε is fed from Java with a seeded generator, so
 * training is reproducible. {@link #encode} gives μ; {@link #decode} runs the decoder alone
 * through a second input ({@code zIn}) that shares its weights. ε restarts from the seed at each
 * epoch ({@link #beginEpoch}), so a run resumed from a checkpoint draws the same ε as the original.
 */
public final class VariationalAutoencoder extends SameDiffAutoencoder {
    private static final String RECON = "reconLoss";
    private static final String KL = "kl";

    private final long seed;
    private final TrainingLossCapture capture = new TrainingLossCapture(RECON, KL);
    private SplittableRandom noise;
    private VaeTrainingStep step;
    private volatile DenseStack encoder, decoder;
    private boolean viaSameDiff;
    private double lastReconstruction = Double.NaN, lastKl = Double.NaN;

    private VariationalAutoencoder(ModelSpec spec, int inputSize, SameDiff sd, long seed) {
        super(spec, inputSize, sd, "mu");
        this.seed = seed;
        this.noise = new SplittableRandom(seed);
        sd.setListeners(capture);
    }

    public static VariationalAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        NativeRuntime.init();
        Nd4j.getRandom().setSeed(seed); // weight init
        return new VariationalAutoencoder(spec, inputSize, graph(spec, inputSize), seed);
    }

    static SameDiff graph(ModelSpec spec, int inputSize) {
        SameDiff sd = SameDiff.create();
        int d = spec.latent();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, inputSize);
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, inputSize);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, d);
        SDVariable h = x;
        int in = inputSize;
        List<Integer> hidden = spec.hidden();
        List<String> encoderNames = encoderLayers(hidden.size());
        for (int i = 0; i < hidden.size(); i++) {
            h = dense(sd, encoderNames.get(i), h, in, hidden.get(i), true);
            in = hidden.get(i);
        }
        SDVariable mu = dense(sd, MU_LAYER, h, in, d, false).add("mu", 0.0);
        SDVariable logvar = dense(sd, LOGVAR_LAYER, h, in, d, false).add("logvar", 0.0);
        SDVariable z = mu.add(sd.math.exp(logvar.mul(0.5)).mul(eps));
        SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, d);
        SDVariable logits = decoder(sd, spec, inputSize, z);
        sd.nn.sigmoid(DECODED, decoder(sd, spec, inputSize, zIn));
        SDVariable recon = perPixelLoss(sd, spec.loss(), logits, target).sum(1).mean(RECON);
        SDVariable kl = logvar.add(1.0).sub(mu.mul(mu)).sub(sd.math.exp(logvar)).sum(1).mul(-0.5).mean(KL);
        SDVariable loss = recon.add(LOSS, kl.mul(spec.beta()));
        sd.setLossVariables(loss);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(spec.learningRate()))
                .dataSetFeatureMapping(INPUT, TARGET, "eps").markLabelsUnused().build());
        return sd;
    }

    /** The decoder layers on {@code z}, as logits; a second call shares the first one's weights (by name). */
    private static SDVariable decoder(SameDiff sd, ModelSpec spec, int inputSize, SDVariable z) {
        SDVariable h = z;
        int in = spec.latent();
        List<Integer> hidden = spec.hidden();
        List<String> names = decoderLayers(hidden.size()); // the innermost hidden layer's mirror first
        for (int k = 0; k < hidden.size(); k++) {
            int width = hidden.get(hidden.size() - 1 - k);
            h = dense(sd, names.get(k), h, in, width, true);
            in = width;
        }
        return dense(sd, names.get(hidden.size()), h, in, inputSize, false);
    }

    /** The two parts of the loss, per image, on a batch with z = μ + σ·ε (ε drawn here). */
    public record LossParts(double reconstruction, double kl) {
        public double total(double beta) { return reconstruction + beta * kl; }
    }

    /**
     * One Adam step; the batch's loss (per pixel) from its two terms. Trained by
     * {@link VaeTrainingStep} (the graph's maths as ND4J ops on fixed arrays); the graph's own
     * {@code fit} stays as the reference it is tested against.
     */
    @Override
    public double fit(INDArray input, INDArray target) {
        int rows = (int) input.rows();
        if (viaSameDiff) {
            capture.clear();
            sd.fit(new MultiDataSet(new INDArray[] {input, target, epsilon(rows)}, new INDArray[0]));
            lastReconstruction = capture.value(RECON);
            lastKl = capture.value(KL);
        } else {
            if (step == null) step = new VaeTrainingStep(sd, spec, inputSize);
            step.fit(input, target, epsilonValues(rows));
            lastReconstruction = step.lastReconstruction();
            lastKl = step.lastKl();
        }
        SubnormalFlush.ifDue(sd);
        return (lastReconstruction + spec.beta() * lastKl) / inputSize;
    }

    /** Trains through {@code SameDiff.fit} instead, as the reference for tests. */
    void trainViaSameDiff() {
        viaSameDiff = true;
    }

    /** The reconstruction and KL terms of the last training step, per pixel (they add up to its loss with β). */
    @Override
    public double[] lastLossParts() {
        return new double[] {lastReconstruction / inputSize, spec.beta() * lastKl / inputSize};
    }

    /** Restarts the ε stream from the run's seed and the epoch, so a resumed run draws the same ε. */
    @Override
    public void beginEpoch(int epoch) {
        noise = new SplittableRandom(seed * 1_000_003L + epoch);
    }

    /** Reconstruction and KL per image on a batch (ε from N(0, I)), without training. */
    public LossParts lossParts(INDArray input) {
        Map<String, INDArray> out = sd.output(Map.of(INPUT, input, TARGET, input, "eps", epsilon((int) input.rows())),
                RECON, KL);
        return new LossParts(out.get(RECON).getDouble(0), out.get(KL).getDouble(0));
    }

    private INDArray epsilon(int rows) {
        return Nd4j.create(epsilonValues(rows), new int[] {rows, spec.latent()}, 'c');
    }

    /** The next ε for a batch, row by row, from the seeded stream. */
    private float[] epsilonValues(int rows) {
        float[] e = new float[rows * spec.latent()];
        for (int i = 0; i < e.length; i++) e[i] = (float) noise.nextGaussian();
        return e;
    }

    /**
     * μ of q(z|x), through the encoder's layers as plain ops (the graph's weights): no SameDiff
     * inference session, which keeps a cache of arrays, while the trainer checks and evaluates.
     */
    @Override
    public float[][] encode(float[][] images) {
        DenseStack e = encoder;
        if (e == null) {
            List<String> names = new ArrayList<>(encoderLayers(spec.hidden().size()));
            names.add(MU_LAYER);
            encoder = e = layers(names, DenseStack.Last.LINEAR);
        }
        return e.run(images);
    }

    /** The decoder (the dense layers after z) as plain ops: the latent map's drag decodes one code at a time. */
    @Override
    public float[][] decode(float[][] codes) {
        DenseStack d = decoder;
        if (d == null) {
            decoder = d = layers(decoderLayers(spec.hidden().size()), DenseStack.Last.SIGMOID);
        }
        return d.run(codes);
    }

    /** The graph's dense layers by name (each has {@code name_W} and {@code name_b}); the graph builder, the training step and inference share them. */
    static final String MU_LAYER = "mu_", LOGVAR_LAYER = "logvar_";

    /** The encoder's hidden layers, from the image up. */
    static List<String> encoderLayers(int hidden) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hidden; i++) names.add("enc" + i);
        return names;
    }

    /** The decoder's layers, from the code up, the output layer last. */
    static List<String> decoderLayers(int hidden) {
        List<String> names = new ArrayList<>();
        for (int i = hidden - 1; i >= 0; i--) names.add("dec" + i);
        names.add("out");
        return names;
    }

    private DenseStack layers(List<String> names, DenseStack.Last last) {
        List<INDArray> weights = new ArrayList<>(), biases = new ArrayList<>();
        for (String name : names) {
            weights.add(sd.getVariable(name + "_W").getArr());
            biases.add(sd.getVariable(name + "_b").getArr());
        }
        return new DenseStack(weights, biases, last);
    }

    /** σ of q(z|x) per image and dimension: how uncertain the encoder is. */
    public float[][] encodeSigma(float[][] images) {
        INDArray logvar = sd.output(Map.of(INPUT, Nd4j.create(images)), "logvar").get("logvar");
        return Transforms.exp(logvar.mul(0.5), false).toFloatMatrix();
    }

    /** Reconstructs through z = μ (no sampling), so figures compare with a plain autoencoder's. */
    @Override
    public float[][] reconstruct(float[][] images) {
        return decode(encode(images));
    }

    /** {@code n} images decoded from z ~ N(0, I); the same seed gives the same images. */
    public float[][] sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] z = new float[n][spec.latent()];
        for (float[] row : z) for (int j = 0; j < row.length; j++) row[j] = (float) r.nextGaussian();
        return decode(z);
    }

    @Override
    public VariationalAutoencoder copy() {
        try {
            return fromBytes(spec, inputSize, toBytes(false), seed);
        } catch (IOException e) {
            throw new IllegalStateException("could not copy the VAE", e);
        }
    }

    /** A VAE around a graph built by {@link #graph} whose parameters came from a file. */
    static VariationalAutoencoder fromGraph(ModelSpec spec, int inputSize, SameDiff sd, long seed) {
        return new VariationalAutoencoder(spec, inputSize, sd, seed);
    }

    static VariationalAutoencoder fromBytes(ModelSpec spec, int inputSize, byte[] bytes, long seed) throws IOException {
        try {
            return new VariationalAutoencoder(spec, inputSize, graphFromBytes(bytes), seed);
        } catch (IllegalArgumentException e) {
            throw new IOException("the saved graph is not a Latent Lab VAE", e);
        }
    }
}
