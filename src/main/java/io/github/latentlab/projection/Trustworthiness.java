package io.github.latentlab.projection;

/**
 * How well a 2-D layout keeps neighbourhoods (Venna and Kaski 2001): 1 when each point's k
 * nearest neighbours on the map are also among its nearest in latent space; lower when the map
 * brings together points that are far apart in latent space. As scikit-learn's
 * {@code sklearn.manifold.trustworthiness}: a map neighbour of latent rank r (nearest = 1) costs
 * r − k when r > k. Measured on up to {@code sample} points (each against all the others in that
 * sample), O(sample²): for each point, the latent distances to all others (float, in a loop the
 * JIT vectorises) and the map's k nearest; a map neighbour's rank is then one pass counting the
 * points latently nearer (ties: by index). Rows are shared between the cores; the penalty is an
 * integer sum, so the result does not depend on the threads. About 1 s for 10,000 points of
 * 32-D on two cores.
 */
public final class Trustworthiness {
    private static final int CHUNK = 64;

    private Trustworthiness() { }

    public static double of(double[][] codes, double[][] xy, int k, int sample, long seed) {
        int n = Math.min(codes.length, sample);
        int[] rows = TsneProjector.sample(codes.length, n, seed);
        if (k >= n / 2) throw new IllegalArgumentException("k " + k + " too large for " + n + " points");
        int dim = codes[0].length;
        float[][] hi = new float[dim][n];
        double[][] lo = new double[xy[0].length][n]; // the map's coordinates (2 for a map), column by column
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) hi[d][i] = (float) codes[rows[i]][d];
            for (int d = 0; d < lo.length; d++) lo[d][i] = xy[rows[i]][d];
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        long[] penalty = new long[chunks];
        Chunks.run(chunks, () -> {
            float[] dist = new float[n];
            double[] map = new double[n];
            int[] near = new int[k];
            double[] nearD = new double[k];
            float[] tau = new float[k];
            long[] count = new long[k];
            return c -> {
                long p = 0;
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    latent(hi, i, dist);
                    mapNearest(lo, i, map, near, nearD);
                    float max = Float.NEGATIVE_INFINITY;
                    for (int m = 0; m < k; m++) {
                        tau[m] = dist[near[m]];
                        max = Math.max(max, tau[m]);
                        count[m] = 0;
                    }
                    dist[i] = Float.POSITIVE_INFINITY;
                    for (int l = 0; l < n; l++) {
                        float v = dist[l];
                        if (v > max) continue;
                        for (int m = 0; m < k; m++) {
                            if (v < tau[m] || (v == tau[m] && l < near[m])) count[m]++;
                        }
                    }
                    for (int m = 0; m < k; m++) {
                        long rank = count[m] + 1; // its own place after those nearer
                        if (rank > k) p += rank - k;
                    }
                }
                penalty[c] = p;
            };
        });
        long total = 0;
        for (long p : penalty) total += p;
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * total;
    }

    /** dist[j] = squared latent distance from row i to row j, in float. */
    private static void latent(float[][] hi, int i, float[] dist) {
        int n = dist.length;
        java.util.Arrays.fill(dist, 0f);
        for (float[] col : hi) {
            float q = col[i];
            for (int j = 0; j < n; j++) {
                float e = q - col[j];
                dist[j] += e * e;
            }
        }
    }

    /** Row i's k nearest other rows on the map, into {@code near} (ties: the lower index). */
    private static void mapNearest(double[][] lo, int i, double[] map, int[] near, double[] nearD) {
        int n = map.length, k = near.length;
        java.util.Arrays.fill(map, 0);
        for (double[] col : lo) {
            double q = col[i];
            for (int j = 0; j < n; j++) {
                double e = q - col[j];
                map[j] += e * e;
            }
        }
        map[i] = Double.POSITIVE_INFINITY;
        java.util.Arrays.fill(nearD, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(near, Integer.MAX_VALUE);
        double worst = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double d = map[j];
            if (d >= worst) continue;
            int pos = k - 1;
            while (pos > 0 && nearD[pos - 1] > d) {
                nearD[pos] = nearD[pos - 1];
                near[pos] = near[pos - 1];
                pos--;
            }
            nearD[pos] = d;
            near[pos] = j;
            worst = nearD[k - 1];
        }
    }
}
