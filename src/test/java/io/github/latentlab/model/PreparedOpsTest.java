package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** Prepared ops give what building them each call gives, are kept per set of arrays, and are forgotten with their inputs. */
class PreparedOpsTest {
    @BeforeAll
    static void backend() {
        NativeRuntime.init();
        Nd4j.getRandom().setSeed(3);
    }

    @Test
    void aKeptOpRunsOnTheArraysItWasBuiltForAndOthersGetTheirOwn() {
        PreparedOps ops = new PreparedOps();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5).subi(0.5), y = x.like();
        for (int i = 0; i < 3; i++) {
            x.muli(-1); // new values each call: the kept op must read them, not the first call's
            ops.run(() -> new RectifiedLinear(x, y, 0.0), "relu", x, y);
            assertEquals(Nd4j.exec(new RectifiedLinear(x, x.like(), 0.0)), y);
        }
        assertEquals(1, ops.size());
        INDArray z = x.like();
        ops.run(() -> new RectifiedLinear(x, z, 0.0), "relu", x, z);
        assertEquals(2, ops.size(), "another output array: another op");
        INDArray same = x.dup();
        ops.run(() -> new RectifiedLinear(same, z, 0.0), "relu", same, z);
        assertEquals(3, ops.size(), "an equal but different array is a different key");
    }

    @Test
    void gemmMatchesNd4jsIncludingTransposesAlphaBetaAndViews() {
        PreparedOps ops = new PreparedOps();
        INDArray a = Nd4j.rand(DataType.FLOAT, 7, 3), b = Nd4j.rand(DataType.FLOAT, 7, 5);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 15);
        INDArray columnMajorT = flat.reshape('f', 5, 3).transpose(); // [3, 5] over column-major memory, as DL4J's gradients
        INDArray expected = columnMajorT.dup();
        Nd4j.gemm(a, b, expected, true, false, 0.5, 1.0);
        ops.gemm(a, b, columnMajorT, true, false, 0.5, 1.0);
        assertTrue(expected.equalsWithEps(columnMajorT, 1e-6), expected + " vs " + columnMajorT);
    }

    @Test
    void newInputsForgetEveryKeptOp() {
        PreparedOps ops = new PreparedOps();
        INDArray in = Nd4j.rand(DataType.FLOAT, 2, 2), out = in.like();
        ops.keepFor(in);
        ops.run(() -> new RectifiedLinear(in, out, 0.0), "relu", in, out);
        ops.keepFor(in);
        assertEquals(1, ops.size(), "same input: kept");
        INDArray next = in.dup();
        ops.keepFor(next);
        assertEquals(0, ops.size(), "a new input array: the ops on the old one are dropped");
    }

    @Test
    void theCacheNeverGrowsPastItsLimit() {
        PreparedOps ops = new PreparedOps();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2);
        for (int i = 0; i < PreparedOps.LIMIT + 10; i++) {
            INDArray out = x.like(); // a new array each call, as a careless caller would pass
            ops.run(() -> new RectifiedLinear(x, out, 0.0), "relu", x, out);
        }
        assertTrue(ops.size() <= PreparedOps.LIMIT, ops.size() + " kept");
    }

    @Test
    void adamMatchesTheUpdatersOwnStepsAsTheIterationAndRateMove() {
        Adam config = new Adam(1e-2);
        long n = 6;
        AdamUpdater reference = new AdamUpdater(config), ours = new AdamUpdater(config);
        reference.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), new long[] {n}, 'c', true);
        ours.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), new long[] {n}, 'c', true);
        PreparedOps ops = new PreparedOps();
        INDArray gradient = Nd4j.create(DataType.FLOAT, n);
        for (int iteration = 0; iteration < 4; iteration++) {
            INDArray g = Nd4j.rand(DataType.FLOAT, n).subi(0.5);
            INDArray expected = g.dup();
            reference.applyUpdater(expected, iteration, 0);
            gradient.assign(g);
            assertTrue(ops.adam(ours, gradient, iteration, 0));
            assertTrue(expected.equalsWithEps(gradient, 1e-7), "update at iteration " + iteration);
            assertTrue(reference.getM().equalsWithEps(ours.getM(), 1e-7), "M at iteration " + iteration);
            assertTrue(reference.getV().equalsWithEps(ours.getV(), 1e-7), "V at iteration " + iteration);
        }
        assertEquals(1, ops.size(), "one op, its arguments set each step");
    }
}
