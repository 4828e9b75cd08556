package io.github.latentlab.projection;

import java.util.Arrays;

/**
 * From a map point back to a latent code. Exact where the map is (identity; PCA on its plane,
 * the other components taken from the nearest code); for t-SNE and UMAP, which have no inverse,
 * the inverse-distance weighted blend of the codes of the {@link #K} nearest map points. Also
 * says how far the code is from real data, in units of the codes' typical nearest-neighbour
 * distance, so a view can warn "off the data".
 */
public final class InverseMap {
    static final int K = 5;
    private final double[][] codes;
    private final double[][] xy;
    private final PcaProjector pca;
    private final boolean identity;
    private final double typicalGap;

    /** A decoded point: its code, and the distance to the nearest real code over the typical gap. */
    public record Result(double[] code, double offData) { }

    public InverseMap(double[][] codes, Embedding embedding, PcaProjector pcaOrNull) {
        this(codes, embedding, pcaOrNull, typicalGap(codes));
    }

    private InverseMap(double[][] codes, Embedding embedding, PcaProjector pcaOrNull, double typicalGap) {
        this.codes = codes;
        this.xy = embedding.xy();
        this.pca = "pca".equals(embedding.method()) ? pcaOrNull : null;
        this.identity = "identity".equals(embedding.method());
        this.typicalGap = typicalGap;
    }

    /**
     * The same codes under another layout of them (e.g. the next frame of an animating t-SNE):
     * the typical gap between codes (50–100 ms for 10,000 codes) is not measured again.
     */
    public InverseMap withLayout(Embedding embedding, PcaProjector pcaOrNull) {
        return new InverseMap(codes, embedding, pcaOrNull, typicalGap);
    }

    public Result at(double x, double y) {
        double[] q = {x, y};
        double[] code;
        if (identity) {
            code = q;
        } else if (pca != null) {
            code = pca.inverse(x, y, codes[Knn.nearest(xy, q, 1, -1)[0]]);
        } else {
            code = Knn.weightedMean(xy, q, K, codes);
        }
        return new Result(code, offData(code));
    }

    /**
     * The other way: where a new code (e.g. of a noisy copy or a drawing) lands on this map.
     * Exact for identity and PCA; for t-SNE and UMAP the inverse-distance weighted mean of the map
     * positions of the {@link #K} nearest codes, as the map's own non-landmark points are placed.
     */
    public double[] place(double[] code) {
        if (identity) return new double[] {code[0], code[1]};
        if (pca != null) return pca.project(code);
        return Knn.weightedMean(codes, code, K, xy);
    }

    /** Distance from {@code code} to the nearest real code, in typical gaps between codes. */
    public double offData(double[] code) {
        return distanceInGaps(codes[nearestCode(code)], code);
    }

    /** The row of the real code nearest to {@code code}. */
    public int nearestCode(double[] code) {
        return Knn.nearest(codes, code, 1, -1)[0];
    }

    /** Latent distance between two codes in typical gaps between the map's codes. */
    public double distanceInGaps(double[] a, double[] b) {
        return Math.sqrt(Knn.dist2(a, b)) / typicalGap;
    }

    /** Median distance from a code to its nearest other code, over a sample of 500 codes. */
    private static double typicalGap(double[][] codes) {
        int n = Math.min(500, codes.length);
        int[] rows = TsneProjector.sample(codes.length, n, 1);
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            int j = Knn.nearest(codes, codes[rows[i]], 1, rows[i])[0];
            gaps[i] = Math.sqrt(Knn.dist2(codes[rows[i]], codes[j]));
        }
        Arrays.sort(gaps);
        return Math.max(gaps[n / 2], 1e-9);
    }
}
