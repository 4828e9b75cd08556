package io.github.latentlab.projection;

import java.util.SplittableRandom;

import smile.stat.distribution.ChiSquareDistribution;

import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.ModelKind;

/**
 * Walking and sampling latent space: interpolation between two codes (linear, or spherical, which
 * keeps the norm of Gaussian-like codes), and random codes from a Gaussian fitted to real codes
 * (mean and full covariance), the "plain AE as a generator" experiment.
 */
public final class LatentMath {
    private LatentMath() { }

    /** A code as doubles (codes are float; distances and projections work in double). */
    public static double[] toDouble(float[] code) {
        double[] out = new double[code.length];
        for (int j = 0; j < out.length; j++) out[j] = code[j];
        return out;
    }

    /** {@code steps} codes from a to b inclusive. */
    public static float[][] interpolate(float[] a, float[] b, int steps, boolean spherical) {
        if (a.length != b.length) throw new IllegalArgumentException("codes differ in length");
        if (steps < 2) throw new IllegalArgumentException("at least 2 steps, got " + steps);
        float[][] out = new float[steps][a.length];
        double na = norm(a), nb = norm(b);
        double cos = na == 0 || nb == 0 ? 1 : dot(a, b) / (na * nb);
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            double wa, wb;
            if (spherical && omega > 1e-6) {
                wa = Math.sin((1 - t) * omega) / Math.sin(omega);
                wb = Math.sin(t * omega) / Math.sin(omega);
            } else {
                wa = 1 - t;
                wb = t;
            }
            for (int j = 0; j < a.length; j++) out[s][j] = (float) (wa * a[j] + wb * b[j]);
        }
        return out;
    }

    /** {@code n} codes drawn from N(mean, covariance) of {@code codes}, deterministic for the seed. */
    public static float[][] sampleFitted(float[][] codes, int n, long seed) {
        int d = codes[0].length;
        double[] mean = new double[d];
        for (float[] c : codes) for (int j = 0; j < d; j++) mean[j] += c[j];
        for (int j = 0; j < d; j++) mean[j] /= codes.length;
        double[][] cov = new double[d][d];
        for (float[] c : codes) {
            for (int i = 0; i < d; i++) {
                double di = c[i] - mean[i];
                for (int j = 0; j <= i; j++) cov[i][j] += di * (c[j] - mean[j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= Math.max(1, codes.length - 1);
                cov[j][i] = cov[i][j];
            }
            cov[i][i] += 1e-6; // keeps collapsed (constant) dimensions factorable
        }
        double[][] l = cholesky(cov);
        return sample(mean, l, n, seed);
    }

    /** {@code n} codes from the standard normal N(0, I), as a VAE's prior. */
    public static float[][] sampleStandard(int d, int n, long seed) {
        double[][] identity = new double[d][d];
        for (int i = 0; i < d; i++) identity[i][i] = 1;
        return sample(new double[d], identity, n, seed);
    }

    private static float[][] sample(double[] mean, double[][] l, int n, long seed) {
        int d = mean.length;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] out = new float[n][d];
        double[] e = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) e[j] = rnd.nextGaussian();
            for (int i = 0; i < d; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) v += l[i][j] * e[j];
                out[s][i] = (float) v;
            }
        }
        return out;
    }

    /** Lower-triangular L with L·Lᵀ = a (a symmetric positive definite). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (s <= 0) throw new IllegalArgumentException("covariance is not positive definite");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** For a VAE, P(|ε|² ≥ |z|²) with ε ~ N(0, I): how typical code z is under its prior; NaN for models without one. */
    public static double priorTail(Autoencoder model, double[] z) {
        if (model.spec().kind() != ModelKind.VAE) return Double.NaN; // only a VAE has a prior
        double r2 = 0;
        for (double v : z) r2 += v * v;
        return 1 - new ChiSquareDistribution(z.length).cdf(r2);
    }
}
