package io.github.latentlab.projection;

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
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
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
        int m = 0;
        for (boolean p : placed) if (p) m++;
        double[][] anchorCodes = new double[m][];
        int[] anchorRows = new int[m];
        int j = 0;
        for (int i = 0; i < placed.length; i++) {
            if (placed[i]) { anchorCodes[j] = codes[i]; anchorRows[j++] = i; }
        }
        java.util.stream.IntStream.range(0, codes.length).parallel().filter(i -> !placed[i]).forEach(i -> {
            int[] near = nearest(anchorCodes, codes[i], k, -1);
            double wx = 0, wy = 0, w = 0;
            for (int a : near) {
                double weight = 1 / (Math.sqrt(dist2(anchorCodes[a], codes[i])) + 1e-9);
                wx += weight * xy[anchorRows[a]][0];
                wy += weight * xy[anchorRows[a]][1];
                w += weight;
            }
            xy[i] = new double[] {wx / w, wy / w};
        });
    }

    static double[][] toDouble(float[][] codes) {
        double[][] out = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            out[i] = new double[codes[i].length];
            for (int j = 0; j < codes[i].length; j++) out[i][j] = codes[i][j];
        }
        return out;
    }
}
