package io.github.latentlab.data.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NoiseKindTest {
    private static float[] grey(int images) {
        float[] x = new float[images * 784];
        for (int i = 0; i < x.length; i++) x[i] = (i % 784) / 784f;
        return x;
    }

    @Test
    void everyKindKeepsPixelsInUnitRangeIsDeterministicAndLeavesItsInputAlone() {
        float[] input = grey(3);
        float[] before = input.clone();
        for (NoiseKind kind : NoiseKind.values()) {
            float[] a = kind.apply(input, 28, kind.maxLevel() / 2, 7);
            assertArrayEquals(a, kind.apply(input, 28, kind.maxLevel() / 2, 7), kind.id());
            assertFalse(Arrays.equals(a, kind.apply(input, 28, kind.maxLevel() / 2, 8)), kind.id() + " other seed");
            for (float v : a) assertTrue(v >= 0 && v <= 1, kind.id());
            assertArrayEquals(before, input, kind.id() + " must not change its input");
            assertArrayEquals(input, kind.apply(input, 28, 0, 7), kind.id() + " at level 0 is the identity");
        }
    }

    @Test
    void saltAndPepperCorruptsAboutTheAskedFractionWithBlackAndWhite() {
        float[] input = new float[100 * 784];
        Arrays.fill(input, 0.5f);
        float[] out = NoiseKind.SALT_PEPPER.apply(input, 28, 0.2, 1);
        long black = 0, white = 0;
        for (float v : out) { if (v == 0) black++; if (v == 1) white++; }
        assertEquals(0.1, black / (double) out.length, 0.01);
        assertEquals(0.1, white / (double) out.length, 0.01);
    }

    @Test
    void maskBlanksWholeBlocks() {
        float[] input = new float[784];
        Arrays.fill(input, 1f);
        float[] out = NoiseKind.MASK.apply(input, 28, 0.5, 3);
        long zeros = 0;
        for (float v : out) if (v == 0) zeros++;
        assertEquals(0, zeros % (NoiseKind.MASK_BLOCK * NoiseKind.MASK_BLOCK), "whole 4x4 blocks");
        assertTrue(zeros > 784 * 0.3 && zeros < 784 * 0.7, zeros + " of 784");
    }

    @Test
    void specsParseFromTheCommandLineAndRejectBadLevels() {
        assertEquals(new NoiseSpec(NoiseKind.GAUSSIAN, 0.4), NoiseSpec.parse("gaussian:0.4"));
        assertEquals(NoiseKind.SALT_PEPPER, NoiseSpec.parse("saltpepper:0.1").kind());
        assertThrows(IllegalArgumentException.class, () -> NoiseSpec.parse("saltpepper:0.9"));
        assertThrows(IllegalArgumentException.class, () -> NoiseSpec.parse("blur:0.1"));
        assertThrows(IllegalArgumentException.class, () -> NoiseSpec.parse("gaussian"));
    }
}
