package io.github.latentlab.data.noise;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ways Latent Lab corrupts images, with their command-line ids and the range of their level:
 * Gaussian σ (0–1, clipped to [0, 1]), salt-and-pepper fraction of pixels (0–0.5, half set to 0,
 * half to 1), and masking: the fraction of pixels (0–1) set to 0 in 4×4 blocks.
 * Every kind is deterministic per seed: the same level and seed give the same noise.
 */
public enum NoiseKind {
    GAUSSIAN("gaussian", "Gaussian", 1.0),
    SALT_PEPPER("saltpepper", "Salt and pepper", 0.5),
    MASK("mask", "Masked blocks", 1.0);

    /** Side of the square blocks {@link #MASK} blanks out. */
    public static final int MASK_BLOCK = 4;

    private final String id;
    private final String displayName;
    private final double maxLevel;

    NoiseKind(String id, String displayName, double maxLevel) {
        this.id = id;
        this.displayName = displayName;
        this.maxLevel = maxLevel;
    }

    public String id() { return id; }
    public String displayName() { return displayName; }
    public double maxLevel() { return maxLevel; }

    public static NoiseKind fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown noise '" + id + "': expected one of "
                        + Arrays.stream(values()).map(NoiseKind::id).toList()));
    }

    /**
     * A corrupted copy of {@code images} (rows of {@code side×side} pixels); the input is unchanged.
     * Image i's noise depends only on the seed and i, so any subset corrupts the same way.
     */
    public float[] apply(float[] images, int side, double level, long seed) {
        if (!(level >= 0) || level > maxLevel) {
            throw new IllegalArgumentException(id + " level " + level + " outside 0.." + maxLevel);
        }
        int p = side * side;
        if (images.length % p != 0) throw new IllegalArgumentException(images.length + " pixels is not whole images of " + p);
        float[] out = new float[images.length];
        for (int i = 0; i < images.length / p; i++) {
            applyInto(images, i * p, out, i * p, side, level, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
        }
        return out;
    }

    /**
     * Writes image {@code src[from .. from+side²)} corrupted into {@code dst} at {@code dstFrom};
     * allocates nothing, for training loops (level is not checked here: check it once outside).
     */
    public void applyInto(float[] src, int from, float[] dst, int dstFrom, int side, double level,
                          SplittableRandom rnd) {
        int p = side * side;
        if (this == GAUSSIAN) {
            GaussianNoise.applyInPlace(src, from, p, dst, dstFrom, (float) level, rnd);
            return;
        }
        System.arraycopy(src, from, dst, dstFrom, p);
        if (this == SALT_PEPPER) saltPepper(dst, dstFrom, p, level, rnd);
        else mask(dst, dstFrom, side, level, rnd);
    }

    private static void saltPepper(float[] x, int from, int len, double fraction, SplittableRandom rnd) {
        for (int j = from; j < from + len; j++) {
            double u = rnd.nextDouble();
            if (u < fraction) x[j] = u < fraction / 2 ? 0f : 1f;
        }
    }

    /** Blanks whole blocks, each with probability {@code fraction}, so about that share of pixels. */
    private static void mask(float[] x, int from, int side, double fraction, SplittableRandom rnd) {
        for (int by = 0; by < side; by += MASK_BLOCK) {
            for (int bx = 0; bx < side; bx += MASK_BLOCK) {
                if (rnd.nextDouble() >= fraction) continue;
                for (int y = by; y < Math.min(side, by + MASK_BLOCK); y++) {
                    for (int xx = bx; xx < Math.min(side, bx + MASK_BLOCK); xx++) x[from + y * side + xx] = 0f;
                }
            }
        }
    }

    @Override public String toString() { return displayName; }
}
