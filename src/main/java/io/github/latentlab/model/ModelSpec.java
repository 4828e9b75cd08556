package io.github.latentlab.model;

import java.util.List;
import java.util.Objects;

/**
 * What to build: the family, the hidden layer sizes of the encoder (the decoder mirrors them),
 * the latent size, the loss, Adam's learning rate and, for a denoising model, the Gaussian noise
 * σ added to inputs during training. Rejects values no model can be built from, naming them.
 *
 * <p>Tuning: the material's classic is 784-128-64-128-784 (hidden [128], latent 64) at lr 1e-3;
 * a latent of 2 can be plotted directly but blurs; lr above ~1e-2 tends to diverge with Adam.
 */
public record ModelSpec(ModelKind kind, List<Integer> hidden, int latent, LossKind loss,
                        double learningRate, double noiseSigma) {

    public static final int MIN_LATENT = 2;
    public static final int MAX_LATENT = 128;
    public static final int MAX_HIDDEN = 4096;

    public ModelSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loss, "loss");
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        if (hidden.size() > 4) {
            throw new IllegalArgumentException("at most 4 hidden layers, got " + hidden.size());
        }
        for (int h : hidden) {
            if (h < 1 || h > MAX_HIDDEN) {
                throw new IllegalArgumentException("hidden layer size " + h + " outside 1.." + MAX_HIDDEN);
            }
        }
        if (latent < MIN_LATENT || latent > MAX_LATENT) {
            throw new IllegalArgumentException("latent size " + latent + " outside " + MIN_LATENT + ".." + MAX_LATENT);
        }
        if (!(learningRate > 0) || learningRate > 100 || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be in (0, 100]");
        }
        if (!(noiseSigma >= 0) || noiseSigma > 1) {
            throw new IllegalArgumentException("noise sigma " + noiseSigma + " must be in [0, 1]");
        }
        if (kind.trainsOnNoise() && noiseSigma == 0) {
            throw new IllegalArgumentException("a denoising autoencoder needs a noise sigma above 0");
        }
        if (!kind.trainsOnNoise()) noiseSigma = 0;
    }

    /** The tutorial default: 784-256-8-256-784 dense autoencoder, MSE, Adam 1e-3. */
    public static ModelSpec defaults() {
        return new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0);
    }

    public ModelSpec withKind(ModelKind k, double sigma) {
        return new ModelSpec(k, hidden, latent, loss, learningRate, k.trainsOnNoise() ? sigma : 0);
    }

    /** e.g. "AE 784-256-8-256-784 MSE lr 0.001". */
    public String describe(int inputSize) {
        StringBuilder sb = new StringBuilder(kind.id().toUpperCase()).append(' ').append(inputSize);
        hidden.forEach(h -> sb.append('-').append(h));
        sb.append('-').append(latent);
        for (int i = hidden.size() - 1; i >= 0; i--) sb.append('-').append(hidden.get(i));
        sb.append('-').append(inputSize).append(' ').append(loss).append(" lr ").append(learningRate);
        if (kind.trainsOnNoise()) sb.append(" σ ").append(noiseSigma);
        return sb.toString();
    }
}
