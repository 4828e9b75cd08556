package io.github.latentlab.model;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense decoder run as plain ND4J ops: ReLU layers, then a sigmoid layer, on the model's own
 * weight arrays (live: training and {@code setParameters} change them in place). One code, the
 * drag on the latent map, runs on arrays allocated once, in about 0.05 ms; DL4J's
 * {@code activateSelectedLayers} and SameDiff's {@code output} cost several times that per call
 * in their own bookkeeping. Thread-safe: one code at a time.
 */
final class DenseDecoder {
    private final List<INDArray> weights; // [in, out] each
    private final List<INDArray> biases;  // [1, out] each
    private final INDArray[] one; // per layer, a [1, out] output for a single code
    private final INDArray code;

    DenseDecoder(List<INDArray> weights, List<INDArray> biases) {
        if (weights.isEmpty() || weights.size() != biases.size()) throw new IllegalArgumentException("layers and biases differ");
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.one = new INDArray[weights.size()];
        for (int i = 0; i < one.length; i++) one[i] = Nd4j.create(DataType.FLOAT, 1, weights.get(i).size(1));
        this.code = Nd4j.create(DataType.FLOAT, 1, weights.get(0).size(0));
    }

    int latent() {
        return (int) code.length();
    }

    /** The images of the codes (rows), pixels in [0, 1]. */
    float[][] decode(float[][] codes) {
        for (float[] c : codes) {
            if (c.length != latent()) {
                throw new IllegalArgumentException("code has " + c.length + " dimensions, model expects " + latent());
            }
        }
        if (codes.length == 1) return new float[][] {decodeOne(codes[0])};
        INDArray x = Nd4j.create(codes);
        for (int i = 0; i < weights.size(); i++) {
            INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), weights.get(i).size(1));
            x = layer(i, x, y);
        }
        return x.toFloatMatrix();
    }

    private synchronized float[] decodeOne(float[] z) {
        code.data().setData(z);
        INDArray x = code;
        for (int i = 0; i < weights.size(); i++) x = layer(i, x, one[i]);
        return x.data().asFloat();
    }

    private INDArray layer(int i, INDArray x, INDArray y) {
        Nd4j.gemm(x, weights.get(i), y, false, false, 1.0, 0.0);
        y.addiRowVector(biases.get(i));
        if (i == weights.size() - 1) {
            Nd4j.exec(new Sigmoid(y, y));
        } else {
            Nd4j.exec(new RectifiedLinear(y, y, 0.0));
        }
        return y;
    }
}
