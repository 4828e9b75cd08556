package io.github.latentlab.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import io.github.latentlab.metrics.Ssim;

/**
 * SSIM as SameDiff operations, so autodiff gives its gradient: the same definition as
 * {@link Ssim} (11×11 Gaussian window, σ 1.5, "valid" positions, C1 = 0.01², C2 = 0.03² for
 * images in [0, 1]). The window is separable, so each local mean (of x, y, x², y², xy) is
 * Gᵀ·X·G for a banded [side, side − 10] matrix G: two matrix products per batch.
 *
 * <p>Why matrix products and not conv2d: with one channel, ND4J's conv2d and its gradient made a
 * dense model's training step 16× slower; the products cost about as much as the model's layers.
 * G is computed inside the graph (range, exp, a mask) rather than held as a constant: a saved
 * SameDiff model is read back parameter by parameter ({@link SameDiffGraphFile}) and holds no
 * constants, so a graph built from the spec alone stays loadable.
 */
final class SsimGraph {
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private SsimGraph() { }

    /** Mean SSIM per image, shape [n], of {@code a} and {@code b}: rows of side² pixels in [0, 1]. */
    static SDVariable perImage(SameDiff sd, SDVariable a, SDVariable b, int side) {
        if (side < Ssim.WINDOW) throw new IllegalArgumentException("images smaller than the " + Ssim.WINDOW + "-pixel window");
        SDVariable g = window(sd, side, a.dataType());
        SDVariable muX = blur(a, g, side), muY = blur(b, g, side);
        SDVariable xx = blur(a.mul(a), g, side), yy = blur(b.mul(b), g, side), xy = blur(a.mul(b), g, side);
        SDVariable muXmuY = muX.mul(muY);
        SDVariable muXsq = muX.mul(muX), muYsq = muY.mul(muY);
        SDVariable varX = xx.sub(muXsq), varY = yy.sub(muYsq), cov = xy.sub(muXmuY);
        SDVariable num = muXmuY.mul(2).add(C1).mul(cov.mul(2).add(C2));
        SDVariable den = muXsq.add(muYsq).add(C1).mul(varX.add(varY).add(C2));
        return num.div(den).mean(1, 2);
    }

    /**
     * G [side, n] with n = side − 10 window positions: column j holds the normalised Gaussian
     * at rows j … j + 10, zeros elsewhere, so X·G filters each row of X over the valid positions.
     */
    private static SDVariable window(SameDiff sd, int side, DataType type) {
        int half = Ssim.WINDOW / 2, n = side - Ssim.WINDOW + 1;
        double scale = -1 / (2 * Ssim.SIGMA * Ssim.SIGMA);
        SDVariable taps = sd.range(-half, half + 1, 1, type);
        SDVariable norm = sd.math.exp(taps.mul(taps).mul(scale)).sum();
        SDVariable offset = sd.range(0, side, 1, type).reshape(side, 1)
                .sub(sd.range(0, n, 1, type).reshape(1, n)).sub(half); // from the window's centre
        SDVariable inWindow = sd.math.abs(offset).lte(half + 0.5).castTo(type);
        return sd.math.exp(offset.mul(offset).mul(scale)).mul(inWindow).div(norm);
    }

    /**
     * Gaussian-weighted local means of images given as rows of side² pixels: [N, n, n]. Each
     * comes out transposed (Gᵀ·X·G)ᵀ, which a mean over positions does not notice.
     */
    private static SDVariable blur(SDVariable images, SDVariable g, int side) {
        int n = side - Ssim.WINDOW + 1;
        SDVariable rows = images.reshape(-1, side).mmul(g); // each image's X·G, stacked: [N·side, n]
        SDVariable cols = rows.reshape(-1, side, n).permute(0, 2, 1).reshape(-1, side);
        return cols.mmul(g).reshape(-1, n, n);
    }
}
