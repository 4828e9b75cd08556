package io.github.latentlab.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.metrics.Ssim;

/**
 * SSIM's 11×11 Gaussian window (σ 1.5) over the "valid" positions of square images, as two
 * matrix products per batch: with the banded [side, n] matrix G (n = side − 10; column j holds the
 * normalised Gaussian at rows j … j + 10), each image X filters to (Gᵀ·X·G)ᵀ, an n×n map whose
 * transposition a mean over positions does not notice. {@link #adjoint} is the transposed
 * operation, which carries a gradient on the map back to the pixels.
 */
final class GaussianWindow {
    private final int side;
    private final int n;
    private final INDArray g;
    private final INDArray gT;

    GaussianWindow(int side, DataType type) {
        if (side < Ssim.WINDOW) throw new IllegalArgumentException("images smaller than the " + Ssim.WINDOW + "-pixel window");
        this.side = side;
        this.n = side - Ssim.WINDOW + 1;
        this.g = Nd4j.create(band(side)).castTo(type);
        this.gT = g.transpose().dup('c');
    }

    DataType dataType() { return g.dataType(); }

    /** Positions per side of the filtered map. */
    int positions() { return n; }

    /** The banded matrix G, in doubles (also what {@link SsimGraph} builds inside its graph). */
    static double[][] band(int side) {
        int half = Ssim.WINDOW / 2, n = side - Ssim.WINDOW + 1;
        double[] taps = new double[Ssim.WINDOW];
        double sum = 0;
        for (int k = 0; k < Ssim.WINDOW; k++) {
            taps[k] = Math.exp(-(k - half) * (k - half) / (2 * Ssim.SIGMA * Ssim.SIGMA));
            sum += taps[k];
        }
        double[][] g = new double[side][n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < Ssim.WINDOW; k++) g[j + k][j] = taps[k] / sum;
        }
        return g;
    }

    /** Local means of images given as rows of side² pixels: [N, side²] → [N, n, n]. */
    INDArray filter(INDArray images) {
        long count = images.size(0);
        INDArray rows = images.reshape('c', count * side, side).mmul(g); // X·G per image, stacked
        INDArray cols = rows.reshape('c', count, side, n).permute(0, 2, 1).dup('c').reshape('c', count * n, side);
        return cols.mmul(g).reshape('c', count, n, n);
    }

    /** The transpose of {@link #filter}: a gradient on the maps [N, n, n] → on the pixels [N, side²]. */
    INDArray adjoint(INDArray maps) {
        long count = maps.size(0);
        INDArray rows = maps.dup('c').reshape('c', count * n, n).mmul(gT); // D·Gᵀ per image
        INDArray cols = rows.reshape('c', count, n, side).permute(0, 2, 1).dup('c').reshape('c', count * side, n);
        return cols.mmul(gT).reshape('c', count, (long) side * side);
    }
}
