package io.github.latentlab.metrics;

/**
 * Structural similarity of two square greyscale images in [0, 1], as Wang, Bovik, Sheikh and
 * Simoncelli (2004): an 11×11 Gaussian window with σ 1.5, K1 0.01, K2 0.03, dynamic range 1,
 * computed over every position where the window fits (their "valid" filtering; 18×18 positions
 * for 28×28 images) and averaged. 1 means identical; near 0, unrelated structure.
 */
public final class Ssim {
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final double[] KERNEL = gaussian1d();

    private Ssim() { }

    public static double ssim(float[] a, float[] b, int side) {
        if (a.length != side * side || b.length != side * side) {
            throw new IllegalArgumentException("images must have " + side * side + " pixels, got " + a.length
                    + " and " + b.length);
        }
        if (side < WINDOW) throw new IllegalArgumentException("images smaller than the " + WINDOW + "-pixel window");
        int n = side - WINDOW + 1;
        double[] muA = filter(a, null, side), muB = filter(b, null, side);
        double[] aa = filter(a, a, side), bb = filter(b, b, side), ab = filter(a, b, side);
        double sum = 0;
        for (int i = 0; i < n * n; i++) {
            double ma = muA[i], mb = muB[i];
            double varA = aa[i] - ma * ma, varB = bb[i] - mb * mb, cov = ab[i] - ma * mb;
            sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (varA + varB + C2));
        }
        return sum / (n * n);
    }

    /** Gaussian-weighted local mean of x (or of x·y), over the positions where the window fits. */
    private static double[] filter(float[] x, float[] y, int side) {
        int n = side - WINDOW + 1;
        double[] rows = new double[side * n]; // filtered along x: side rows × n columns
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    int i = r * side + c + k;
                    s += KERNEL[k] * (y == null ? x[i] : (double) x[i] * y[i]);
                }
                rows[r * n + c] = s;
            }
        }
        double[] out = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) s += KERNEL[k] * rows[(r + k) * n + c];
                out[r * n + c] = s;
            }
        }
        return out;
    }

    private static double[] gaussian1d() {
        double[] k = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            k[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += k[i];
        }
        for (int i = 0; i < WINDOW; i++) k[i] /= sum;
        return k;
    }
}
