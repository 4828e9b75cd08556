package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The conv model's encoder and decoder as plain ops give the graph's outputs. */
class ConvForwardTest {
    private static INDArray batch(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[rows][784];
        for (float[] row : x) for (int j = 0; j < 784; j++) row[j] = r.nextInt(3) == 0 ? 0f : (float) r.nextDouble();
        return Nd4j.create(x);
    }

    /** Encoding, decoding and reconstructing by plain ops give the graph's outputs, for one image and several. */
    @Test
    void inferenceIsTheGraphs() {
        ModelSpec spec = new ModelSpec(ModelKind.CONV, List.of(8, 12), 4, LossKind.MSE, 3e-3, 0);
        ConvAutoencoder model = ConvAutoencoder.create(spec, 784, 9);
        for (int s = 0; s < 3; s++) model.fit(batch(12, s), batch(12, s)); // weights away from their start
        for (int rows : new int[] {1, 7}) {
            INDArray x = batch(rows, 40 + rows);
            float[][] images = x.toFloatMatrix();
            INDArray code = model.sd.output(Map.of("input", x), "code").get("code");
            assertClose(code, Nd4j.create(model.encode(images)), "codes of " + rows);
            INDArray decoded = model.sd.output(Map.of("zIn", code), "decoded").get("decoded");
            assertClose(decoded, Nd4j.create(model.decode(code.toFloatMatrix())), "images of " + rows);
            INDArray logits = model.sd.output(Map.of("input", x), "logits").get("logits");
            assertClose(org.nd4j.linalg.ops.transforms.Transforms.sigmoid(logits, true), Nd4j.create(model.reconstruct(images)),
                    "reconstructions of " + rows);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.norm2Number().doubleValue();
        double gap = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(gap <= 2e-5 * scale + 1e-7, what + " differ by " + gap + " of " + scale);
    }
}
