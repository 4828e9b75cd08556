package io.github.latentlab.projection;

/**
 * Orthogonal Procrustes alignment of one 2-D layout onto another of the same points (row i of
 * each is the same image): so that a map replayed through the training epochs moves its points
 * instead of spinning, mirroring or jumping from one epoch's layout to the next. t-SNE, UMAP and
 * PCA decide their layout's orientation arbitrarily (a random start; a component's sign), so two
 * layouts of nearly the same codes can differ by a rotation or a mirror image.
 *
 * <p>The fit: both layouts centred; the orthogonal R (rotation or reflection) minimising
 * ||A R − B||<sub>F</sub> in closed form (for 2 × 2 the best rotation and the best reflection
 * each follow from an angle, the better of the two wins); a uniform scale; then moved onto the
 * reference's centre. The scale makes the aligned layout's spread (root mean square distance
 * from its centre) equal the reference's, not the least-squares scale: that one shrinks a layout
 * the worse it fits, so the picture would breathe from epoch to epoch as the fit varies.
 *
 * <p>Never throws on bad input: too few points, layouts of different sizes, all points in one
 * place, NaN or infinite coordinates leave the layout as it is.
 */
public final class Procrustes {
    private Procrustes() { }

    /**
     * {@code layout} aligned onto {@code reference}, keeping its method, note and axes; as it is
     * when it cannot be aligned. A 2-D code drawn as itself is never moved: its axes are the
     * code's own. A PCA layout is only mirrored along its axes, never rotated nor scaled: its
     * axes stay the components they are named after (whose sign is arbitrary) and its distances
     * stay distances between codes.
     */
    public static Embedding align(Embedding layout, Embedding reference) {
        if (layout == null || reference == null || "identity".equals(layout.method())) return layout;
        double[][] a = layout.xy(), b = reference.xy();
        if (!alignable(a, b)) return layout;
        double[][] xy;
        if ("pca".equals(layout.method())) {
            boolean[] flips = flips(a, b);
            if (!flips[0] && !flips[1]) return layout; // unchanged, so still exactly PCA's own coordinates
            xy = copy(a);
            for (double[] p : xy) for (int k = 0; k < 2; k++) if (flips[k]) p[k] = -p[k];
        } else {
            xy = align(a, b);
        }
        return new Embedding(layout.method(), xy, layout.fitted(), layout.note(), layout.xAxis(), layout.yAxis());
    }

    /** A new array: {@code layout} rotated or mirrored, scaled and moved onto {@code reference} (a copy when it cannot be). */
    public static double[][] align(double[][] layout, double[][] reference) {
        if (!alignable(layout, reference)) return copy(layout);
        int n = layout.length;
        double[] ca = centre(layout), cb = centre(reference);
        // M = Aᵀ B of the centred layouts, and their squared spreads
        double m00 = 0, m01 = 0, m10 = 0, m11 = 0, ssA = 0, ssB = 0;
        for (int i = 0; i < n; i++) {
            double ax = layout[i][0] - ca[0], ay = layout[i][1] - ca[1];
            double bx = reference[i][0] - cb[0], by = reference[i][1] - cb[1];
            m00 += ax * bx;
            m01 += ax * by;
            m10 += ay * bx;
            m11 += ay * by;
            ssA += ax * ax + ay * ay;
            ssB += bx * bx + by * by;
        }
        if (!(ssA > 0) || !(ssB > 0) || !Double.isFinite(ssA + ssB)) return copy(layout);
        // ||A R − B||² = ||A||² + ||B||² − 2 tr(Rᵀ M): maximise tr(Rᵀ M).
        // Rotation [[c, −s], [s, c]]: tr = c (m00 + m11) + s (m10 − m01).
        // Reflection [[c, s], [s, −c]]: tr = c (m00 − m11) + s (m01 + m10).
        double rotC = m00 + m11, rotS = m10 - m01;
        double refC = m00 - m11, refS = m01 + m10;
        boolean reflect = Math.hypot(refC, refS) > Math.hypot(rotC, rotS);
        double theta = reflect ? Math.atan2(refS, refC) : Math.atan2(rotS, rotC);
        double c = Math.cos(theta), s = Math.sin(theta);
        double r00 = c, r01 = reflect ? s : -s, r10 = s, r11 = reflect ? -c : c;
        double scale = Math.sqrt(ssB / ssA);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double ax = layout[i][0] - ca[0], ay = layout[i][1] - ca[1];
            out[i] = new double[] {cb[0] + scale * (ax * r00 + ay * r10), cb[1] + scale * (ax * r01 + ay * r11)};
        }
        return out;
    }

    /** Which axes of {@code layout} to mirror to bring it closer to {@code reference}. */
    private static boolean[] flips(double[][] layout, double[][] reference) {
        double[] ca = centre(layout), cb = centre(reference);
        double[] agree = new double[2];
        for (int i = 0; i < layout.length; i++) {
            for (int k = 0; k < 2; k++) agree[k] += (layout[i][k] - ca[k]) * (reference[i][k] - cb[k]);
        }
        return new boolean[] {agree[0] < 0, agree[1] < 0};
    }

    private static boolean alignable(double[][] a, double[][] b) {
        if (a == null || b == null || a.length < 2 || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null || a[i].length != 2 || b[i].length != 2) return false;
            if (!Double.isFinite(a[i][0] + a[i][1] + b[i][0] + b[i][1])) return false;
        }
        return true;
    }

    private static double[] centre(double[][] xy) {
        double x = 0, y = 0;
        for (double[] p : xy) { x += p[0]; y += p[1]; }
        return new double[] {x / xy.length, y / xy.length};
    }

    private static double[][] copy(double[][] xy) {
        if (xy == null) return null;
        double[][] out = new double[xy.length][];
        for (int i = 0; i < xy.length; i++) out[i] = xy[i] == null ? null : xy[i].clone();
        return out;
    }
}
