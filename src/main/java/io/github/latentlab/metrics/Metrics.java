package io.github.latentlab.metrics;

/**
 * Image-quality measures on pixel arrays in [0, 1]. Pure functions; arrays must have equal
 * length. Reported per pixel so that figures compare across image sizes and models.
 */
public final class Metrics {
    /** Probabilities are clipped this far from 0 and 1 before taking logs, as in DL4J's XENT. */
    public static final double BCE_EPSILON = 1e-7;

    private Metrics() { }

    public static double mse(float[] a, float[] b) {
        checkSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    /** Binary cross-entropy of prediction {@code p} against target {@code t}, per pixel. */
    public static double bce(float[] t, float[] p) {
        checkSameLength(t, p);
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double q = Math.min(1 - BCE_EPSILON, Math.max(BCE_EPSILON, p[i]));
            sum -= t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q);
        }
        return sum / t.length;
    }

    /** Peak signal-to-noise ratio in dB with peak 1; infinite for identical images. */
    public static double psnr(float[] a, float[] b) {
        return psnrFromMse(mse(a, b));
    }

    public static double psnrFromMse(double mse) {
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1.0 / mse);
    }

    /** "24.1 dB", or "∞ dB" for identical images. */
    public static String formatPsnr(double psnr) {
        return Double.isInfinite(psnr) ? "∞ dB" : String.format("%.1f dB", psnr);
    }

    private static void checkSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
