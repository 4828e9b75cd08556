package io.github.latentlab.model;

import java.util.List;
import java.util.Objects;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * What to build: the family, the hidden layer sizes of the encoder (the decoder mirrors them),
 * the latent size, the loss, Adam's learning rate and, for a denoising model, the noise that
 * corrupts its inputs during training (kind and level: σ for Gaussian, a fraction of pixels for
 * salt-and-pepper and masking), and for the MSE + SSIM loss the SSIM term's weight λ. Rejects
 * values no model can be built from, naming them.
 *
 * <p>Tuning: the material's classic is 784-128-64-128-784 (hidden [128], latent 64) at lr 1e-3;
 * a latent of 2 can be plotted directly but blurs; lr above ~1e-2 tends to diverge with Adam.
 * λ {@value #DEFAULT_SSIM_WEIGHT} for MSE + SSIM raises held-out SSIM clearly at a small cost in MSE
 * (docs/benchmarks.md); 0 is plain MSE.
 */
public record ModelSpec(ModelKind kind, List<Integer> hidden, int latent, LossKind loss,
                        double learningRate, double noiseLevel, NoiseKind noiseKind, double beta,
                        double ssimWeight) {
    public static final double MAX_BETA = 10;
    public static final double DEFAULT_SSIM_WEIGHT = 0.1;

    public static final int MIN_LATENT = 2;
    public static final int MAX_LATENT = 128;
    public static final int MAX_HIDDEN = 4096;

    public ModelSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loss, "loss");
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        if (kind.convolutional()) {
            if (hidden.isEmpty() || hidden.size() > ConvAutoencoder.MAX_LEVELS) {
                throw bad("model.spec.convLevels", ConvAutoencoder.MAX_LEVELS, hidden.size());
            }
            for (int c : hidden) {
                if (c < 1 || c > ConvAutoencoder.MAX_CHANNELS) {
                    throw bad("model.spec.channels", c, ConvAutoencoder.MAX_CHANNELS);
                }
            }
        }
        if (hidden.size() > 4) {
            throw bad("model.spec.layers", hidden.size());
        }
        for (int h : hidden) {
            if (h < 1 || h > MAX_HIDDEN) {
                throw bad("model.spec.hidden", h, MAX_HIDDEN);
            }
        }
        if (latent < MIN_LATENT || latent > MAX_LATENT) {
            throw bad("model.spec.latent", latent, MIN_LATENT, MAX_LATENT);
        }
        if (!(learningRate > 0) || learningRate > 100 || Double.isInfinite(learningRate)) {
            throw bad("model.spec.learningRate", String.valueOf(learningRate));
        }
        Objects.requireNonNull(noiseKind, "noiseKind");
        if (!(beta >= 0) || beta > MAX_BETA) throw bad("model.spec.beta", String.valueOf(beta), String.valueOf(MAX_BETA));
        if (kind != ModelKind.VAE) beta = 1;
        if (!loss.suits(kind)) {
            throw bad("model.spec.loss", loss.id(), kind.id());
        }
        if (!(ssimWeight >= 0) || Double.isInfinite(ssimWeight)) {
            throw bad("model.spec.ssimWeight", String.valueOf(ssimWeight));
        }
        if (loss != LossKind.MSE_SSIM) ssimWeight = DEFAULT_SSIM_WEIGHT;
        if (!(noiseLevel >= 0) || noiseLevel > noiseKind.maxLevel()) {
            throw bad("model.spec.noiseLevel", noiseKind.id(), String.valueOf(noiseLevel), String.valueOf(noiseKind.maxLevel()));
        }
        if (kind.trainsOnNoise() && noiseLevel == 0) {
            throw bad("model.spec.noNoise");
        }
        if (!kind.acceptsNoise() || noiseLevel == 0) {
            noiseLevel = 0;
            noiseKind = NoiseKind.GAUSSIAN;
        }
    }

    /** A spec with the default SSIM weight (used only by the MSE + SSIM loss). */
    public ModelSpec(ModelKind kind, List<Integer> hidden, int latent, LossKind loss, double learningRate,
                     double noiseLevel, NoiseKind noiseKind, double beta) {
        this(kind, hidden, latent, loss, learningRate, noiseLevel, noiseKind, beta, DEFAULT_SSIM_WEIGHT);
    }

    /** A spec whose denoising noise, if any, is Gaussian with σ {@code noiseLevel}. */
    public ModelSpec(ModelKind kind, List<Integer> hidden, int latent, LossKind loss, double learningRate,
                     double noiseLevel) {
        this(kind, hidden, latent, loss, learningRate, noiseLevel, NoiseKind.GAUSSIAN, 1);
    }

    /** A spec with β 1 (the standard VAE; ignored by the other kinds). */
    public ModelSpec(ModelKind kind, List<Integer> hidden, int latent, LossKind loss, double learningRate,
                     double noiseLevel, NoiseKind noiseKind) {
        this(kind, hidden, latent, loss, learningRate, noiseLevel, noiseKind, 1);
    }

    /** The tutorial default: 784-256-8-256-784 dense autoencoder, MSE, Adam 1e-3. */
    public static ModelSpec defaults() {
        return new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0);
    }


    /** The same spec with another Adam learning rate (e.g. to resume a run that diverged). */
    public ModelSpec withLearningRate(double rate) {
        return new ModelSpec(kind, hidden, latent, loss, rate, noiseLevel, noiseKind, beta, ssimWeight);
    }

    /** Whether training corrupts the inputs (a DAE, or a conv autoencoder given a noise level). */
    public boolean denoising() { return noiseLevel > 0; }

    /** e.g. "AE 784-256-8-256-784 MSE lr 0.001", "CONV 28²-c16-c32-8 MSE lr 0.001". */
    public String describe(int inputSize) {
        if (kind.convolutional()) return describeConv(inputSize);
        StringBuilder sb = new StringBuilder(kind.id().toUpperCase()).append(' ').append(inputSize);
        hidden.forEach(h -> sb.append('-').append(h));
        sb.append('-').append(latent);
        for (int i = hidden.size() - 1; i >= 0; i--) sb.append('-').append(hidden.get(i));
        sb.append('-').append(inputSize).append(' ').append(loss);
        appendSsimWeight(sb);
        sb.append(" lr ").append(learningRate);
        if (kind == ModelKind.VAE) sb.append(" β ").append(beta);
        appendNoise(sb);
        return sb.toString();
    }

    private String describeConv(int inputSize) {
        StringBuilder sb = new StringBuilder("CONV ").append(Math.round(Math.sqrt(inputSize))).append('²');
        hidden.forEach(c -> sb.append("-c").append(c));
        sb.append('-').append(latent).append(' ').append(loss);
        appendSsimWeight(sb);
        sb.append(" lr ").append(learningRate);
        appendNoise(sb);
        return sb.toString();
    }

    private void appendSsimWeight(StringBuilder sb) {
        if (loss == LossKind.MSE_SSIM) sb.append(" λ ").append(ssimWeight);
    }

    private void appendNoise(StringBuilder sb) {
        if (denoising()) {
            sb.append(noiseKind == NoiseKind.GAUSSIAN ? " σ " + noiseLevel : " " + noiseKind.id() + " " + noiseLevel);
        }
    }

    /** A refused setting, in words the window shows in its language (English on the command line). */
    private static Problems.BadArgument bad(String key, Object... args) {
        return new Problems.BadArgument(Message.of(key, args));
    }
}
