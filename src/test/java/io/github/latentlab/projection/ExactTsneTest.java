package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.Cancellation;

class ExactTsneTest {
    /** n points in {@code clusters} Gaussian clusters (row i in cluster i % clusters), 8 apart in 6-D. */
    private static double[][] clusters(int n, int clusters, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][6];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) x[i][j] = (j == i % clusters ? 8 : 0) + r.nextGaussian();
        }
        return x;
    }

    @Test
    void conditionalRowsHitTheTargetPerplexity() {
        double[][] x = clusters(120, 3, 1);
        for (double perplexity : new double[] {5, 30}) {
            for (int i : new int[] {0, 17, 119}) {
                double[] row = ExactTsne.conditionalRow(x, i, perplexity);
                assertEquals(0, row[i]);
                double sum = 0, entropy = 0;
                for (double p : row) {
                    sum += p;
                    if (p > 0) entropy -= p * Math.log(p);
                }
                assertEquals(1, sum, 1e-12);
                assertEquals(Math.log(perplexity), entropy, 1e-4, "row " + i + ", perplexity " + perplexity);
            }
        }
    }

    @Test
    void jointAffinitiesAreAProbabilityOverPairs() {
        double[][] x = clusters(300, 3, 2); // ≥ 256: the two-thread path
        double[] p = ExactTsne.affinities(x, 30, new Cancellation());
        assertEquals(300 * 299 / 2, p.length);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= ExactTsne.P_FLOOR);
            sum += 2 * v; // each pair stands for p_ij and p_ji
        }
        assertEquals(1, sum, 1e-6);
        // a pair in the same cluster is far more likely than one across clusters
        assertTrue(p[ExactTsne.rowStart(0, 300) + 2] > 1000 * p[ExactTsne.rowStart(0, 300)]);
    }

    @Test
    void sameSeedGivesABitIdenticalLayoutAndAnotherSeedAnother() {
        double[][] x = clusters(300, 3, 3);
        double[][] a = new ExactTsne(20, 120, 5).run(x);
        double[][] b = new ExactTsne(20, 120, 5).run(x, new Cancellation(), 7, (it, y) -> { });
        double[][] c = new ExactTsne(20, 120, 6).run(x);
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 2; d++) assertEquals(Double.doubleToLongBits(a[i][d]), Double.doubleToLongBits(b[i][d]));
        }
        assertFalse(Arrays.deepEquals(a, c), "another seed, another start");
    }

    @Test
    void wellSeparatedClustersEndSeparated() {
        int n = 300;
        double[][] x = clusters(n, 3, 4);
        double[][] y = new ExactTsne(30, 400, 1).run(x);
        int same = 0;
        for (int i = 0; i < n; i++) {
            for (int j : Knn.nearest(y, y[i], 10, i)) if (j % 3 == i % 3) same++;
        }
        assertTrue(same / (10.0 * n) > 0.99, "share of map neighbours in the same cluster: " + same / (10.0 * n));
        // and the clusters are apart: every centre farther from the others than its points' spread
        double[][] centre = new double[3][2];
        for (int i = 0; i < n; i++) { centre[i % 3][0] += y[i][0] * 3 / n; centre[i % 3][1] += y[i][1] * 3 / n; }
        double spread = 0;
        for (int i = 0; i < n; i++) spread = Math.max(spread, Math.sqrt(Knn.dist2(y[i], centre[i % 3])));
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.sqrt(Knn.dist2(centre[c], centre[(c + 1) % 3])) > spread,
                    "centres " + Arrays.deepToString(centre) + ", largest distance of a point to its centre " + spread);
        }
    }

    @Test
    void cancellingFromTheListenerStopsBeforeTheNextIteration() {
        double[][] x = clusters(300, 3, 5);
        Cancellation cancel = new Cancellation();
        List<Integer> seen = new ArrayList<>();
        assertThrows(CancellationException.class, () -> new ExactTsne(30, 1000, 1).run(x, cancel, 1, (it, y) -> {
            seen.add(it);
            if (it == 20) cancel.cancel();
        }));
        assertEquals(20, seen.size());
        assertEquals(20, seen.get(seen.size() - 1));
    }

    @Test
    void oneOrTwoPointsGiveAFiniteLayout() {
        for (int n = 0; n <= 2; n++) {
            double[][] y = new ExactTsne(1, 60, 1).run(clusters(n, 2, 7));
            assertEquals(n, y.length);
            for (double[] p : y) assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]), Arrays.toString(p));
        }
    }

    @Test
    void listenerSeesCopiesEveryFewIterationsAndAfterTheLast() {
        double[][] x = clusters(40, 2, 6);
        List<Integer> seen = new ArrayList<>();
        List<double[][]> layouts = new ArrayList<>();
        double[][] y = new ExactTsne(10, 55, 1).run(x, new Cancellation(), 10, (it, l) -> { seen.add(it); layouts.add(l); });
        assertEquals(List.of(10, 20, 30, 40, 50, 55), seen);
        assertTrue(Arrays.deepEquals(y, layouts.get(layouts.size() - 1)));
        assertFalse(Arrays.deepEquals(layouts.get(0), layouts.get(1)), "a fresh copy each time");
    }
}
