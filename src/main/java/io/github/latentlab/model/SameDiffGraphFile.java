package io.github.latentlab.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.serde.FlatBuffersMapper;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.FlatGraph;
import org.nd4j.graph.FlatVariable;
import org.nd4j.graph.UpdaterState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.StrictJson;

/**
 * Reads a VAE's or conv autoencoder's saved SameDiff graph (FlatBuffers) into the graph the
 * spec builds, taking from the file only numbers: the parameters, Adam's state and the step
 * count. The file's own graph structure (operations, their arguments, the training configuration
 * object) is never built, so a crafted file cannot make SameDiff allocate what it claims or run
 * an operation with arguments that crash native code. Every array is checked first: a parameter
 * the spec has, its exact shape and order, float data of exactly that size. Throws
 * IllegalArgumentException with the reason.
 */
final class SameDiffGraphFile {
    private static final int MAX_PARTS = 10_000;
    private static final long MAX_TRAINING_CONFIG_BYTES = 1 << 20;
    private static final String M = "M", V = "V";

    private SameDiffGraphFile() { }

    /** Copies the file's parameters, Adam state and counters into {@code target}, the spec's fresh graph. */
    static void readInto(byte[] bytes, SameDiff target) {
        Map<String, INDArray> params = new HashMap<>();
        Map<String, Map<String, INDArray>> adam = new HashMap<>();
        int[] counts;
        try {
            FlatGraph fg = FlatGraph.getRootAsFlatGraph(ByteBuffer.wrap(bytes));
            params.putAll(parameters(fg, target));
            adam.putAll(adamState(fg, target));
            counts = counters(fg.trainingConfig());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a FlatBuffers offset pointing outside the file, and the like
            throw ModelFileLimits.refused(Message.of("model.error.graph.damaged", ModelFileLimits.reason(e)));
        }
        params.forEach((name, values) -> target.getVariable(name).getArr().assign(values));
        if (!adam.isEmpty()) {
            initializeTraining(target);
            adam.forEach((name, state) -> {
                GradientUpdater<?> updater = target.getUpdaterMap().get(name);
                updater.setState(state, false);
            });
        }
        target.getTrainingConfig().setIterationCount(counts[0]);
        target.getTrainingConfig().setEpochCount(counts[1]);
    }

    private static Map<String, INDArray> parameters(FlatGraph fg, SameDiff target) {
        if (fg.variablesLength() > MAX_PARTS) throw ModelFileLimits.refused(Message.of("model.error.graph.tooManyVariables"));
        Map<String, INDArray> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fg.variablesLength(); i++) {
            FlatVariable v = fg.variables(i);
            String name = v.name();
            if (name == null) throw ModelFileLimits.refused(Message.of("model.error.graph.unnamed"));
            if (!seen.add(name)) {
                throw ModelFileLimits.refused(Message.of("model.error.graph.twice", ModelFileLimits.clip(name, 60)));
            }
            byte type = v.variabletype();
            if (type == VariableType.ARRAY.ordinal() || type == VariableType.PLACEHOLDER.ordinal()) continue; // no data
            SDVariable ref = target.hasVariable(name) ? target.getVariable(name) : null;
            if (type != VariableType.VARIABLE.ordinal() || ref == null || ref.getVariableType() != VariableType.VARIABLE) {
                throw ModelFileLimits.refused(Message.of("model.error.graph.notParameter", ModelFileLimits.clip(name, 60)));
            }
            out.put(name, floats(v.ndarray(), ref.getArr().shape(), Message.of("model.error.graph.parameter", name)));
        }
        for (SDVariable v : target.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !out.containsKey(v.name())) {
                throw ModelFileLimits.refused(Message.of("model.error.graph.lacks", v.name()));
            }
        }
        return out;
    }

    private static Map<String, Map<String, INDArray>> adamState(FlatGraph fg, SameDiff target) {
        if (fg.updaterStateLength() > MAX_PARTS) throw ModelFileLimits.refused(Message.of("model.error.graph.tooMuchState"));
        Map<String, Map<String, INDArray>> out = new HashMap<>();
        for (int i = 0; i < fg.updaterStateLength(); i++) {
            UpdaterState u = fg.updaterState(i);
            String name = u.paramName();
            SDVariable param = name == null || !target.hasVariable(name) ? null : target.getVariable(name);
            if (param == null || param.getVariableType() != VariableType.VARIABLE) {
                throw ModelFileLimits.refused(name == null ? Message.of("model.error.graph.stateUnnamed")
                        : Message.of("model.error.graph.stateNotParameter", ModelFileLimits.clip(name, 60)));
            }
            if (out.containsKey(name)) throw ModelFileLimits.refused(Message.of("model.error.graph.stateTwice", name));
            if (u.updaterStateKeysLength() != 2 || u.updaterStateValuesLength() != 2) {
                throw ModelFileLimits.refused(Message.of("model.error.graph.notAdam", name));
            }
            Map<String, INDArray> state = new HashMap<>();
            for (int j = 0; j < 2; j++) {
                String key = u.updaterStateKeys(j);
                if (!M.equals(key) && !V.equals(key) || state.containsKey(key)) {
                    throw ModelFileLimits.refused(Message.of("model.error.graph.notAdam", name));
                }
                state.put(key, floats(u.updaterStateValues(j), param.getArr().shape(), Message.of("model.error.graph.adamState", name)));
            }
            out.put(name, state);
        }
        if (!out.isEmpty() && out.size() != parameterCount(target)) {
            throw ModelFileLimits.refused(Message.of("model.error.graph.partialState"));
        }
        return out;
    }

    /** The training configuration's step and epoch counters (Adam's bias correction needs the step). */
    private static int[] counters(String trainingConfig) {
        if (trainingConfig == null) return new int[] {0, 0};
        Message what = Message.of("model.error.graph.trainingConfig");
        JsonNode tree = StrictJson.parse(trainingConfig.getBytes(StandardCharsets.UTF_8), MAX_TRAINING_CONFIG_BYTES, what);
        JsonClassNames.check(tree, JsonClassNames.SAMEDIFF_TRAINING, what);
        return new int[] {StrictJson.integer(tree, "iterationCount", 0, Integer.MAX_VALUE, 0),
                StrictJson.integer(tree, "epochCount", 0, Integer.MAX_VALUE, 0)};
    }

    /**
     * The array's values, after checking it is float, has exactly {@code shape} with the standard
     * strides of its order, and holds exactly that many values; read by hand, so nothing is
     * allocated or addressed from the file's own sizes.
     */
    private static INDArray floats(FlatArray a, long[] shape, Message what) {
        if (a == null) throw ModelFileLimits.refused(Message.of("model.error.graph.noValues", what));
        int rank = shape.length;
        // ND4J's shape information: rank, dimensions, strides, extras, element stride, order
        if (a.shapeLength() != 2 * rank + 4 || a.shape(0) != rank) {
            throw ModelFileLimits.refused(Message.of("model.error.graph.rank", what, rank));
        }
        long[] dims = new long[rank];
        long[] strides = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = a.shape(1 + i);
            strides[i] = a.shape(1 + rank + i);
        }
        if (!Arrays.equals(dims, shape)) {
            throw ModelFileLimits.refused(Message.of("model.error.graph.mismatch", what, Arrays.toString(dims), Arrays.toString(shape)));
        }
        char order = (char) a.shape(2 * rank + 3);
        if (order != 'c' && order != 'f') throw ModelFileLimits.refused(Message.of("model.error.graph.layout", what));
        long[] standard = Nd4j.getStrides(shape, order);
        for (int i = 0; i < rank; i++) {
            if (shape[i] != 1 && strides[i] != standard[i]) { // a stride along a length-1 dimension is never used
                throw ModelFileLimits.refused(Message.of("model.error.graph.layout", what));
            }
        }
        if (FlatBuffersMapper.getDataTypeFromByte(a.dtype()) != DataType.FLOAT) {
            throw ModelFileLimits.refused(Message.of("model.error.graph.notFloat", what));
        }
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (x, y) -> x * y));
        if (a.bufferLength() != (long) n * Float.BYTES) {
            throw ModelFileLimits.refused(Message.of("model.error.array.bytes", what, a.bufferLength(), (long) n * Float.BYTES));
        }
        ByteBuffer data = a.bufferAsByteBuffer().order(a.byteOrder() == org.nd4j.graph.ByteOrder.BE
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[n];
        data.asFloatBuffer().get(values);
        return Nd4j.create(values, shape, order);
    }

    private static int parameterCount(SameDiff sd) {
        int n = 0;
        for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) n++;
        return n;
    }

    /**
     * Gives the fresh graph its per-parameter Adam updaters, so the file's state can be put in
     * them. SameDiff does this on its first training step through a protected method; calling it
     * here is the same step its own loader takes, without building anything from the file.
     */
    private static void initializeTraining(SameDiff sd) {
        try {
            Method init = SameDiff.class.getDeclaredMethod("initializeTraining");
            init.setAccessible(true);
            init.invoke(sd);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("this ND4J version cannot restore Adam's state", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("SameDiff could not prepare training", e.getCause());
        }
    }
}
