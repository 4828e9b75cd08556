package io.github.latentlab.cli;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times ND4J's sgemm on exactly the matrix products one training step of a dense network does
 * (forward, weight gradient, input gradient per layer), so the training rate can be set against
 * what the BLAS reaches on the same shapes in the same process.
 */
final class GemmProbe {
    /** One product C[m×n] = op(A)·op(B) with inner size k. */
    record Shape(String name, int m, int n, int k, boolean transA, boolean transB) {
        double flop() { return 2.0 * m * n * k; }
    }

    record Result(double flopPerStep, double secondsPerStep) {
        double gflops() { return flopPerStep / secondsPerStep / 1e9; }
    }

    private GemmProbe() { }

    /** The products of one training step of a dense net with these layer widths, batch {@code b}. */
    static List<Shape> trainingStep(int[] widths, int b) {
        List<Shape> shapes = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l], out = widths[l + 1];
            shapes.add(new Shape("fwd " + in + "x" + out, b, out, in, false, false));
            shapes.add(new Shape("dW " + in + "x" + out, in, out, b, true, false));
            shapes.add(new Shape("dX " + in + "x" + out, b, in, out, false, true));
        }
        return shapes;
    }

    /** Runs the products repeatedly for about {@code seconds} and returns the rate. */
    static Result measure(List<Shape> shapes, double seconds) {
        List<INDArray[]> operands = new ArrayList<>();
        for (Shape s : shapes) {
            INDArray a = s.transA() ? Nd4j.rand(DataType.FLOAT, s.k(), s.m()) : Nd4j.rand(DataType.FLOAT, s.m(), s.k());
            INDArray b = s.transB() ? Nd4j.rand(DataType.FLOAT, s.n(), s.k()) : Nd4j.rand(DataType.FLOAT, s.k(), s.n());
            INDArray c = Nd4j.create(DataType.FLOAT, new long[] {s.m(), s.n()}, 'f');
            operands.add(new INDArray[] {a, b, c});
        }
        double flop = shapes.stream().mapToDouble(Shape::flop).sum();
        for (int warm = 0; warm < 20; warm++) step(shapes, operands);
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        int steps = 0;
        do {
            step(shapes, operands);
            steps++;
        } while (System.nanoTime() < deadline);
        return new Result(flop, (System.nanoTime() - t0) / 1e9 / steps);
    }

    private static void step(List<Shape> shapes, List<INDArray[]> operands) {
        for (int i = 0; i < shapes.size(); i++) {
            INDArray[] o = operands.get(i);
            Nd4j.gemm(o[0], o[1], o[2], shapes.get(i).transA(), shapes.get(i).transB(), 1.0, 0.0);
        }
    }
}
