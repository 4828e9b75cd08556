package io.github.latentlab.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reconstruction loss, averaged over images. MSE and BCE are per pixel; MSE + SSIM is the per-pixel
 * MSE plus λ·(1 − SSIM) per image (λ: {@link ModelSpec#ssimWeight()}), which keeps edges and texture
 * that MSE alone blurs away. The VAE takes MSE or BCE only.
 */
public enum LossKind {
    MSE("mse", "MSE", "Mean squared error"),
    BCE("bce", "BCE", "Binary cross-entropy"),
    MSE_SSIM("mse+ssim", "MSE + SSIM", "MSE + λ·(1 − SSIM)");

    private final String id;
    private final String label;
    private final String displayName;

    LossKind(String id, String label, String displayName) {
        this.id = id;
        this.label = label;
        this.displayName = displayName;
    }

    public String id() { return id; }
    public String displayName() { return displayName; }

    /** Whether a model of this kind can train with this loss (a VAE's loss is a log-likelihood: MSE or BCE). */
    public boolean suits(ModelKind kind) { return this != MSE_SSIM || kind != ModelKind.VAE; }

    public static LossKind fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss '" + id
                        + "': expected one of " + Arrays.stream(values()).map(LossKind::id).toList()));
    }

    /** The short name: "MSE", "BCE", "MSE + SSIM". */
    @Override public String toString() { return label; }
}
