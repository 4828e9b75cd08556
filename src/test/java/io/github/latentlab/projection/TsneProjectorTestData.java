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
}
