package io.github.latentlab.data.noise;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianNoiseTest {

    private static float[] grey(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 0.5f);
        return a;
    }

    @Test
    void sameSeedSameNoiseDifferentSeedDifferentNoise() {
        float[] src = grey(200_000); // several parallel blocks
        assertArrayEquals(GaussianNoise.apply(src, 0.2f, 9), GaussianNoise.apply(src, 0.2f, 9));
        assertFalse(Arrays.equals(GaussianNoise.apply(src, 0.2f, 9), GaussianNoise.apply(src, 0.2f, 10)));
    }

    @Test
    void noiseHasZeroMeanAndTheRequestedSpreadAndLeavesTheInputAlone() {
        float[] src = grey(100_000);
        float[] noisy = GaussianNoise.apply(src, 0.1f, 1);
        double sum = 0, sq = 0;
        for (float v : noisy) { sum += v - 0.5; sq += (v - 0.5) * (v - 0.5); }
        double mean = sum / noisy.length, sd = Math.sqrt(sq / noisy.length - mean * mean);
        assertEquals(0, mean, 0.002);
        assertEquals(0.1, sd, 0.002);
        for (float v : src) assertEquals(0.5f, v);
    }

    @Test
    void resultIsClippedToZeroOne() {
        float[] src = new float[10_000];
        for (int i = 0; i < src.length; i++) src[i] = i % 2;
        for (float v : GaussianNoise.apply(src, 2f, 3)) assertTrue(v >= 0 && v <= 1, "value " + v);
    }

    @Test
    void zeroSigmaReturnsAnEqualCopy() {
        float[] src = {0f, 0.25f, 1f};
        float[] out = GaussianNoise.apply(src, 0f, 1);
        assertArrayEquals(src, out);
        assertFalse(src == out);
    }

    @Test
    void negativeOrNaNSigmaIsRejectedWithItsValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> GaussianNoise.apply(new float[1], -0.5f, 1));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GaussianNoise.applyInPlace(new float[1], 0, 1, new float[1], Float.NaN, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void inPlaceVariantWritesOnlyTheRequestedRange() {
        float[] buf = grey(20);
        GaussianNoise.applyInPlace(buf, 5, 10, buf, 0.3f, new SplittableRandom(4));
        for (int i = 0; i < 5; i++) assertEquals(0.5f, buf[i]);
        for (int i = 15; i < 20; i++) assertEquals(0.5f, buf[i]);
        int changed = 0;
        for (int i = 5; i < 15; i++) if (buf[i] != 0.5f) changed++;
        assertEquals(10, changed);

        float[] batch = new float[8];
        GaussianNoise.applyInPlace(grey(20), 12, 4, batch, 4, 0.3f, new SplittableRandom(4));
        for (int i = 0; i < 4; i++) assertEquals(0f, batch[i]);
        for (int i = 4; i < 8; i++) assertTrue(batch[i] != 0f);
        assertThrows(IndexOutOfBoundsException.class,
                () -> GaussianNoise.applyInPlace(new float[4], 2, 4, new float[4], 0.1f, new SplittableRandom(1)));
    }

    @Test
    void inPlaceVariantIsReproducibleFromTheGeneratorState() {
        float[] a = grey(784), b = grey(784);
        GaussianNoise.applyInPlace(a, 0, 784, a, 0.2f, new SplittableRandom(77));
        GaussianNoise.applyInPlace(b, 0, 784, b, 0.2f, new SplittableRandom(77));
        assertArrayEquals(a, b);
    }
}
