package io.github.latentlab.model;


import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The conv model's encoder and decoder as plain ops give the graph's outputs. */
class ConvForwardTest {
    /** Encoding, decoding and reconstructing by plain ops give the graph's outputs, for one image and several. */
    @Test
    void inferenceIsTheGraphs() {
        ModelSpec spec = new ModelSpec(ModelKind.CONV, List.of(8, 12), 4, LossKind.MSE, 3e-3, 0);
        ConvAutoencoder model = ConvAutoencoder.create(spec, 784, 9);
        for (int s = 0; s < 3; s++) model.fit(TestArrays.batch(12, s), TestArrays.batch(12, s)); // weights away from their start
        for (int rows : new int[] {1, 7}) {
            INDArray x = TestArrays.batch(rows, 40 + rows);
            float[][] images = x.toFloatMatrix();
            INDArray code = model.sd.output(Map.of("input", x), "code").get("code");
            TestArrays.assertClose(code, Nd4j.create(model.encode(images)), 2e-5, "codes of " + rows);
            INDArray decoded = model.sd.output(Map.of("zIn", code), "decoded").get("decoded");
            TestArrays.assertClose(decoded, Nd4j.create(model.decode(code.toFloatMatrix())), 2e-5, "images of " + rows);
            INDArray logits = model.sd.output(Map.of("input", x), "logits").get("logits");
            TestArrays.assertClose(org.nd4j.linalg.ops.transforms.Transforms.sigmoid(logits, true),
                    Nd4j.create(model.reconstruct(images)), 2e-5, "reconstructions of " + rows);
        }
    }

}
