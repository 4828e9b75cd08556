package io.github.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void mseIsMeanOfSquaredDifferences() {
        assertEquals((0.25 + 0.0 + 1.0) / 3, Metrics.mse(new float[] {0, 1, 1}, new float[] {0.5f, 1, 0}), 1e-9);
    }

    @Test
    void psnrOfIdenticalImagesIsInfiniteAndShownAsInfinity() {
        float[] a = {0.1f, 0.7f};
        assertTrue(Double.isInfinite(Metrics.psnr(a, a)));
        assertEquals("∞ dB", Metrics.formatPsnr(Metrics.psnr(a, a)));
    }

    @Test
    void psnrWithPeakOneIsTenLog10OfInverseMse() {
        // MSE 0.01 → 20 dB
        assertEquals(20.0, Metrics.psnr(new float[] {0, 0}, new float[] {0.1f, 0.1f}), 1e-5);
    }

    @Test
    void bceMatchesHandComputedValueAndIsFiniteAtExtremes() {
        double expected = -(Math.log(0.8) + Math.log(1 - 0.3)) / 2;
        assertEquals(expected, Metrics.bce(new float[] {1, 0}, new float[] {0.8f, 0.3f}), 1e-6);
        assertTrue(Double.isFinite(Metrics.bce(new float[] {1, 0}, new float[] {0, 1})));
    }

    @Test
    void differentLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.mse(new float[2], new float[3]));
    }
}
