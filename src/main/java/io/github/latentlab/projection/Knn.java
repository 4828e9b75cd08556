package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Brute-force nearest neighbours by squared Euclidean distance (codes are small: d ≤ 128). */
final class Knn {
    private Knn() { }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }

    /** Indices into {@code points} of the k nearest to {@code q}, nearest first; {@code skip} excluded (-1: none). */
    static int[] nearest(double[][] points, double[] q, int k, int skip) {
        int n = Math.min(k, points.length - (skip >= 0 ? 1 : 0));
        int[] best = new int[n];
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int i = 0; i < points.length; i++) {
            if (i == skip) continue;
            double d = dist2(points[i], q);
            if (n == 0 || d >= dist[n - 1]) continue;
            int pos = n - 1;
            while (pos > 0 && dist[pos - 1] > d) {
                dist[pos] = dist[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            dist[pos] = d;
            best[pos] = i;
        }
        return best;
    }

    /**
     * Places each row not yet placed at the inverse-distance weighted mean of the 2-D positions
     * of its {@code k} nearest placed rows in latent space.
     */
    static void placeRest(double[][] codes, double[][] xy, boolean[] placed, int k) {
        blend(codes, placed, k).apply(xy);
    }

    /**
     * What {@link #placeRest} does, with the neighbour search done once: for a layout of the
     * same placed rows that changes (t-SNE while it iterates), {@link Blend#apply} only mixes
     * positions.
     */
    static Blend blend(double[][] codes, boolean[] placed, int k) {
        int m = 0;
        for (boolean p : placed) if (p) m++;
        double[][] anchorCodes = new double[m][];
        int[] anchorRows = new int[m];
        int j = 0;
        for (int i = 0; i < placed.length; i++) {
            if (placed[i]) { anchorCodes[j] = codes[i]; anchorRows[j++] = i; }
        }
        int[] rows = IntStream.range(0, codes.length).filter(i -> !placed[i]).toArray();
        int[][] anchors = new int[rows.length][];
        double[][] weights = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> {
            int i = rows[r];
            int[] near = nearest(anchorCodes, codes[i], k, -1);
            anchors[r] = new int[near.length];
            weights[r] = new double[near.length];
            for (int a = 0; a < near.length; a++) {
                anchors[r][a] = anchorRows[near[a]];
                weights[r][a] = weight(dist2(anchorCodes[near[a]], codes[i]));
            }
        });
        return new Blend(rows, anchors, weights);
    }

    /** Rows to place, each with the rows it is blended from and their weights. */
    record Blend(int[] rows, int[][] anchors, double[][] weights) {
        /** Sets {@code xy} of every row to place from the current positions of its anchors. */
        void apply(double[][] xy) {
            for (int r = 0; r < rows.length; r++) {
                double wx = 0, wy = 0, w = 0;
                for (int a = 0; a < anchors[r].length; a++) {
                    double weight = weights[r][a];
                    wx += weight * xy[anchors[r][a]][0];
                    wy += weight * xy[anchors[r][a]][1];
                    w += weight;
                }
                xy[rows[r]] = new double[] {wx / w, wy / w};
            }
        }
    }

    /** The inverse-distance weight of a neighbour at squared distance {@code d2} (finite at 0). */
    static double weight(double d2) {
        return 1 / (Math.sqrt(d2) + 1e-9);
    }

    /**
     * The inverse-distance weighted mean of {@code values}' rows for the {@code k} rows of
     * {@code points} nearest to {@code q} (values[i] belongs to points[i]).
     */
    static double[] weightedMean(double[][] points, double[] q, int k, double[][] values) {
        double[] mean = new double[values[0].length];
        double w = 0;
        for (int i : nearest(points, q, k, -1)) {
            double weight = weight(dist2(points[i], q));
            for (int j = 0; j < mean.length; j++) mean[j] += weight * values[i][j];
            w += weight;
        }
        for (int j = 0; j < mean.length; j++) mean[j] /= w;
        return mean;
    }

    static double[][] toDouble(float[][] codes) {
        double[][] out = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) out[i] = LatentMath.toDouble(codes[i]);
        return out;
    }
}
