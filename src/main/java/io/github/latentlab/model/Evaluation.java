package io.github.latentlab.model;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.metrics.Ssim;

/**
 * Reconstruction quality of a model on a dataset, per pixel: MSE, BCE, the loss the model was
 * trained with, mean per-image PSNR and, when asked for (always for a model trained with MSE +
 * SSIM, whose loss needs it), mean per-image SSIM; NaN when not computed.
 */
public record Evaluation(int images, double mse, double bce, double psnr, double ssim, LossKind lossKind,
                         double ssimWeight) {
    private static final int BATCH = 1000;

    /** The model's own training loss on this data (per pixel; MSE + SSIM adds λ·(1 − SSIM) per image). */
    public double loss() {
        return switch (lossKind) {
            case BCE -> bce;
            case MSE -> mse;
            case MSE_SSIM -> mse + ssimWeight * (1 - ssim);
        };
    }

    public static Evaluation of(Autoencoder model, Dataset data) {
        return of(model, data, data.size());
    }

    /** Evaluates on the first {@code limit} images (all of them if limit exceeds the size). */
    public static Evaluation of(Autoencoder model, Dataset data, int limit) {
        return of(model, data, limit, model.spec().loss() == LossKind.MSE_SSIM);
    }

    /** As {@link #of(Autoencoder, Dataset, int)}, with SSIM computed if {@code withSsim} (~40 µs an image). */
    public static Evaluation of(Autoencoder model, Dataset data, int limit, boolean withSsim) {
        int n = Math.min(limit, data.size());
        if (n == 0) throw new IllegalArgumentException("dataset " + data.id() + " is empty");
        double mse = 0, bce = 0, psnr = 0, ssim = 0;
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
                if (withSsim) ssim += Ssim.ssim(clean[k], out[k], data.side());
            }
        }
        ModelSpec spec = model.spec();
        return new Evaluation(n, mse / n, bce / n, finitePsnr == 0 ? Double.POSITIVE_INFINITY : psnr / finitePsnr,
                withSsim ? ssim / n : Double.NaN, spec.loss(), spec.ssimWeight());
    }
}
