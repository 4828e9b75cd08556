package io.github.latentlab.model;

import java.util.Arrays;
import java.util.Locale;

/** The families of autoencoder Latent Lab trains; {@link #id()} is the command-line name. */
public enum ModelKind {
    AE("ae", "Autoencoder"),
    DAE("dae", "Denoising autoencoder"),
    VAE("vae", "Variational autoencoder"),
    CONV("conv", "Convolutional autoencoder");

    private final String id;
    private final String displayName;

    ModelKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() { return id; }
    public String displayName() { return displayName; }

    /** Whether training must corrupt the input (the clean image stays the target). */
    public boolean trainsOnNoise() { return this == DAE; }

    /** Whether training may corrupt the input: a conv autoencoder with a noise level is a denoising one. */
    public boolean acceptsNoise() { return this == DAE || this == CONV; }

    /** Whether {@code ModelSpec.hidden} lists convolution channels rather than dense layer widths. */
    public boolean convolutional() { return this == CONV; }

    public static ModelKind fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model kind '" + id
                        + "': expected one of " + Arrays.stream(values()).map(ModelKind::id).toList()));
    }

    @Override public String toString() { return displayName; }
}
