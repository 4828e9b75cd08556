package io.github.latentlab.ui.runs;

import java.util.List;

import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.ui.Texts;

/**
 * The comparisons the tutorials this app grew from make, each a pair of runs on the same data
 * with the same epochs, batch and seed: latent 2 vs 64, AE vs DAE on noisy input, AE vs VAE,
 * dense vs convolutional. {@code inputNoise} is the noise the comparison should show on inputs.
 */
public enum ClassicComparisons {
    LATENT_2_VS_64("runs.classic.latentSize", 0,
            new ModelSpec(ModelKind.AE, List.of(128), 2, LossKind.MSE, 1e-3, 0),
            new ModelSpec(ModelKind.AE, List.of(128), 64, LossKind.MSE, 1e-3, 0)),
    AE_VS_DAE("runs.classic.aeVsDae", 0.4,
            new ModelSpec(ModelKind.AE, List.of(256), 32, LossKind.BCE, 1e-3, 0),
            new ModelSpec(ModelKind.DAE, List.of(256), 32, LossKind.BCE, 1e-3, 0.4, NoiseKind.GAUSSIAN)),
    AE_VS_VAE("runs.classic.aeVsVae", 0,
            new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.BCE, 1e-3, 0),
            new ModelSpec(ModelKind.VAE, List.of(256), 8, LossKind.BCE, 1e-3, 0, NoiseKind.GAUSSIAN, 1)),
    DENSE_VS_CONV("runs.classic.denseVsConv", 0,
            new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0),
            new ModelSpec(ModelKind.CONV, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0));

    /** Bundle key of the title. */
    private final String titleKey;
    private final double inputNoise;
    private final List<ModelSpec> specs;

    ClassicComparisons(String titleKey, double inputNoise, ModelSpec... specs) {
        this.titleKey = titleKey;
        this.inputNoise = inputNoise;
        this.specs = List.of(specs);
    }

    /** The title in the window's language. */
    public String title() { return Texts.get(titleKey); }
    public double inputNoise() { return inputNoise; }
    public List<ModelSpec> specs() { return specs; }

    @Override public String toString() { return title(); }
}
