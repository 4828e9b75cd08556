package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LatentMathTest {
    @Test
    void interpolationStartsAndEndsAtTheCodesAndLinearMidpointIsTheMean() {
        float[] a = {1, 0, 2}, b = {3, 4, -2};
        float[][] lin = LatentMath.interpolate(a, b, 5, false);
        assertArrayEquals(a, lin[0], 1e-6f);
        assertArrayEquals(b, lin[4], 1e-6f);
        assertArrayEquals(new float[] {2, 2, 0}, lin[2], 1e-6f);
        float[][] sph = LatentMath.interpolate(a, b, 5, true);
        assertArrayEquals(a, sph[0], 1e-5f);
        assertArrayEquals(b, sph[4], 1e-5f);
    }

    @Test
    void sphericalInterpolationOfUnitCodesStaysOnTheSphere() {
        float[] a = {1, 0}, b = {0, 1};
        for (float[] c : LatentMath.interpolate(a, b, 7, true)) assertEquals(1.0, Math.hypot(c[0], c[1]), 1e-6);
    }

    @Test
    void samplesFromAFittedGaussianMatchItsMeanAndCorrelationAndRepeatForASeed() {
        SplittableRandom r = new SplittableRandom(1);
        float[][] codes = new float[5000][2];
        for (float[] c : codes) {
            double u = r.nextGaussian(), v = r.nextGaussian();
            c[0] = (float) (3 + u);
            c[1] = (float) (-1 + 0.8 * u + 0.6 * v); // correlation 0.8
        }
        float[][] s = LatentMath.sampleFitted(codes, 20000, 7);
        double m0 = 0, m1 = 0, c01 = 0, v0 = 0, v1 = 0;
        for (float[] x : s) { m0 += x[0]; m1 += x[1]; }
        m0 /= s.length;
        m1 /= s.length;
        for (float[] x : s) { c01 += (x[0] - m0) * (x[1] - m1); v0 += (x[0] - m0) * (x[0] - m0); v1 += (x[1] - m1) * (x[1] - m1); }
        assertEquals(3, m0, 0.05);
        assertEquals(-1, m1, 0.05);
        assertEquals(0.8, c01 / Math.sqrt(v0 * v1), 0.03);
        assertArrayEquals(s[5], LatentMath.sampleFitted(codes, 20000, 7)[5]);
    }
}
