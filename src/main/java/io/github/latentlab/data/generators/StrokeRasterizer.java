package io.github.latentlab.data.generators;

/**
 * Draws thick anti-aliased polylines into a square float image. A pixel's value is how much of
 * it the pen covers, estimated from its centre's distance to the nearest segment with a soft
 * edge about one pixel wide; overlapping strokes take the maximum, so crossings do not glow.
 * Only pixels near each segment are visited, which keeps a 28x28 digit at a few thousand
 * distance evaluations.
 */
final class StrokeRasterizer {
    private final int side;
    private final double edge;

    /** @param edge width in pixels of the ramp from full ink to none (about 1 looks like MNIST) */
    StrokeRasterizer(int side, double edge) {
        this.side = side;
        this.edge = edge;
    }

    /**
     * Draws one polyline ({@code x0, y0, x1, y1, ...} in pixel units, pixel (i, j) covering
     * [i, i+1) x [j, j+1)) of pen width {@code width} into {@code out[offset .. offset + side²)}.
     */
    void draw(double[] xy, int n, double width, float[] out, int offset) {
        double half = width / 2;
        double reach = half + edge / 2 + 0.5;
        for (int k = 0; k + 1 < n; k++) {
            double ax = xy[2 * k], ay = xy[2 * k + 1], bx = xy[2 * k + 2], by = xy[2 * k + 3];
            int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
            int x1 = Math.min(side - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
            int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
            int y1 = Math.min(side - 1, (int) Math.ceil(Math.max(ay, by) + reach));
            double dx = bx - ax, dy = by - ay;
            double len2 = dx * dx + dy * dy;
            for (int py = y0; py <= y1; py++) {
                double cy = py + 0.5;
                for (int px = x0; px <= x1; px++) {
                    double cx = px + 0.5;
                    double t = len2 == 0 ? 0 : ((cx - ax) * dx + (cy - ay) * dy) / len2;
                    t = t < 0 ? 0 : (t > 1 ? 1 : t);
                    double ex = ax + t * dx - cx, ey = ay + t * dy - cy;
                    double d = Math.sqrt(ex * ex + ey * ey);
                    double v = (half - d) / edge + 0.5;
                    if (v <= 0) continue;
                    if (v > 1) v = 1;
                    v = v * v * (3 - 2 * v); // smoothstep: no hard kink where the ramp ends
                    int idx = offset + py * side + px;
                    if (v > out[idx]) out[idx] = (float) v;
                }
            }
        }
    }

    /**
     * Samples a Catmull-Rom curve through {@code n} control points, {@code steps} samples per
     * span, into {@code dst}; returns the number of points written.
     */
    static int catmullRom(double[] p, int n, int steps, double[] dst) {
        int w = 0;
        for (int k = 0; k + 1 < n; k++) {
            int k0 = Math.max(0, k - 1), k3 = Math.min(n - 1, k + 2);
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps, t2 = t * t, t3 = t2 * t;
                for (int c = 0; c < 2; c++) {
                    double p0 = p[2 * k0 + c], p1 = p[2 * k + c], p2 = p[2 * k + 2 + c], p3 = p[2 * k3 + c];
                    dst[w + c] = 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                            + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
                }
                w += 2;
            }
        }
        dst[w] = p[2 * (n - 1)];
        dst[w + 1] = p[2 * (n - 1) + 1];
        return w / 2 + 1;
    }
}
