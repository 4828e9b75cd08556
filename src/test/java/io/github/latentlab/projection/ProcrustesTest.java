package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.Message;

class ProcrustesTest {
    private static double[][] layout(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) xy[i] = new double[] {3 * r.nextGaussian() + 1, r.nextGaussian() - 2}; // not round
        return xy;
    }

    /** Each point rotated by {@code degrees}, mirrored in x first when asked, scaled by {@code s}, moved by (dx, dy). */
    private static double[][] transform(double[][] xy, double degrees, boolean mirror, double s, double dx, double dy) {
        double c = Math.cos(Math.toRadians(degrees)), si = Math.sin(Math.toRadians(degrees));
        double[][] out = new double[xy.length][];
        for (int i = 0; i < xy.length; i++) {
            double x = mirror ? -xy[i][0] : xy[i][0], y = xy[i][1];
            out[i] = new double[] {s * (c * x - si * y) + dx, s * (si * x + c * y) + dy};
        }
        return out;
    }

    private static void assertSameLayout(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], 1e-9, "point " + i);
    }

    @Test
    void aLayoutAlignedToItselfStaysAsItIs() {
        double[][] a = layout(50, 1);
        double[][] aligned = Procrustes.align(a, a);
        assertNotSame(a, aligned, "a new array");
        assertSameLayout(a, aligned);
    }

    @Test
    void aRotatedMovedAndScaledLayoutIsBroughtBack() {
        double[][] a = layout(80, 2);
        assertSameLayout(a, Procrustes.align(transform(a, 37, false, 2.5, 10, -4), a));
        assertSameLayout(a, Procrustes.align(transform(a, -150, false, 0.01, -3, 7), a));
    }

    @Test
    void aMirroredLayoutIsUnmirrored() {
        double[][] a = layout(60, 3);
        assertSameLayout(a, Procrustes.align(transform(a, 0, true, 1, 0, 0), a));
        assertSameLayout(a, Procrustes.align(transform(a, 73, true, 3, 1, 1), a));
    }

    @Test
    void aNoisyLayoutTakesTheReferencesSpreadAndCentre() {
        double[][] a = layout(100, 4);
        double[][] noisy = transform(a, 20, false, 5, 2, 2);
        SplittableRandom r = new SplittableRandom(9);
        for (double[] p : noisy) { p[0] += r.nextGaussian(); p[1] += r.nextGaussian(); }
        double[][] aligned = Procrustes.align(noisy, a);
        assertEquals(spread(a), spread(aligned), 1e-9, "as large as the reference, not shrunk by the misfit");
        assertArrayEquals(centre(a), centre(aligned), 1e-9);
    }

    /** A layout's mean point (the tests' own, not Procrustes's). */
    static double[] centre(double[][] xy) {
        double x = 0, y = 0;
        for (double[] p : xy) { x += p[0]; y += p[1]; }
        return new double[] {x / xy.length, y / xy.length};
    }

    /** A layout's root-mean-square distance from its centre. */
    static double spread(double[][] xy) {
        double[] c = centre(xy);
        double s = 0;
        for (double[] p : xy) s += (p[0] - c[0]) * (p[0] - c[0]) + (p[1] - c[1]) * (p[1] - c[1]);
        return Math.sqrt(s / xy.length);
    }

    @Test
    void anEmbeddingKeepsItsWordsAndACodeShownAsItselfIsNeverMoved() {
        double[][] a = layout(40, 5);
        Message note = Message.of("plain.text", "note");
        Embedding tsne = new Embedding("tsne", transform(a, 90, false, 2, 0, 0), 30, note);
        Embedding aligned = Procrustes.align(tsne, new Embedding("tsne", a, 40, note));
        assertSameLayout(a, aligned.xy());
        assertEquals("tsne", aligned.method());
        assertEquals(30, aligned.fitted());
        assertSame(note, aligned.note());
        assertSame(tsne.xAxis(), aligned.xAxis());

        Embedding identity = new Embedding("identity", transform(a, 90, false, 2, 0, 0), 40, note);
        assertSame(identity, Procrustes.align(identity, new Embedding("identity", a, 40, note)));
        assertSame(tsne, Procrustes.align(tsne, null));
    }

    @Test
    void aPcaLayoutIsOnlyMirroredAlongItsAxes() {
        double[][] a = layout(40, 6);
        Message note = Message.of("plain.text", "note");
        Embedding reference = new Embedding("pca", a, 40, note);
        Embedding flipped = new Embedding("pca", transform(a, 180, false, 1, 0, 0), 40, note); // both axes' signs
        assertSameLayout(a, Procrustes.align(flipped, reference).xy());
        Embedding rotated = new Embedding("pca", transform(a, 30, false, 2, 0, 0), 40, note);
        assertSameLayout(rotated.xy(), Procrustes.align(rotated, reference).xy()); // neither rotated nor scaled
        assertSame(reference, Procrustes.align(reference, reference), "nothing to flip: the same layout");
    }

    @Test
    void degenerateInputLeavesTheLayoutAsItIs() {
        double[][] one = {{1, 2}};
        assertSameLayout(one, Procrustes.align(one, new double[][] {{5, 5}}));
        double[][] a = layout(10, 7);
        double[][] allEqual = new double[10][];
        for (int i = 0; i < 10; i++) allEqual[i] = new double[] {3, 3};
        assertSameLayout(a, Procrustes.align(a, allEqual));
        assertSameLayout(allEqual, Procrustes.align(allEqual, a));
        double[][] nan = layout(10, 8);
        nan[4][1] = Double.NaN;
        assertSameLayout(a, Procrustes.align(a, nan));
        double[][] aligned = Procrustes.align(nan, a);
        assertEquals(Double.NaN, aligned[4][1]);
        assertSameLayout(a, Procrustes.align(a, layout(11, 9)));
        assertEquals(0, Procrustes.align(new double[0][], new double[0][]).length);
        Embedding e = new Embedding("tsne", nan, 10, Message.of("plain.text", "x"));
        assertSame(e, Procrustes.align(e, new Embedding("tsne", a, 10, Message.of("plain.text", "x"))));
    }
}
