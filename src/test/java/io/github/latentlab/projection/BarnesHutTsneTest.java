package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.Cancellation;

/** Barnes-Hut t-SNE: as good as exact t-SNE where both run, exact where it claims to be, and steppable. */
class BarnesHutTsneTest {
    /** n points in Gaussian clusters of different spreads in {@code dim}-D, cluster centres at random. */
    private static double[][] clusters(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[8][dim];
        for (double[] c : centres) for (int j = 0; j < dim; j++) c[j] = 5 * r.nextGaussian();
        double[][] x = new double[n][dim];
        for (int i = 0; i < n; i++) {
            double spread = 0.5 + (i % 8) * 0.2;
            for (int j = 0; j < dim; j++) x[i][j] = centres[i % 8][j] + spread * r.nextGaussian();
        }
        return x;
    }

    /**
     * The codes of Fashion-MNIST's first 1,000 test images by models/fashion-ae-latent32.llab,
     * as {@code project --export} wrote them (32-D, one row per line).
     */
    private static double[][] fashionCodes() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(BarnesHutTsneTest.class.getResource(
                "/fixtures/fashion-ae32-test-codes-1000.tsv").toURI()));
        double[][] x = new double[lines.size()][];
        for (int i = 0; i < x.length; i++) x[i] = Arrays.stream(lines.get(i).split("\t")).mapToDouble(Double::parseDouble).toArray();
        return x;
    }

    /** KL(P‖Q) of layout y for the exact joint affinities p (ExactTsne's packed upper triangle). */
    private static double kl(double[] p, double[][] y) {
        int n = y.length;
        double z = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) z += 2 / (1 + Knn.dist2(y[i], y[j]));
        double kl = 0;
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                double q = 1 / (1 + Knn.dist2(y[i], y[j])) / z;
                kl += 2 * p[k] * Math.log(p[k] / q);
            }
        }
        return kl;
    }

    /**
     * Smile's exact t-SNE is the reference: on the same codes our layouts must have KL(P‖Q) (exact
     * P) at most Smile's and trustworthiness@10 at least Smile's. Measured here: KL 0.654 (Barnes-Hut)
     * and 0.656 (the app) against Smile's 0.822; trustworthiness 0.9886 and 0.9896 against 0.9875.
     * On four other slices of 1,000 of these test codes: KL 0.66–0.68 against 0.82–0.84,
     * trustworthiness 0.9889–0.9901 against 0.9871–0.9887. On codes of an untrained encoder (no
     * clusters to speak of) Smile's trustworthiness came out 0.005 higher at a higher KL: the bar
     * is for the codes the app shows.
     */
    @Test
    void asGoodAsSmilesExactTsneOnTheSameThousandCodes() throws Exception {
        double[][] x = fashionCodes();
        assertEquals(1000, x.length);
        double[] p = ExactTsne.affinities(x, 30, new Cancellation());
        smile.math.MathEx.setSeed(42); // Smile's random start, fixed
        double[][] smile = new smile.manifold.TSNE(x, 2, 30, 200, 1000).coordinates;
        double[][] ours = new BarnesHutTsne(30, 1000, 42).run(x);
        double[][] app = new TsneProjector(30, 1000, 42).fit(TsneProjectorTestData.toFloat(x)).xy(); // what the app draws for 1,000
        double klSmile = kl(p, smile), klOurs = kl(p, ours), klApp = kl(p, app);
        double tSmile = Trustworthiness.of(x, smile, 10, 1000, 1), tOurs = Trustworthiness.of(x, ours, 10, 1000, 1);
        double tApp = Trustworthiness.of(x, app, 10, 1000, 1);
        String figures = String.format("KL Smile %.4f, Barnes-Hut %.4f, app %.4f; trustworthiness Smile %.4f, Barnes-Hut %.4f, app %.4f",
                klSmile, klOurs, klApp, tSmile, tOurs, tApp);
        System.out.println(figures);
        assertTrue(klOurs <= klSmile, figures);
        assertTrue(tOurs >= tSmile, figures);
        assertTrue(klApp <= klSmile, figures);
        assertTrue(tApp >= tSmile, figures);
    }

    @Test
    void withThetaZeroTheGradientIsExactAndAtOneHalfClose() {
        int n = 400;
        double[][] x = clusters(n, 6, 1);
        BarnesHutTsne.Sparse p = BarnesHutTsne.affinities(x, 20, new Cancellation());
        SplittableRandom r = new SplittableRandom(2);
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) y[i] = 5 * r.nextGaussian() + (i % 2 == 0 ? 8 * ((i / 2) % 8) : 0);
        double[] exact = exactGradient(p, y, n, 12);
        double[] zero = new BarnesHutTsne.Gradient(p, n, 0).compute(y, 12, new Cancellation()).clone();
        double[] half = new BarnesHutTsne.Gradient(p, n, 0.5).compute(y, 12, new Cancellation()).clone();
        double norm = 0, errZero = 0, errHalf = 0;
        for (int k = 0; k < 2 * n; k++) {
            norm += exact[k] * exact[k];
            errZero += (zero[k] - exact[k]) * (zero[k] - exact[k]);
            errHalf += (half[k] - exact[k]) * (half[k] - exact[k]);
        }
        // θ = 0: every pair one by one, the repulsion summed in float (relative rounding about 1e-7)
        assertTrue(Math.sqrt(errZero / norm) < 1e-5, "θ = 0: relative error " + Math.sqrt(errZero / norm));
        // measured 4e-4 here: cells stand for their points only when far compared with their size
        assertTrue(Math.sqrt(errHalf / norm) < 0.02, "θ = 0.5: relative error " + Math.sqrt(errHalf / norm));
        assertTrue(Math.sqrt(errHalf / norm) > 10 * Math.sqrt(errZero / norm), "θ = 0.5 does approximate");
        System.out.printf("gradient relative error: θ = 0 %.2e, θ = 0.5 %.2e%n", Math.sqrt(errZero / norm), Math.sqrt(errHalf / norm));
    }

    /** 4 (exaggeration Σ p q' (yᵢ − yⱼ) − Σ q'² (yᵢ − yⱼ) / Z) over all pairs, in the plain way. */
    private static double[] exactGradient(BarnesHutTsne.Sparse p, double[] y, int n, double exaggeration) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                z += 1 / (1 + dx * dx + dy * dy);
            }
        }
        double[] g = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy), a = exaggeration * p.get(i, j) * q - q * q / z;
                g[2 * i] += 4 * a * dx;
                g[2 * i + 1] += 4 * a * dy;
            }
        }
        return g;
    }

    @Test
    void theSparseAffinitiesAreSymmetricAndSumToOne() {
        double[][] x = clusters(500, 5, 3);
        BarnesHutTsne.Sparse p = BarnesHutTsne.affinities(x, 30, new Cancellation());
        double sum = 0;
        for (int i = 0; i < 500; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                int j = p.col()[e];
                assertTrue(j != i);
                if (e > p.start()[i]) assertTrue(j > p.col()[e - 1], "columns sorted in a row");
                assertEquals(p.val()[e], p.get(j, i), 0, "p_ij = p_ji");
                sum += p.val()[e];
            }
            assertTrue(p.start()[i + 1] - p.start()[i] >= BarnesHutTsne.neighbours(500, 30));
        }
        assertEquals(1, sum, 1e-9);
    }

    @Test
    void theNeighbourSearchIsExact() {
        double[][] x = clusters(1500, 12, 4);
        for (int i = 0; i < 40; i++) x[100 + i] = x[7].clone(); // ties: the lower index first
        int k = 20;
        int[] nn = NeighbourSearch.nearest(x, k, new Cancellation());
        for (int i = 0; i < x.length; i += 7) {
            int[] expected = Knn.nearest(x, x[i], k, i);
            double[] d = new double[k], e = new double[k];
            for (int m = 0; m < k; m++) {
                d[m] = Knn.dist2(x[i], x[nn[i * k + m]]);
                e[m] = Knn.dist2(x[i], x[expected[m]]);
            }
            assertArrayEquals(e, d, 1e-9, "row " + i);
        }
        int[] dup = Arrays.copyOfRange(nn, 7 * k, 8 * k);
        for (int m = 0; m < k; m++) assertEquals(100 + m, dup[m], "ties by index");
    }

    @Test
    void tinySetsWork() {
        for (int n : new int[] {0, 1, 2, 5, 40}) {
            double[][] y = new BarnesHutTsne(30, 60, 1).run(clusters(n, 3, 12));
            assertEquals(n, y.length);
            for (double[] p : y) assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]), n + " points");
        }
    }

    @Test
    void sameSeedGivesABitIdenticalLayoutAndAnotherSeedAnother() {
        double[][] x = clusters(1500, 8, 5);
        double[][] a = new BarnesHutTsne(30, 120, 7).run(x);
        double[][] b = new BarnesHutTsne(30, 120, 7).run(x, null, new Cancellation(), 9, (it, y) -> { });
        double[][] c = new BarnesHutTsne(30, 120, 8).run(x);
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 2; d++) assertEquals(Double.doubleToLongBits(a[i][d]), Double.doubleToLongBits(b[i][d]));
        }
        assertFalse(Arrays.deepEquals(a, c), "another seed, another start");
    }

    @Test
    void aCancelStopsItAndTheListenerSeesEveryStep() {
        double[][] x = clusters(1200, 8, 6);
        Cancellation cancel = new Cancellation();
        List<Integer> seen = new ArrayList<>();
        assertThrows(CancellationException.class, () -> new BarnesHutTsne(30, 1000, 1).run(x, null, cancel, 10, (it, y) -> {
            seen.add(it);
            assertEquals(1200, y.length);
            if (it == 30) cancel.cancel();
        }));
        assertEquals(List.of(10, 20, 30), seen, "no step after the cancel");
        Cancellation before = new Cancellation();
        before.cancel();
        assertThrows(CancellationException.class, () -> new BarnesHutTsne(30, 1000, 1).run(x, null, before, 10, (it, y) -> { }));
    }

    @Test
    void aSeededRunStaysCloseToItsStartAndKeepsItsQuality() {
        double[][] before = clusters(1500, 8, 7);
        double[][] last = new BarnesHutTsne(30, 500, 11).run(before);
        double[][] after = new double[before.length][];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < before.length; i++) {
            after[i] = before[i].clone();
            for (int j = 0; j < after[i].length; j++) after[i][j] += 0.3 * r.nextGaussian();
        }
        double[][] unseeded = new BarnesHutTsne(30, 400, 12).run(after);
        double[][] seeded = new BarnesHutTsne(30, 400, 12).run(after, last, new Cancellation(), 1000, (it, y) -> { });
        double tUnseeded = Trustworthiness.of(after, unseeded, 10, 1500, 1);
        double tSeeded = Trustworthiness.of(after, seeded, 10, 1500, 1);
        assertTrue(tSeeded >= tUnseeded - 0.01, "trustworthiness seeded " + tSeeded + ", unseeded " + tUnseeded);
        double mSeeded = TsneProjectorTestData.moved(seeded, last), mUnseeded = TsneProjectorTestData.moved(unseeded, last);
        assertTrue(mSeeded < mUnseeded / 2, "moved from the last layout: seeded " + mSeeded + ", unseeded " + mUnseeded);
    }

    @Test
    void theProjectorLaysOutEveryCodeWithBarnesHutAboveTheExactLimit() {
        double[][] x = clusters(TsneProjector.EXACT_MAX + 200, 8, 9);
        Embedding e = new TsneProjector(30, 300, 3).fit(TsneProjectorTestData.toFloat(x));
        assertEquals(x.length, e.fitted(), "every code laid out by t-SNE itself");
        assertEquals("map.note.tsneBarnesHut", e.note().key());
        assertTrue(Trustworthiness.of(x, e.xy(), 10, 2000, 1) > 0.9);
        Embedding small = new TsneProjector(30, 100, 3).fit(TsneProjectorTestData.toFloat(Arrays.copyOf(x, 300)));
        assertEquals("map.note.tsneExact", small.note().key());
    }

    @Test
    void trustworthinessIsTheTextbookOne() {
        double[][] x = clusters(300, 6, 10);
        SplittableRandom r = new SplittableRandom(11);
        double[][] y = new double[300][];
        for (int i = 0; i < 300; i++) y[i] = new double[] {x[i][0] + r.nextGaussian(), x[i][1] + 3 * r.nextGaussian()};
        // float distances may swap two nearly equidistant points: 1.2e-6 each
        assertEquals(reference(x, y, 10), Trustworthiness.of(x, y, 10, 300, 1), 1e-5);
    }

    /** Venna and Kaski's trustworthiness, straight from the definition (ranks from a full sort). */
    private static double reference(double[][] x, double[][] y, int k) {
        int n = x.length;
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            final int row = i;
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) order[j] = j;
            Arrays.sort(order, (a, b) -> {
                double da = a == row ? -1 : Knn.dist2(x[row], x[a]), db = b == row ? -1 : Knn.dist2(x[row], x[b]);
                return da != db ? Double.compare(da, db) : Integer.compare(a, b);
            });
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) rank[order[r]] = r;
            for (int j : Knn.nearest(y, y[i], k, i)) if (rank[j] > k) penalty += rank[j] - k;
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }
}
