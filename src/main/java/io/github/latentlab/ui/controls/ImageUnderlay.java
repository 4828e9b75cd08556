package io.github.latentlab.ui.controls;

import java.util.function.DoubleUnaryOperator;

/**
 * Decoded images tiled under a map's points (a 2-D latent's decoded grid): {@code res}×{@code res}
 * 28×28 images, row-major with row 0 at the top (highest y), covering the data rectangle
 * [x0, x1]×[y0, y1]; drawn as dark ink on white.
 */
record ImageUnderlay(float[][] images, int res, double x0, double x1, double y0, double y1) {
    private static final int SIDE = 28;

    /**
     * Paints into ARGB pixels {@code a} of a {@code width}×{@code height} view with the view's
     * data-to-screen maps; {@code opacity} 1 draws the ink at full strength, 0 not at all.
     */
    void draw(int[] a, int width, int height, DoubleUnaryOperator toScreenX, DoubleUnaryOperator toScreenY,
              double opacity) {
        double left = toScreenX.applyAsDouble(x0);
        double top = toScreenY.applyAsDouble(y1);
        double w = toScreenX.applyAsDouble(x1) - left;
        double h = toScreenY.applyAsDouble(y0) - top;
        if (w <= 0 || h <= 0) return;
        int sx0 = (int) Math.max(0, left);
        int sx1 = (int) Math.min(width - 1, left + w);
        int sy0 = (int) Math.max(0, top);
        int sy1 = (int) Math.min(height - 1, top + h);
        for (int y = sy0; y <= sy1; y++) {
            double fy = (y - top) / h * res;
            if (fy < 0) continue; // the first pixel row can start a fraction above the grid
            int ty = Math.min(res - 1, (int) fy);
            int py = Math.max(0, Math.min(SIDE - 1, (int) ((fy - ty) * SIDE)));
            for (int x = sx0; x <= sx1; x++) {
                double fx = (x - left) / w * res;
                if (fx < 0) continue;
                int tx = Math.min(res - 1, (int) fx);
                int px = Math.max(0, Math.min(SIDE - 1, (int) ((fx - tx) * SIDE)));
                float v = images[ty * res + tx][py * SIDE + px];
                int grey = 255 - (int) Math.round(Math.max(0, Math.min(1, v)) * 200 * opacity);
                a[y * width + x] = 0xFF000000 | (grey << 16) | (grey << 8) | grey;
            }
        }
    }
}
