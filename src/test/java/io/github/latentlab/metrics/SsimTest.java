package io.github.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SsimTest {
    private static float[] random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        return x;
    }

    @Test
    void imageWithItselfIsOne() {
        float[] x = random(1);
        assertEquals(1.0, Ssim.ssim(x, x, 28), 1e-12);
    }

    @Test
    void constantImagesReduceToTheLuminanceTerm() {
        // variances and covariance are 0, so SSIM = (2ab + C1) / (a² + b² + C1) with C1 = 0.01²
        float[] a = new float[784], b = new float[784];
        Arrays.fill(a, 0.2f);
        Arrays.fill(b, 0.6f);
        double c1 = 1e-4;
        double expected = (2 * 0.2 * 0.6 + c1) / (0.2 * 0.2 + 0.6 * 0.6 + c1);
        assertEquals(expected, Ssim.ssim(a, b, 28), 1e-6);
    }

    @Test
    void unrelatedNoiseScoresNearZeroAndIsSymmetric() {
        float[] a = random(1), b = random(2);
        double s = Ssim.ssim(a, b, 28);
        assertTrue(Math.abs(s) < 0.1, "SSIM of independent noise: " + s);
        assertEquals(s, Ssim.ssim(b, a, 28), 1e-12);
    }

    @Test
    void moreNoiseLowersSimilarity() {
        float[] clean = new float[784];
        for (int i = 0; i < 784; i++) clean[i] = (i / 28) % 7 < 3 ? 1f : 0f; // stripes
        SplittableRandom r = new SplittableRandom(3);
        float[] light = clean.clone(), heavy = clean.clone();
        for (int i = 0; i < 784; i++) {
            double g = r.nextGaussian();
            light[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.1 * g));
            heavy[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.5 * g));
        }
        assertTrue(Ssim.ssim(clean, light, 28) > Ssim.ssim(clean, heavy, 28));
    }

    @Test
    void wrongSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(new float[784], new float[783], 28));
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(new float[64], new float[64], 8));
    }
}
