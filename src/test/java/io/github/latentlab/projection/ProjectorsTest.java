package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

class ProjectorsTest {
    /** Three well separated Gaussian clusters in 6-D. */
    private static float[][] clusters(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][6];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int j = 0; j < 6; j++) x[i][j] = (float) ((j == c ? 8 : 0) + r.nextGaussian());
        }
        return x;
    }

    @Test
    void pcaInverseOfAProjectedCodeGivesTheCodeBackWhenTheOtherComponentsComeFromIt() {
        float[][] x = clusters(300, 1);
        PcaProjector pca = new PcaProjector(0, 1);
        Embedding e = pca.fit(x);
        double[] code = Knn.toDouble(x)[17];
        double[] z = pca.inverse(e.xy()[17][0], e.xy()[17][1], code);
        assertArrayEquals(code, z, 1e-6);
        double[] variance = pca.varianceProportion();
        assertTrue(variance[0] >= variance[1] && variance[1] >= variance[2]);
        assertTrue(e.note().english().contains("explain"));
    }

    @Test
    void sameSeedGivesTheSameTsneLayoutAndPartialLayoutsArrive() {
        float[][] x = clusters(150, 2);
        List<Embedding> partial = new ArrayList<>();
        float[][] big = clusters(700, 2);
        Embedding a = new TsneProjector(20, 200, 600, 7).fit(big, Progress.NONE,
                new Cancellation(), partial::add);
        Embedding b = new TsneProjector(20, 200, 600, 7).fit(big);
        for (int i = 0; i < big.length; i++) assertArrayEquals(a.xy()[i], b.xy()[i], 0, "same seed, same layout");
        assertTrue(partial.size() >= 2, "layouts while it iterates, then the final one: " + partial.size());
        assertTrue(partial.get(0).note().english().endsWith("(in progress, iteration " + TsneProjector.STEP + " of 200)"),
                partial.get(0).note().english());
        for (Embedding p : partial) {
            assertEquals(600, p.fitted());
            assertEquals(700, p.xy().length);
            for (double[] xy : p.xy()) assertNotNull(xy, "every code is placed in every partial layout");
        }
        assertSame(a, partial.get(partial.size() - 1), "the last partial layout is the result");
        assertFalse(a.note().english().contains("in progress"));
        assertEquals(600, a.fitted());
        assertEquals(700, a.xy().length, "every code is placed, landmarks or not");
        for (double[] p : a.xy()) assertNotNull(p);
        assertEquals(150, new TsneProjector(20, 100, 100, 7).fit(x).xy().length);
    }

    @Test
    void tsneAndUmapKeepClustersApart() {
        float[][] x = clusters(300, 3);
        for (Projector p : new Projector[] {new TsneProjector(30, 300, 200, 1), new UmapProjector(15, 1)}) {
            Embedding e = p.fit(x);
            assertEquals(300, e.xy().length, p.getClass().getSimpleName() + " places every row");
            // share of each point's 10 nearest map neighbours from its own cluster (row i is in cluster i % 3)
            int same = 0;
            for (int i = 0; i < 300; i++) {
                for (int j : Knn.nearest(e.xy(), e.xy()[i], 10, i)) if (j % 3 == i % 3) same++;
            }
            // chance is 1/3; measured here: t-SNE 1.0, Smile's UMAP 0.89 on so few points
            double bar = p instanceof TsneProjector ? 0.95 : 0.8;
            assertTrue(same / 3000.0 > bar, p.getClass().getSimpleName() + " neighbours in the same cluster: " + same / 3000.0);
        }
    }

    @Test
    void trustworthinessIsOneForAnIsometryAndLowForAShuffle() {
        float[][] x = clusters(200, 4);
        double[][] codes = Knn.toDouble(x);
        double[][] same = new double[200][];
        double[][] shuffled = new double[200][];
        for (int i = 0; i < 200; i++) {
            same[i] = codes[i];
            shuffled[i] = codes[(i * 7 + 3) % 200];
        }
        assertEquals(1.0, Trustworthiness.of(codes, same, 5, 200, 1), 1e-12);
        assertTrue(Trustworthiness.of(codes, shuffled, 5, 200, 1) < 0.8);
    }

    @Test
    void identityNeedsATwoDimensionalCode() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityProjector().fit(clusters(10, 1)));
        float[][] two = {{1, 2}, {3, 4}};
        assertArrayEquals(new double[] {3, 4}, new IdentityProjector().fit(two).xy()[1]);
    }

    @Test
    void squareInputIsNotMistakenForADistanceMatrix() {
        float[][] x = clusters(6, 5); // 6 codes of 6 dimensions
        assertEquals(6, new TsneProjector(2, 50, 10, 1).fit(x).xy().length);
    }
}
