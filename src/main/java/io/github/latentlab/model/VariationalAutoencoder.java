package io.github.latentlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/**
 * Variational autoencoder on a SameDiff graph: encoder (ReLU layers) to μ and log σ², z = μ + σ·ε,
 * decoder (mirrored ReLU layers, sigmoid output). Loss per image: reconstruction (BCE summed over
 * pixels, computed from logits, or summed squared error) + β·KL(q(z|x) ‖ N(0, I)).
 *
 * <p>Why SameDiff and not DL4J's VariationalAutoencoder layer: that layer trains only through
 * pretraining, has no β and reports score 0. ε is fed from Java with a seeded generator, so
 * training is reproducible. {@link #encode} gives μ; {@link #decode} runs the decoder alone
 * through a second input ({@code zIn}) that shares its weights.
 */
public final class VariationalAutoencoder implements TrainableAutoencoder {
    private final ModelSpec spec;
    private final int inputSize;
    private final SameDiff sd;
    private final SplittableRandom noise;

    private VariationalAutoencoder(ModelSpec spec, int inputSize, SameDiff sd, long seed) {
        this.spec = spec;
        this.inputSize = inputSize;
        this.sd = sd;
        this.noise = new SplittableRandom(seed);
    }

    public static VariationalAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        NativeRuntime.init();
        Nd4j.getRandom().setSeed(seed); // weight init
        return new VariationalAutoencoder(spec, inputSize, graph(spec, inputSize), seed);
    }

    private static SameDiff graph(ModelSpec spec, int inputSize) {
        SameDiff sd = SameDiff.create();
        int d = spec.latent();
        SDVariable x = sd.placeHolder("input", DataType.FLOAT, -1, inputSize);
        SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1, inputSize);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, d);
        SDVariable h = x;
        int in = inputSize;
        List<Integer> hidden = spec.hidden();
        for (int i = 0; i < hidden.size(); i++) {
            h = dense(sd, "enc" + i, h, in, hidden.get(i), true);
            in = hidden.get(i);
        }
        SDVariable mu = dense(sd, "mu_", h, in, d, false).add("mu", 0.0);
        SDVariable logvar = dense(sd, "logvar_", h, in, d, false).add("logvar", 0.0);
        SDVariable z = mu.add(sd.math.exp(logvar.mul(0.5)).mul(eps));
        SDVariable zIn = sd.placeHolder("zIn", DataType.FLOAT, -1, d);
        SDVariable logits = decoder(sd, spec, inputSize, z);
        sd.nn.sigmoid("decoded", decoder(sd, spec, inputSize, zIn));
        SDVariable perPixel = spec.loss() == LossKind.BCE
                ? sd.nn.relu(logits, 0).sub(logits.mul(target)).add(sd.math.log(sd.math.exp(sd.math.abs(logits).neg()).add(1.0)))
                : sd.math.squaredDifference(sd.nn.sigmoid(logits), target);
        SDVariable recon = perPixel.sum(1).mean("reconLoss");
        SDVariable kl = logvar.add(1.0).sub(mu.mul(mu)).sub(sd.math.exp(logvar)).sum(1).mul(-0.5).mean("kl");
        SDVariable loss = recon.add("loss", kl.mul(spec.beta()));
        sd.setLossVariables(loss);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(spec.learningRate()))
                .dataSetFeatureMapping("input", "target", "eps").markLabelsUnused().build());
        return sd;
    }

    /** The decoder layers on {@code z}, as logits; a second call shares the first one's weights (by name). */
    private static SDVariable decoder(SameDiff sd, ModelSpec spec, int inputSize, SDVariable z) {
        SDVariable h = z;
        int in = spec.latent();
        List<Integer> hidden = spec.hidden();
        for (int i = hidden.size() - 1; i >= 0; i--) {
            h = dense(sd, "dec" + i, h, in, hidden.get(i), true);
            in = hidden.get(i);
        }
        return dense(sd, "out", h, in, inputSize, false);
    }

    /** x·W + b (ReLU'd if asked); W and b are created once per name and reused after. */
    private static SDVariable dense(SameDiff sd, String name, SDVariable x, int in, int out, boolean relu) {
        SDVariable w = sd.hasVariable(name + "_W") ? sd.getVariable(name + "_W")
                : sd.var(name + "_W", new XavierInitScheme('c', in, out), DataType.FLOAT, in, out);
        SDVariable b = sd.hasVariable(name + "_b") ? sd.getVariable(name + "_b")
                : sd.var(name + "_b", new ZeroInitScheme('c'), DataType.FLOAT, 1, out);
        SDVariable y = x.mmul(w).add(b);
        return relu ? sd.nn.relu(y, 0) : y;
    }

    @Override public ModelSpec spec() { return spec; }
    @Override public int inputSize() { return inputSize; }

    /** The two parts of the loss, per image, on a batch with z = μ + σ·ε (ε drawn here). */
    public record LossParts(double reconstruction, double kl) {
        public double total(double beta) { return reconstruction + beta * kl; }
    }

    /**
     * One Adam step, then the batch's loss from a forward pass with the same ε. (SameDiff M2.1
     * hands its listeners a loss of 0, so the loss is computed again: about a third more work
     * per step, measured in docs/benchmarks.md.)
     */
    @Override
    public double fit(INDArray input, INDArray target) {
        INDArray eps = epsilon((int) input.rows());
        sd.fit(new MultiDataSet(new INDArray[] {input, target, eps}, new INDArray[0]));
        return sd.output(placeholders(input, target, eps), "loss").get("loss").getDouble(0) / inputSize;
    }

    /** Reconstruction and KL per image on a batch (ε from N(0, I)), without training. */
    public LossParts lossParts(INDArray input) {
        Map<String, INDArray> out = sd.output(placeholders(input, input, epsilon((int) input.rows())), "reconLoss", "kl");
        return new LossParts(out.get("reconLoss").getDouble(0), out.get("kl").getDouble(0));
    }

    private static Map<String, INDArray> placeholders(INDArray input, INDArray target, INDArray eps) {
        return Map.of("input", input, "target", target, "eps", eps);
    }

    private INDArray epsilon(int rows) {
        float[] e = new float[rows * spec.latent()];
        for (int i = 0; i < e.length; i++) e[i] = (float) noise.nextGaussian();
        return Nd4j.create(e, new int[] {rows, spec.latent()}, 'c');
    }

    @Override
    public float[][] encode(float[][] images) {
        return sd.output(Map.of("input", Nd4j.create(images)), "mu").get("mu").toFloatMatrix();
    }

    /** σ of q(z|x) per image and dimension: how uncertain the encoder is. */
    public float[][] encodeSigma(float[][] images) {
        INDArray logvar = sd.output(Map.of("input", Nd4j.create(images)), "logvar").get("logvar");
        return org.nd4j.linalg.ops.transforms.Transforms.exp(logvar.mul(0.5), false).toFloatMatrix();
    }

    @Override
    public float[][] decode(float[][] codes) {
        if (codes.length > 0 && codes[0].length != spec.latent()) {
            throw new IllegalArgumentException("code has " + codes[0].length + " dimensions, model expects " + spec.latent());
        }
        return sd.output(Map.of("zIn", Nd4j.create(codes)), "decoded").get("decoded").toFloatMatrix();
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
    public boolean parametersFinite() {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.VARIABLE) continue;
            if (!Double.isFinite(v.getArr().sumNumber().doubleValue())) return false;
        }
        return true;
    }

    @Override
    public VariationalAutoencoder copy() {
        try {
            return fromBytes(spec, inputSize, toBytes(), noise.split().nextLong());
        } catch (IOException e) {
            throw new IllegalStateException("could not copy the VAE", e);
        }
    }

    /** The graph with its parameters and Adam state, as SameDiff's own file format. */
    byte[] toBytes() throws IOException {
        Path tmp = Files.createTempFile("latent-lab-vae", ".sd");
        try {
            sd.save(tmp.toFile(), true);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static VariationalAutoencoder fromBytes(ModelSpec spec, int inputSize, byte[] bytes, long seed) throws IOException {
        NativeRuntime.init();
        Path tmp = Files.createTempFile("latent-lab-vae", ".sd");
        try {
            Files.write(tmp, bytes);
            SameDiff sd = SameDiff.load(tmp.toFile(), true);
            if (!sd.hasVariable("decoded") || !sd.hasVariable("mu")) {
                throw new IOException("the saved graph is not a Latent Lab VAE");
            }
            return new VariationalAutoencoder(spec, inputSize, sd, seed);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
