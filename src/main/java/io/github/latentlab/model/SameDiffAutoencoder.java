package io.github.latentlab.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.WeightInitScheme;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/**
 * What the SameDiff models ({@link VariationalAutoencoder}, {@link ConvAutoencoder}) share: an
 * {@code input} placeholder whose code is read from a named variable, a {@code zIn} placeholder
 * that runs the decoder alone (same weights, found by name) into {@code decoded}, the health
 * check, and saving as SameDiff's own format with the Adam state.
 */
abstract class SameDiffAutoencoder implements TrainableAutoencoder {
    static final String INPUT = "input";
    static final String TARGET = "target";
    static final String Z_IN = "zIn";
    static final String DECODED = "decoded";
    static final String LOSS = "loss";

    protected final ModelSpec spec;
    protected final int inputSize;
    protected final SameDiff sd;
    private final String codeVariable;

    SameDiffAutoencoder(ModelSpec spec, int inputSize, SameDiff sd, String codeVariable) {
        this.spec = spec;
        this.inputSize = inputSize;
        this.sd = sd;
        this.codeVariable = codeVariable;
        if (!sd.hasVariable(DECODED) || !sd.hasVariable(codeVariable)) {
            throw new IllegalArgumentException("the graph is not a Latent Lab " + spec.kind().displayName().toLowerCase());
        }
    }

    @Override public ModelSpec spec() { return spec; }
    @Override public int inputSize() { return inputSize; }

    @Override
    public float[][] encode(float[][] images) {
        return sd.output(Map.of(INPUT, Nd4j.create(images)), codeVariable).get(codeVariable).toFloatMatrix();
    }

    @Override
    public float[][] decode(float[][] codes) {
        if (codes.length > 0 && codes[0].length != spec.latent()) {
            throw new IllegalArgumentException("code has " + codes[0].length + " dimensions, model expects " + spec.latent());
        }
        return sd.output(Map.of(Z_IN, Nd4j.create(codes)), DECODED).get(DECODED).toFloatMatrix();
    }

    @Override
    public boolean parametersFinite() {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) continue;
            if (!Double.isFinite(v.getArr().sumNumber().doubleValue())) return false;
        }
        return true;
    }

    /** The trainable variables by name: a fixed order whatever order the graph was built or read in. */
    private List<SDVariable> trainables() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .sorted(Comparator.comparing(SDVariable::name)).toList();
    }

    @Override
    public float[] parameters() {
        List<SDVariable> vars = trainables();
        long total = vars.stream().mapToLong(v -> v.getArr().length()).sum();
        float[] out = new float[Math.toIntExact(total)];
        int at = 0;
        for (SDVariable v : vars) {
            float[] part = v.getArr().ravel().toFloatVector();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Override
    public void setParameters(float[] values) {
        List<SDVariable> vars = trainables();
        long total = vars.stream().mapToLong(v -> v.getArr().length()).sum();
        if (values.length != total) {
            throw new IllegalArgumentException(values.length + " parameters given, the graph has " + total);
        }
        int at = 0;
        for (SDVariable v : vars) {
            INDArray arr = v.getArr();
            int len = Math.toIntExact(arr.length());
            arr.assign(Nd4j.create(Arrays.copyOfRange(values, at, at + len), arr.shape(), arr.ordering()));
            at += len;
        }
    }

    @Override
    public void setLearningRate(double learningRate) {
        // the updater configuration object is read at every step, so its rate can change in place
        if (sd.getTrainingConfig().getUpdater() instanceof Adam adam) {
            adam.setLearningRate(learningRate);
        }
    }

    /** The graph with its parameters (and Adam's state, unless {@code slim}), as SameDiff's own file format. */
    byte[] toBytes(boolean slim) throws IOException {
        Path tmp = Files.createTempFile("latent-lab-model", ".sd");
        try {
            sd.save(tmp.toFile(), !slim);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A graph from its saved bytes, with Adam's state. Bytes from a file go through SameDiffGraphFile first. */
    static SameDiff graphFromBytes(byte[] bytes) throws IOException {
        NativeRuntime.init();
        return SameDiff.fromFlatBuffers(ByteBuffer.wrap(bytes), true);
    }

    /** x·W + b (ReLU'd if asked); W and b are created once per name and reused after. */
    static SDVariable dense(SameDiff sd, String name, SDVariable x, int in, int out, boolean relu) {
        SDVariable w = parameter(sd, name + "_W", new XavierInitScheme('c', in, out), in, out);
        SDVariable b = parameter(sd, name + "_b", new ZeroInitScheme('c'), 1, out);
        SDVariable y = x.mmul(w).add(b);
        return relu ? sd.nn.relu(y, 0) : y;
    }

    /**
     * The trainable variable {@code name}, created with {@code init} the first time and reused
     * after: a second decoder built on {@code zIn} shares the first one's weights this way.
     */
    static SDVariable parameter(SameDiff sd, String name, WeightInitScheme init, long... shape) {
        return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, init, DataType.FLOAT, shape);
    }

    /**
     * The per-pixel loss of sigmoid({@code logits}) against {@code target}: squared error, or BCE
     * computed from the logits (relu(l) − l·x + log(1 + e^−|l|)) so it never takes log(0).
     */
    static SDVariable perPixelLoss(SameDiff sd, LossKind loss, SDVariable logits, SDVariable target) {
        return loss == LossKind.BCE
                ? sd.nn.relu(logits, 0).sub(logits.mul(target)).add(sd.math.log(sd.math.exp(sd.math.abs(logits).neg()).add(1.0)))
                : sd.math.squaredDifference(sd.nn.sigmoid(logits), target);
    }
}
