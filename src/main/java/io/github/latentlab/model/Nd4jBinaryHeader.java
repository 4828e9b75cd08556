package io.github.latentlab.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;

import io.github.latentlab.util.Message;

/**
 * The header of an array in ND4J's binary form ({@code Nd4j.write}: a shape buffer, then a data
 * buffer, each written as allocation mode, length, data type, then the values), read without
 * allocating anything so a file cannot make ND4J allocate what its header claims. Used to check
 * a dense model's {@code coefficients.bin} and {@code updaterState.bin} against the spec.
 */
final class Nd4jBinaryHeader {
    private static final Set<String> MODES = Set.of("DIRECT", "HEAP", "JAVACPP", "LONG_SHAPE", "MIXED_DATA_TYPES");
    private static final int MAX_RANK = 4;

    private Nd4jBinaryHeader() { }

    /**
     * Checks that {@code bytes} hold exactly one float array of {@code expectedLength} values
     * (any shape with that many elements), and nothing after it.
     */
    static void checkFloatArray(byte[] bytes, long expectedLength, String entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            long shapeLength = header(in, Message.of("model.error.array.shape", entry), "LONG");
            if (shapeLength < 4 || shapeLength > 2 * MAX_RANK + 4) {
                throw ModelFileLimits.refused(Message.of("model.error.array.shapeLength", entry, shapeLength));
            }
            long[] shape = new long[(int) shapeLength];
            for (int i = 0; i < shape.length; i++) shape[i] = in.readLong();
            long rank = shape[0];
            if (rank < 1 || rank > MAX_RANK || shapeLength != 2 * rank + 4) {
                throw ModelFileLimits.refused(Message.of("model.error.array.rank", entry, rank));
            }
            long elements = 1;
            for (int i = 1; i <= rank; i++) {
                if (shape[i] < 1 || shape[i] > expectedLength) {
                    throw ModelFileLimits.refused(Message.of("model.error.array.dimension", entry, shape[i], expectedLength));
                }
                elements *= shape[i];
            }
            long length = header(in, entry, "FLOAT");
            if (length != expectedLength || elements != expectedLength) {
                throw ModelFileLimits.refused(Message.of("model.error.array.length", entry, length, expectedLength));
            }
            if (in.available() != length * Float.BYTES) {
                throw ModelFileLimits.refused(Message.of("model.error.array.bytes", entry, in.available(), length * Float.BYTES));
            }
        } catch (IOException e) { // EOF inside the header
            throw ModelFileLimits.refused(Message.of("model.error.array.cutShort", entry));
        }
    }

    /** {@code entry} names the part read: a file name, or a message naming it. */
    private static long header(DataInputStream in, Object entry, String expectedType) throws IOException {
        String mode = in.readUTF();
        if (!MODES.contains(mode)) {
            throw ModelFileLimits.refused(Message.of("model.error.array.mode", entry, ModelFileLimits.clip(mode, 30)));
        }
        long length = in.readLong();
        String type = in.readUTF();
        if (!type.equals(expectedType)) {
            throw ModelFileLimits.refused(Message.of("model.error.array.type", entry, ModelFileLimits.clip(type, 30), expectedType));
        }
        if (length < 0) throw ModelFileLimits.refused(Message.of("model.error.array.negative", entry, length));
        return length;
    }
}
