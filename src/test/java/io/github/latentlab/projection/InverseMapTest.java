package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InverseMapTest {
    private static float[][] clusters(int n) {
        SplittableRandom r = new SplittableRandom(3);
        float[][] x = new float[n][5];
        for (int i = 0; i < n; i++) for (int j = 0; j < 5; j++) x[i][j] = (float) ((j == i % 3 ? 6 : 0) + 0.5 * r.nextGaussian());
        return x;
    }

    @Test
    void knnInverseOfADataPointGivesACodeCloseToThatPointsCode() {
        float[][] x = clusters(400);
        double[][] codes = Knn.toDouble(x);
        Embedding e = new TsneProjector(30, 300, 400, 1).fit(x);
        InverseMap inverse = new InverseMap(codes, e, null);
        double typical = 0;
        for (int i : new int[] {3, 50, 201, 377}) {
            InverseMap.Result r = inverse.at(e.xy()[i][0], e.xy()[i][1]);
            double d = Math.sqrt(Knn.dist2(r.code(), codes[i]));
            double spread = Math.sqrt(Knn.dist2(codes[i], codes[(i + 1) % 400])); // another cluster
            assertTrue(d < spread / 3, "inverse of point " + i + " is " + d + " from its code (clusters " + spread + " apart)");
            assertTrue(r.offData() < 2, "a data point is on the data: " + r.offData());
            typical += d;
        }
        assertTrue(typical > 0);
    }

    @Test
    void identityInverseIsExactAndFarPointsAreOffTheData() {
        float[][] x = new float[100][2];
        for (int i = 0; i < 100; i++) { x[i][0] = i % 10; x[i][1] = i / 10; }
        Embedding e = new IdentityProjector().fit(x);
        InverseMap inverse = new InverseMap(Knn.toDouble(x), e, null);
        assertArrayEquals(new double[] {3.3, 4.4}, inverse.at(3.3, 4.4).code(), 1e-12);
        assertTrue(inverse.at(50, 50).offData() > 10);
    }

    @Test
    void newCodesLandWhereTheirDataLies() {
        float[][] x = clusters(300);
        double[][] codes = Knn.toDouble(x);
        PcaProjector pca = new PcaProjector(0, 1);
        Embedding pe = pca.fit(x);
        InverseMap byPca = new InverseMap(codes, pe, pca);
        assertArrayEquals(pe.xy()[17], byPca.place(codes[17]), 1e-9, "PCA places a code exactly where the map has it");

        Embedding te = new TsneProjector(30, 300, 300, 1).fit(x);
        InverseMap byTsne = new InverseMap(codes, te, null);
        for (int i : new int[] {4, 100, 299}) {
            double[] nudged = codes[i].clone();
            nudged[0] += 0.05;
            double[] at = byTsne.place(nudged);
            int nearestOnMap = Knn.nearest(te.xy(), at, 1, -1)[0];
            assertTrue(nearestOnMap % 3 == i % 3, "a nudged code of cluster " + i % 3 + " lands in cluster " + nearestOnMap % 3);
        }
        assertTrue(byTsne.offData(codes[5]) == 0);
    }
}
