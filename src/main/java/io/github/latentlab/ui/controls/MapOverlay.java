package io.github.latentlab.ui.controls;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * What {@link ScatterView} draws over its points, in its pixel buffer: marked points (filled, with
 * an ink rim), a closed outline, and rings around chosen points (e.g. the anomalies), each ring
 * with a thin halo of the map's background so it shows over a crowd of dots.
 */
final class MapOverlay {
    private List<ScatterView.Mark> marks = List.of();
    private double[][] outline;
    private List<ScatterView.Mark> rings = List.of();

    void set(List<ScatterView.Mark> marks, double[][] outline) {
        this.marks = List.copyOf(marks);
        this.outline = outline;
    }

    void setRings(List<ScatterView.Mark> rings) { this.rings = List.copyOf(rings); }

    List<ScatterView.Mark> marks() { return marks; }

    List<ScatterView.Mark> rings() { return rings; }

    boolean isEmpty() { return marks.isEmpty() && outline == null && rings.isEmpty(); }

    /** Draws into {@code a} (width×height ARGB) with data-to-screen transforms {@code sx}, {@code sy}. */
    void draw(int[] a, int width, int height, DoubleUnaryOperator sx, DoubleUnaryOperator sy) {
        Pixels p = new Pixels(a, width, height);
        if (outline != null && outline.length > 1) {
            for (int k = 0; k < outline.length; k++) {
                double[] from = outline[k], to = outline[(k + 1) % outline.length];
                p.line(sx.applyAsDouble(from[0]), sy.applyAsDouble(from[1]), sx.applyAsDouble(to[0]),
                        sy.applyAsDouble(to[1]), Look.ink());
            }
        }
        for (ScatterView.Mark m : rings) {
            double width2 = Math.max(2, m.radius() / 4.0);
            p.disc(sx.applyAsDouble(m.x()), sy.applyAsDouble(m.y()), m.radius() + width2 / 2 + 1,
                    d -> d < m.radius() - width2 / 2 ? 0 : d <= m.radius() + width2 / 2 ? m.color() : Look.mapBackground());
        }
        for (ScatterView.Mark m : marks) {
            p.disc(sx.applyAsDouble(m.x()), sy.applyAsDouble(m.y()), m.radius() + 1,
                    d -> d > m.radius() ? Look.ink() : m.color());
        }
    }

    /** The colour at distance d from a disc's centre (0: leave the pixel). */
    private interface Shade {
        int at(double d);
    }

    private record Pixels(int[] a, int width, int height) {
        void plot(int x, int y, int color) {
            if (color != 0 && x >= 0 && x < width && y >= 0 && y < height) a[y * width + x] = color;
        }

        void disc(double cx, double cy, double outer, Shade shade) {
            int r = (int) Math.ceil(outer);
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    double d = Math.hypot(dx, dy);
                    if (d <= outer) plot((int) Math.round(cx) + dx, (int) Math.round(cy) + dy, shade.at(d));
                }
            }
        }

        void line(double x0, double y0, double x1, double y1, int color) {
            int steps = (int) Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
            if (steps > 4 * (width + height)) return; // far off screen
            for (int s = 0; s <= steps; s++) {
                double t = steps == 0 ? 0 : (double) s / steps;
                plot((int) Math.round(x0 + t * (x1 - x0)), (int) Math.round(y0 + t * (y1 - y0)), color);
            }
        }
    }
}
