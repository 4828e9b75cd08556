package io.github.latentlab.model;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.metrics.Metrics;

/**
 * Reconstruction quality of a model on a dataset, per pixel: MSE, BCE, the loss the model was
 * trained with, and mean per-image PSNR. Inputs may be corrupted first (denoising evaluation).
 */
public record Evaluation(int images, double mse, double bce, double psnr, LossKind lossKind) {
    private static final int BATCH = 1000;

    /** The model's own training loss on this data, per pixel. */
    public double loss() { return lossKind == LossKind.BCE ? bce : mse; }

    public static Evaluation of(Autoencoder model, Dataset data) {
        return of(model, data, data.size());
    }

    /** Evaluates on the first {@code limit} images (all of them if limit exceeds the size). */
    public static Evaluation of(Autoencoder model, Dataset data, int limit) {
        int n = Math.min(limit, data.size());
        if (n == 0) throw new IllegalArgumentException("dataset " + data.id() + " is empty");
        double mse = 0, bce = 0, psnr = 0;
        int finitePsnr = 0;
        for (int start = 0; start < n; start += BATCH) {
            int len = Math.min(BATCH, n - start);
            int[] idx = new int[len];
            for (int k = 0; k < len; k++) idx[k] = start + k;
            float[][] clean = data.images(idx);
            float[][] out = model.reconstruct(clean);
            for (int k = 0; k < len; k++) {
                double m = Metrics.mse(clean[k], out[k]);
                mse += m;
                bce += Metrics.bce(clean[k], out[k]);
                double p = Metrics.psnrFromMse(m);
                if (Double.isFinite(p)) { psnr += p; finitePsnr++; }
            }
        }
        return new Evaluation(n, mse / n, bce / n,
                finitePsnr == 0 ? Double.POSITIVE_INFINITY : psnr / finitePsnr, model.spec().loss());
    }
}
