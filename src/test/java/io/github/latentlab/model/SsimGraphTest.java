package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.metrics.Ssim;

/** The SameDiff SSIM term against the reference {@link Ssim}, and its autodiff gradient against finite differences. */
class SsimGraphTest {
    @Test
    void valueMatchesTheReferenceImplementation() {
        NativeRuntime.init();
        float[][] a = images(3, 28, 1), b = images(3, 28, 2);
        for (int k = 0; k < 3; k++) for (int i = 0; i < 784; i++) b[k][i] = Math.min(1, Math.max(0, 0.6f * a[k][i] + 0.4f * b[k][i]));
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("a", DataType.FLOAT, -1, 784);
        SDVariable y = sd.placeHolder("b", DataType.FLOAT, -1, 784);
        SDVariable s = SsimGraph.perImage(sd, x, y, 28);
        INDArray out = sd.output(Map.of("a", Nd4j.create(a), "b", Nd4j.create(b)), s.name()).get(s.name());
        for (int k = 0; k < 3; k++) assertEquals(Ssim.ssim(a[k], b[k], 28), out.getDouble(k), 1e-4);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        NativeRuntime.init();
        int side = 13, n = side * side;
        INDArray a = Nd4j.create(images(2, side, 3)).castTo(DataType.DOUBLE);
        INDArray b = Nd4j.create(images(2, side, 4)).castTo(DataType.DOUBLE);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("a", DataType.DOUBLE, -1, n);
        SDVariable y = sd.var("b", b.dup());
        SDVariable loss = SsimGraph.perImage(sd, x, y, side).sum("loss");
        loss.markAsLoss();
        INDArray grad = sd.calculateGradients(Map.of("a", a), "b").get("b");
        double eps = 1e-5;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i += 7) {
                double orig = b.getDouble(k, i);
                y.getArr().putScalar(k, i, orig + eps);
                double up = sd.output(Map.of("a", a), "loss").get("loss").getDouble(0);
                y.getArr().putScalar(k, i, orig - eps);
                double down = sd.output(Map.of("a", a), "loss").get("loss").getDouble(0);
                y.getArr().putScalar(k, i, orig);
                assertEquals((up - down) / (2 * eps), grad.getDouble(k, i), 1e-6, "pixel " + i + " of image " + k);
            }
        }
    }

    /** Smooth random images in [0, 1]. */
    static float[][] images(int count, int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] out = new float[count][side * side];
        for (float[] img : out) {
            double fx = 0.2 + r.nextDouble() * 0.6, fy = 0.2 + r.nextDouble() * 0.6, ph = r.nextDouble() * 6;
            for (int i = 0; i < img.length; i++) {
                double v = 0.5 + 0.4 * Math.sin(fx * (i % side) + fy * (i / side) + ph) + 0.1 * (r.nextDouble() - 0.5);
                img[i] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return out;
    }
}
