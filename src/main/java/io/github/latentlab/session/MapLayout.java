package io.github.latentlab.session;

import java.util.Arrays;

/**
 * The map as it was laid out, so a class sees the same picture without waiting for t-SNE again:
 * one (x, y) per image, and the timeline epoch it shows ({@link #LATEST}: the model's own).
 */
public record MapLayout(double[][] points, int epoch) {
    public static final int LATEST = -1;
    public static final int MAX_EPOCH = 1_000_000;

    /** The points are copied (at most 70,000 × 2 numbers); each must be finite. */
    public MapLayout {
        Checks.range("layoutPoints", points.length, 1, MapSettings.MAX_POINTS);
        Checks.range("layoutEpoch", epoch, LATEST, MAX_EPOCH);
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p == null || p.length != 2) throw Checks.refused("session.error.layoutPoint", i);
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) throw Checks.refused("session.error.layoutValue", i);
            copy[i] = p.clone();
        }
        points = copy;
    }

    public int size() { return points.length; }

    /** A copy: the layout itself never changes. */
    @Override public double[][] points() {
        double[][] out = new double[points.length][];
        for (int i = 0; i < out.length; i++) out[i] = points[i].clone();
        return out;
    }

    /** Point {@code i}'s x (0) or y (1), without copying the whole layout. */
    public double at(int i, int axis) { return points[i][axis]; }

    @Override public boolean equals(Object o) {
        return o instanceof MapLayout l && epoch == l.epoch && Arrays.deepEquals(points, l.points);
    }

    @Override public int hashCode() { return 31 * Arrays.deepHashCode(points) + epoch; }

    @Override public String toString() { return "MapLayout[" + points.length + " points, epoch " + epoch + "]"; }
}
