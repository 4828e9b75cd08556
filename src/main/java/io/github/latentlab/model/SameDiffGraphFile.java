package io.github.latentlab.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.serde.FlatBuffersMapper;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.FlatGraph;
import org.nd4j.graph.FlatNode;
import org.nd4j.graph.FlatVariable;
import org.nd4j.graph.UpdaterState;
import org.nd4j.linalg.api.buffer.DataType;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.latentlab.util.StrictJson;

/**
 * Checks a VAE's or conv autoencoder's SameDiff graph (FlatBuffers) against the graph the spec
 * builds, before SameDiff reads it: the same trainable variables with the same shapes and float
 * data of exactly that size, the same placeholders, only operations the app's graphs use, Adam
 * state shaped like its parameter, and a training configuration naming only Adam. Nothing is
 * allocated from sizes the file states. Throws IllegalArgumentException with the reason.
 */
final class SameDiffGraphFile {
    private static final int MAX_NODES = 10_000;
    private static final long MAX_TRAINING_CONFIG_BYTES = 1 << 20;
    private static final Set<String> ADAM_STATE = Set.of("M", "V");

    private SameDiffGraphFile() { }

    static void check(byte[] bytes, SameDiff reference) {
        try {
            checkParsed(FlatGraph.getRootAsFlatGraph(ByteBuffer.wrap(bytes)), reference);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a FlatBuffers offset pointing outside the file, and the like
            throw new IllegalArgumentException("the graph is damaged (" + ModelFileLimits.reason(e) + ")");
        }
    }

    private static void checkParsed(FlatGraph fg, SameDiff reference) {
        if (fg.variablesLength() > MAX_NODES || fg.nodesLength() > MAX_NODES || fg.updaterStateLength() > MAX_NODES
                || fg.placeholdersLength() > MAX_NODES) {
            throw new IllegalArgumentException("the graph has more parts than any Latent Lab model");
        }
        Map<String, SDVariable> expected = new HashMap<>();
        for (SDVariable v : reference.variables()) expected.put(v.name(), v);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fg.variablesLength(); i++) {
            FlatVariable v = fg.variables(i);
            String name = v.name();
            if (name == null || !seen.add(name)) throw new IllegalArgumentException("the graph names a variable twice or not at all");
            VariableType type = typeOf(v.variabletype(), name);
            SDVariable ref = expected.get(name);
            switch (type) {
                case VARIABLE, CONSTANT -> {
                    if (ref == null || ref.getVariableType() != type) {
                        throw new IllegalArgumentException("the graph holds a " + type.name().toLowerCase() + " \"" + clip(name)
                                + "\" that this model does not have");
                    }
                    checkArray(v.ndarray(), ref.getArr().shape(), "variable " + name);
                }
                case PLACEHOLDER -> {
                    if (ref == null || ref.getVariableType() != VariableType.PLACEHOLDER) {
                        throw new IllegalArgumentException("the graph has an input \"" + clip(name) + "\" that this model does not have");
                    }
                }
                case ARRAY -> { } // an intermediate result: a name only, SameDiff reads no data for it
            }
        }
        for (SDVariable v : reference.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !seen.contains(v.name())) {
                throw new IllegalArgumentException("the graph lacks the parameter \"" + v.name() + "\"");
            }
        }
        Set<String> ops = new HashSet<>();
        for (SameDiffOp op : reference.getOps().values()) ops.add(op.getOp().opName());
        for (int i = 0; i < fg.nodesLength(); i++) {
            FlatNode n = fg.nodes(i);
            if (n.opName() == null || !ops.contains(n.opName())) {
                throw new IllegalArgumentException("the graph uses an operation \"" + clip(String.valueOf(n.opName()))
                        + "\" that this model does not have");
            }
        }
        for (int i = 0; i < fg.updaterStateLength(); i++) {
            UpdaterState u = fg.updaterState(i);
            SDVariable param = u.paramName() == null ? null : expected.get(u.paramName());
            if (param == null || param.getVariableType() != VariableType.VARIABLE) {
                throw new IllegalArgumentException("the graph holds optimizer state for \"" + clip(String.valueOf(u.paramName()))
                        + "\", which is not a parameter of this model");
            }
            if (u.updaterStateKeysLength() != u.updaterStateValuesLength() || u.updaterStateKeysLength() > ADAM_STATE.size()) {
                throw new IllegalArgumentException("the optimizer state of \"" + param.name() + "\" is not Adam's");
            }
            for (int j = 0; j < u.updaterStateKeysLength(); j++) {
                if (!ADAM_STATE.contains(u.updaterStateKeys(j))) {
                    throw new IllegalArgumentException("the optimizer state of \"" + param.name() + "\" is not Adam's");
                }
                checkArray(u.updaterStateValues(j), param.getArr().shape(), "Adam state of " + param.name());
            }
        }
        String training = fg.trainingConfig();
        if (training != null) {
            JsonNode tree = StrictJson.parse(training.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    MAX_TRAINING_CONFIG_BYTES, "the graph's training configuration");
            JsonClassNames.check(tree, JsonClassNames.SAMEDIFF_TRAINING, "the graph's training configuration");
        }
    }

    private static VariableType typeOf(byte b, String name) {
        VariableType[] all = VariableType.values();
        if (b < 0 || b >= all.length) throw new IllegalArgumentException("variable \"" + clip(name) + "\" has an unknown kind " + b);
        return all[b];
    }

    /** The array is float, has exactly {@code shape}, and its data is exactly that many floats. */
    private static void checkArray(FlatArray a, long[] shape, String what) {
        if (a == null) throw new IllegalArgumentException(what + " has no values");
        int rank = shape.length;
        // ND4J's shape information: rank, the dimensions, the strides, then 3 more values
        if (a.shapeLength() != 2 * rank + 4 || a.shape(0) != rank) {
            throw new IllegalArgumentException(what + " is not " + rank + "-dimensional as this model needs");
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) dims[i] = a.shape(1 + i);
        if (!Arrays.equals(dims, shape)) {
            throw new IllegalArgumentException("the graph does not match its metadata: " + what + " is "
                    + Arrays.toString(dims) + " in the file, the metadata's model needs " + Arrays.toString(shape));
        }
        if (FlatBuffersMapper.getDataTypeFromByte(a.dtype()) != DataType.FLOAT) {
            throw new IllegalArgumentException(what + " does not hold float values");
        }
        long bytes = Arrays.stream(shape).reduce(1, (x, y) -> x * y) * Float.BYTES;
        if (a.bufferLength() != bytes) {
            throw new IllegalArgumentException(what + " has " + a.bufferLength() + " bytes of values where " + bytes + " belong");
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
