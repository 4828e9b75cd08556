package io.github.latentlab.model;

import java.util.Arrays;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.metrics.Ssim;

/**
 * How much a model cleans up corrupted images: mean PSNR and SSIM against the clean image of the
 * noisy input and of the model's reconstruction of it. The noise is seeded, so two models are
 * compared on exactly the same corrupted images.
 */
public record DenoisingEvaluation(NoiseSpec noise, int images, double noisyPsnr, double denoisedPsnr,
                                  double noisySsim, double denoisedSsim) {
    private static final int BATCH = 1000;

    /** {@code model} null measures the noisy inputs alone (the denoised scores are NaN). */
    public static DenoisingEvaluation of(Autoencoder model, Dataset data, NoiseSpec noise, long seed, int limit) {
        int n = Math.min(limit, data.size());
        if (n == 0) throw new IllegalArgumentException("dataset " + data.id() + " is empty");
        int side = data.side(), p = data.pixelCount();
        double noisyPsnr = 0, denoisedPsnr = 0, noisySsim = 0, denoisedSsim = 0;
        for (int start = 0; start < n; start += BATCH) {
            int len = Math.min(BATCH, n - start);
            float[] clean = new float[len * p];
            System.arraycopy(data.pixels(), start * p, clean, 0, len * p);
            // seed + start keeps each image's noise independent of the batch it falls in
            float[] noisy = noise.kind().apply(clean, side, noise.level(), seed + start);
            float[][] noisyRows = new float[len][];
            for (int k = 0; k < len; k++) noisyRows[k] = Arrays.copyOfRange(noisy, k * p, (k + 1) * p);
            float[][] out = model == null ? null : model.reconstruct(noisyRows);
            for (int k = 0; k < len; k++) {
                float[] c = Arrays.copyOfRange(clean, k * p, (k + 1) * p);
                noisyPsnr += cap(Metrics.psnr(c, noisyRows[k]));
                noisySsim += Ssim.ssim(c, noisyRows[k], side);
                if (out == null) continue;
                denoisedPsnr += cap(Metrics.psnr(c, out[k]));
                denoisedSsim += Ssim.ssim(c, out[k], side);
            }
        }
        double none = Double.NaN;
        return new DenoisingEvaluation(noise, n, noisyPsnr / n, model == null ? none : denoisedPsnr / n, noisySsim / n,
                model == null ? none : denoisedSsim / n);
    }

    /** Identical images (zero noise) have infinite PSNR; cap at 100 dB so means stay finite. */
    private static double cap(double psnr) {
        return Math.min(psnr, 100);
    }
}
