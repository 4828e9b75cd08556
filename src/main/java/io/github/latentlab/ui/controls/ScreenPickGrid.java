package io.github.latentlab.ui.controls;

import java.util.function.IntPredicate;

/**
 * Points bucketed by their screen position into {@link #CELL}-pixel cells, so that hover and
 * click find the nearest point by looking at a few cells, however many points there are. Made
 * for one view (pan or zoom and it is rebuilt).
 */
final class ScreenPickGrid {
    static final int CELL = 16;

    private final double[] sx;
    private final double[] sy;
    private final int cols;
    private final int rows;
    private final int[][] cells;

    /** Points at screen positions (sx[i], sy[i]) on a {@code width}×{@code height} view. */
    ScreenPickGrid(double[] sx, double[] sy, int width, int height) {
        this.sx = sx;
        this.sy = sy;
        cols = Math.max(1, width / CELL + 1);
        rows = Math.max(1, height / CELL + 1);
        int[] counts = new int[cols * rows];
        int[] cellOf = new int[sx.length];
        for (int i = 0; i < sx.length; i++) {
            int gx = (int) Math.max(0, Math.min(cols - 1, sx[i] / CELL));
            int gy = (int) Math.max(0, Math.min(rows - 1, sy[i] / CELL));
            cellOf[i] = gy * cols + gx;
            counts[cellOf[i]]++;
        }
        cells = new int[counts.length][];
        int[] fill = new int[counts.length];
        for (int i = 0; i < sx.length; i++) {
            int c = cellOf[i];
            if (cells[c] == null) cells[c] = new int[counts[c]];
            cells[c][fill[c]++] = i;
        }
    }

    /** The {@code visible} point nearest to (x, y) within {@code radius} px, or -1; on a tie the later one (drawn on top). */
    int nearest(double x, double y, double radius, IntPredicate visible) {
        int cx = (int) (x / CELL);
        int cy = (int) (y / CELL);
        int reach = (int) Math.ceil(radius / CELL);
        int best = -1;
        double bestD = radius * radius;
        for (int gy = Math.max(0, cy - reach); gy <= Math.min(rows - 1, cy + reach); gy++) {
            for (int gx = Math.max(0, cx - reach); gx <= Math.min(cols - 1, cx + reach); gx++) {
                int[] cell = cells[gy * cols + gx];
                if (cell == null) continue;
                for (int i : cell) {
                    if (!visible.test(i)) continue;
                    double dx = sx[i] - x;
                    double dy = sy[i] - y;
                    double d = dx * dx + dy * dy;
                    if (d <= bestD) {
                        bestD = d;
                        best = i;
                    }
                }
            }
        }
        return best;
    }
}
