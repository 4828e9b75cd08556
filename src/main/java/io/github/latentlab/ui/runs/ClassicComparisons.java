package io.github.latentlab.ui.runs;

import java.util.List;

import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.data.noise.NoiseKind;

/**
 * The comparisons the tutorials this app grew from make, each a pair of runs on the same data
 * with the same epochs, batch and seed: latent 2 vs 64, AE vs DAE on noisy input, AE vs VAE,
 * dense vs convolutional. {@code inputNoise} is the noise the comparison should show on inputs.
 */
public enum ClassicComparisons {
    LATENT_2_VS_64("Latent size 2 vs 64", 0,
            new ModelSpec(ModelKind.AE, List.of(128), 2, LossKind.MSE, 1e-3, 0),
            new ModelSpec(ModelKind.AE, List.of(128), 64, LossKind.MSE, 1e-3, 0)),
    AE_VS_DAE("AE vs denoising AE on noisy input", 0.4,
            new ModelSpec(ModelKind.AE, List.of(256), 32, LossKind.BCE, 1e-3, 0),
            new ModelSpec(ModelKind.DAE, List.of(256), 32, LossKind.BCE, 1e-3, 0.4, NoiseKind.GAUSSIAN)),
    AE_VS_VAE("AE vs VAE", 0,
            new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.BCE, 1e-3, 0),
            new ModelSpec(ModelKind.VAE, List.of(256), 8, LossKind.BCE, 1e-3, 0, NoiseKind.GAUSSIAN, 1)),
    DENSE_VS_CONV("Dense vs convolutional", 0,
            new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0),
            new ModelSpec(ModelKind.CONV, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0));

    private final String title;
    private final double inputNoise;
    private final List<ModelSpec> specs;

    ClassicComparisons(String title, double inputNoise, ModelSpec... specs) {
        this.title = title;
        this.inputNoise = inputNoise;
        this.specs = List.of(specs);
    }

    public String title() { return title; }
    public double inputNoise() { return inputNoise; }
    public List<ModelSpec> specs() { return specs; }

    @Override public String toString() { return title; }
}
