package io.github.latentlab.data.noise;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Additive Gaussian noise for denoising autoencoders: each pixel gets an independent
 * N(0, sigma²) sample and is clipped back to [0, 1]. Sigma is in pixel units: 0.1 is light
 * grain, 0.3 hides thin strokes, 0.5 leaves mostly noise.
 */
public final class GaussianNoise {
    /** Pixels per independently seeded block of {@link #apply}; fixed so results never depend on threads. */
    private static final int BLOCK = 1 << 16;

    private GaussianNoise() { }

    /**
     * A noisy copy of {@code images} (any length); the input is not changed. The same seed always
     * gives the same result, however many cores run it.
     *
     * @throws IllegalArgumentException if sigma is negative, NaN or infinite
     */
    public static float[] apply(float[] images, float sigma, long seed) {
        checkSigma(sigma);
        float[] out = new float[images.length];
        int blocks = (images.length + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int len = Math.min(BLOCK, images.length - from);
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            applyInPlace(images, from, len, out, from, sigma, rnd);
        });
        return out;
    }

    /**
     * Writes {@code src[from .. from+len)} plus noise, clipped to [0, 1], into the same positions
     * of {@code dst}; {@code dst} may be {@code src} itself. Allocates nothing: meant for
     * training loops, with one {@link SplittableRandom} per loop.
     */
    public static void applyInPlace(float[] src, int from, int len, float[] dst, float sigma, SplittableRandom rnd) {
        applyInPlace(src, from, len, dst, from, sigma, rnd);
    }

    /**
     * Writes {@code src[from .. from+len)} plus noise, clipped to [0, 1], into
     * {@code dst[dstFrom .. dstFrom+len)}, e.g. one image of a dataset into a batch buffer.
     */
    public static void applyInPlace(float[] src, int from, int len, float[] dst, int dstFrom, float sigma,
                                    SplittableRandom rnd) {
        checkSigma(sigma);
        if (from < 0 || len < 0 || from + len > src.length || dstFrom < 0 || dstFrom + len > dst.length) {
            throw new IndexOutOfBoundsException("range " + from + "+" + len + " of " + src.length
                    + " into " + dstFrom + " of " + dst.length);
        }
        for (int i = 0; i < len; i++) {
            float v = src[from + i] + sigma * (float) rnd.nextGaussian();
            dst[dstFrom + i] = v < 0 ? 0 : (v > 1 ? 1 : v);
        }
    }

    private static void checkSigma(float sigma) {
        if (!(sigma >= 0) || Float.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be a finite number >= 0, got " + sigma);
        }
    }
}
