package io.github.latentlab.projection;

/** Test helpers shared by the t-SNE tests. */
final class TsneProjectorTestData {
    private TsneProjectorTestData() { }

    static float[][] toFloat(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = (float) x[i][j];
        }
        return out;
    }

    /** Root mean square distance from {@code layout}, aligned onto {@code reference}, to it, over the reference's spread. */
    static double moved(double[][] layout, double[][] reference) {
        double[][] a = Procrustes.align(layout, reference);
        double cx = 0, cy = 0;
        for (double[] p : reference) { cx += p[0]; cy += p[1]; }
        cx /= reference.length;
        cy /= reference.length;
        double d = 0, s = 0;
        for (int i = 0; i < a.length; i++) {
            d += Knn.dist2(a[i], reference[i]);
            s += (reference[i][0] - cx) * (reference[i][0] - cx) + (reference[i][1] - cy) * (reference[i][1] - cy);
        }
        return Math.sqrt(d / s);
    }
}
