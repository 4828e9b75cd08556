package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** t-SNE started from a previous layout, as the training timeline lays out one epoch after another. */
class TsneProjectorTest {
    /** Six Gaussian clusters in 8-D, with their centres at random distances (a layout can get their arrangement wrong). */
    private static float[][] clusters(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[6][8];
        for (double[] c : centres) for (int j = 0; j < 8; j++) c[j] = 6 * r.nextGaussian();
        float[][] x = new float[n][8];
        for (int i = 0; i < n; i++) for (int j = 0; j < 8; j++) x[i][j] = (float) (centres[i % 6][j] + r.nextGaussian());
        return x;
    }

    /** The next epoch's codes: the same images, the codes moved a little. */
    private static float[][] nudged(float[][] x, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int j = 0; j < out[i].length; j++) out[i][j] += (float) (0.3 * r.nextGaussian());
        }
        return out;
    }

    @Test
    void aSeededRunIsDeterministicAndNeedsAStartForEveryCode() {
        float[][] x = clusters(240, 1);
        double[][] start = new TsneProjector(20, 100, 240, 3).fit(x).xy();
        TsneProjector seeded = new TsneProjector(20, 150, 160, 5).seededFrom(start); // landmarks only use it
        double[][] a = seeded.fit(x).xy(), b = seeded.fit(x).xy();
        for (int i = 0; i < x.length; i++) assertArrayEquals(a[i], b[i], 0, "same seed and start, same layout");
        double[][] c = new TsneProjector(20, 150, 160, 5).seededFrom(start).fit(x).xy();
        for (int i = 0; i < x.length; i++) assertArrayEquals(a[i], c[i], 0, "a fresh projector, the same layout");
        double[][] unseeded = new TsneProjector(20, 150, 160, 5).fit(x).xy();
        assertTrue(TsneProjectorTestData.moved(a, unseeded) > 1e-3, "the start matters");
        assertThrows(IllegalArgumentException.class, () -> seeded.fit(clusters(100, 1)));
    }

    @Test
    void aRunSeededFromTheLastLayoutKeepsItsShapeAndItsQuality() {
        float[][] before = clusters(360, 2);
        double[][] last = new TsneProjector(30, 400, 400, 11).fit(before).xy();
        float[][] after = nudged(before, 3);
        TsneProjector fresh = new TsneProjector(30, 400, 400, 12);
        double[][] unseeded = fresh.fit(after).xy();
        double[][] seeded = fresh.seededFrom(last).fit(after).xy();
        double[][] codes = Knn.toDouble(after);
        double tUnseeded = Trustworthiness.of(codes, unseeded, 10, 360, 1);
        double tSeeded = Trustworthiness.of(codes, seeded, 10, 360, 1);
        assertTrue(tSeeded >= tUnseeded - 0.02, "trustworthiness seeded " + tSeeded + ", unseeded " + tUnseeded);
        double mSeeded = TsneProjectorTestData.moved(seeded, last), mUnseeded = TsneProjectorTestData.moved(unseeded, last);
        // measured: 0.11 of the spread started from the last layout, 0.90 from a random start
        assertTrue(mSeeded < mUnseeded / 2, "moved from the last layout: seeded " + mSeeded + ", unseeded " + mUnseeded);
    }

    @Test
    void anUnusableStartIsIgnored() {
        float[][] x = clusters(60, 4);
        double[][] flat = new double[60][];
        for (int i = 0; i < 60; i++) flat[i] = new double[] {1, 1};
        double[][] a = new TsneProjector(10, 60, 60, 6).seededFrom(flat).fit(x).xy();
        double[][] b = new TsneProjector(10, 60, 60, 6).fit(x).xy();
        for (int i = 0; i < 60; i++) assertArrayEquals(b[i], a[i], 0, "all in one place: a random start");
        assertEquals(null, ExactTsne.start(flat, 60));
    }
}
