package io.github.latentlab.model;

import java.util.Arrays;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.metrics.Ssim;

/**
 * What the noise pane shows for one slider position: some test images clean, corrupted, and as
 * the model reconstructs the corrupted ones, with PSNR and SSIM of both against the clean image.
 * Each image's noise is seeded by its index, so it keeps its noise when the shown batch moves.
 * Reconstructions and their scores are null without a model (or one for other images).
 */
public record DenoisedRows(NoiseSpec noise, int[] indices, float[][] clean, float[][] noisy, float[][] denoised,
                           double[] noisyPsnr, double[] noisySsim, double[] denoisedPsnr, double[] denoisedSsim,
                           double millis) {
    public static final long NOISE_SEED = 1234;

    public static double mean(double[] v) {
        return v == null ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Computes the rows for test images {@code idx}; {@code millis} is how long that took. */
    public static DenoisedRows of(Autoencoder model, Dataset test, int[] idx, NoiseSpec noise) {
        long t0 = System.nanoTime();
        int side = test.side(), p = test.pixelCount();
        float[][] clean = test.images(idx);
        float[][] noisy = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) noisy[i] = noise.kind().apply(clean[i], side, noise.level(), NOISE_SEED + idx[i]);
        double[] nPsnr = new double[idx.length], nSsim = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            nPsnr[i] = Metrics.psnr(clean[i], noisy[i]);
            nSsim[i] = Ssim.ssim(clean[i], noisy[i], side);
        }
        if (model == null || model.inputSize() != p) {
            return new DenoisedRows(noise, idx, clean, noisy, null, nPsnr, nSsim, null, null, (System.nanoTime() - t0) / 1e6);
        }
        float[][] out = model.reconstruct(noisy);
        double[] dPsnr = new double[idx.length], dSsim = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            dPsnr[i] = Metrics.psnr(clean[i], out[i]);
            dSsim[i] = Ssim.ssim(clean[i], out[i], side);
        }
        return new DenoisedRows(noise, idx, clean, noisy, out, nPsnr, nSsim, dPsnr, dSsim, (System.nanoTime() - t0) / 1e6);
    }
}
