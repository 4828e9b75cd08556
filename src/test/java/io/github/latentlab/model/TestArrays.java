package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batches and comparisons the training-step and inference tests share. */
final class TestArrays {
    private TestArrays() { }

    /** {@code rows} images of 784 pixels: a third exactly 0 (as a background), the rest uniform in [0, 1). */
    static INDArray batch(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[rows][784];
        for (float[] row : x) for (int j = 0; j < 784; j++) row[j] = r.nextInt(3) == 0 ? 0f : (float) r.nextDouble();
        return Nd4j.create(x);
    }

    /** The two arrays differ by at most {@code relative} of the expected one's norm (plus 1e-7 for arrays near 0). */
    static void assertClose(INDArray expected, INDArray actual, double relative, String what) {
        double scale = expected.norm2Number().doubleValue();
        double gap = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(gap <= relative * scale + 1e-7, what + " differ by " + gap + " of " + scale);
    }
}
