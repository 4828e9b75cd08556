package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch written in one block lands where ND4J's ops read it, from any offset of the source. */
class HostUploadTest {
    @Test
    void copiesFromAnOffsetAndOpsSeeTheValues() {
        float[] values = new float[20];
        for (int i = 0; i < values.length; i++) values[i] = i * 0.5f;
        INDArray target = Nd4j.create(DataType.FLOAT, 3, 4);
        HostUpload.copy(values, 5, target);
        float[] expected = java.util.Arrays.copyOfRange(values, 5, 17);
        assertArrayEquals(expected, target.data().asFloat());
        // an op reads the new values, and a second copy replaces them
        assertArrayEquals(new float[] {2.5f + 3f + 3.5f + 4f, 4.5f + 5f + 5.5f + 6f, 6.5f + 7f + 7.5f + 8f},
                target.sum(1).toFloatVector(), 1e-6f);
        HostUpload.copy(values, 0, target);
        assertArrayEquals(java.util.Arrays.copyOf(values, 12), target.reshape(12).toFloatVector());
    }

    @Test
    void refusesViewsAndShortSources() {
        INDArray whole = Nd4j.create(DataType.FLOAT, 4, 4);
        INDArray rows = whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertThrows(IllegalArgumentException.class, () -> HostUpload.copy(new float[8], 0, rows));
        assertThrows(IllegalArgumentException.class, () -> HostUpload.copy(new float[16], 0, Nd4j.create(DataType.DOUBLE, 4, 4)));
        assertThrows(IndexOutOfBoundsException.class, () -> HostUpload.copy(new float[16], 1, whole));
    }
}
