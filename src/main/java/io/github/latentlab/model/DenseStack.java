package io.github.latentlab.model;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense layers run as plain ND4J ops: ReLU layers, then a last layer that is a sigmoid (a decoder,
 * to pixels) or linear (an encoder, to the code), on the model's own weight arrays (live:
 * training and {@code setParameters} change them in place). One row, the drag on the latent map,
 * runs on arrays allocated once; DL4J's {@code activateSelectedLayers} and SameDiff's
 * {@code output} cost several times that per call in their own bookkeeping (and SameDiff's keeps
 * a cache of arrays per graph). Thread-safe: one single row at a time.
 */
final class DenseStack {
    /** What the last layer does. */
    enum Last { SIGMOID, LINEAR }

    private final List<INDArray> weights; // [in, out] each
    private final List<INDArray> biases;  // [1, out] each
    private final Last last;
    private final INDArray[] one; // per layer, a [1, out] output for a single row
    private final INDArray code;
    /** The single row's ops, built once on its fixed arrays: built each call, they were most of a decode's time. */
    private final PreparedOps oneRowOps = new PreparedOps();

    DenseStack(List<INDArray> weights, List<INDArray> biases, Last last) {
        this.last = last;
        if (weights.isEmpty() || weights.size() != biases.size()) throw new IllegalArgumentException("layers and biases differ");
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.one = new INDArray[weights.size()];
        for (int i = 0; i < one.length; i++) one[i] = Nd4j.create(DataType.FLOAT, 1, weights.get(i).size(1));
        this.code = Nd4j.create(DataType.FLOAT, 1, weights.get(0).size(0));
    }

    int inputs() {
        return (int) code.length();
    }

    /** The stack's outputs for the rows (codes to images, or images to codes). */
    float[][] run(float[][] codes) {
        for (float[] c : codes) {
            if (c.length != inputs()) {
                throw new IllegalArgumentException((last == Last.SIGMOID ? "code" : "image") + " has " + c.length
                        + (last == Last.SIGMOID ? " dimensions" : " pixels") + ", model expects " + inputs());
            }
        }
        if (codes.length == 1) return new float[][] {OpenMpPools.singleThreaded(() -> decodeOne(codes[0]))};
        INDArray x = Nd4j.create(codes);
        for (int i = 0; i < weights.size(); i++) {
            INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), weights.get(i).size(1));
            x = layer(i, x, y);
        }
        return x.toFloatMatrix();
    }

    private synchronized float[] decodeOne(float[] z) {
        HostUpload.copy(z, 0, code);
        INDArray x = code;
        for (int i = 0; i < weights.size(); i++) {
            INDArray y = one[i];
            oneRowOps.gemm(x, weights.get(i), y, false, false, 1.0, 0.0);
            oneRowOps.pairwise("add", y, biases.get(i), y);
            if (i < weights.size() - 1) oneRowOps.relu(y, y);
            else if (last == Last.SIGMOID) oneRowOps.sigmoid(y, y);
            x = y;
        }
        return x.data().asFloat();
    }

    private INDArray layer(int i, INDArray x, INDArray y) {
        Nd4j.gemm(x, weights.get(i), y, false, false, 1.0, 0.0);
        y.addiRowVector(biases.get(i));
        if (i == weights.size() - 1) {
            if (last == Last.SIGMOID) Nd4j.exec(new Sigmoid(y, y));
        } else {
            Nd4j.exec(new RectifiedLinear(y, y, 0.0));
        }
        return y;
    }
}
