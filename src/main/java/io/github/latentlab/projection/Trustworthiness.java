package io.github.latentlab.projection;

import java.util.Arrays;

/**
 * How well a 2-D layout keeps neighbourhoods (Venna and Kaski 2001): 1 when each point's k
 * nearest neighbours on the map are also among its nearest in latent space; lower when the map
 * brings together points that are far apart in latent space. Measured on up to {@code sample}
 * points (each against all the others in that sample), O(sample²).
 */
public final class Trustworthiness {
    private Trustworthiness() { }

    public static double of(double[][] codes, double[][] xy, int k, int sample, long seed) {
        int n = Math.min(codes.length, sample);
        int[] rows = TsneProjector.sample(codes.length, n, seed);
        if (k >= n / 2) throw new IllegalArgumentException("k " + k + " too large for " + n + " points");
        double[][] hi = new double[n][], lo = new double[n][];
        for (int i = 0; i < n; i++) { hi[i] = codes[rows[i]]; lo[i] = xy[rows[i]]; }
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            // rank of every point by latent distance from i (rank 1 = nearest)
            Integer[] order = new Integer[n];
            double[] d = new double[n];
            for (int j = 0; j < n; j++) { order[j] = j; d[j] = j == i ? -1 : Knn.dist2(hi[i], hi[j]); }
            Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) rank[order[r]] = r; // order[0] is i itself
            for (int j : Knn.nearest(lo, lo[i], k, i)) {
                if (rank[j] > k) penalty += rank[j] - k;
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }
}
