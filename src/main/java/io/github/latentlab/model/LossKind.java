package io.github.latentlab.model;

import java.util.Arrays;
import java.util.Locale;

/** Reconstruction loss. Both are reported per pixel, averaged over pixels and images. */
public enum LossKind {
    MSE("mse", "Mean squared error"),
    BCE("bce", "Binary cross-entropy");

    private final String id;
    private final String displayName;

    LossKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() { return id; }
    public String displayName() { return displayName; }

    public static LossKind fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss '" + id
                        + "': expected one of " + Arrays.stream(values()).map(LossKind::id).toList()));
    }

    @Override public String toString() { return id.toUpperCase(Locale.ROOT); }
}
