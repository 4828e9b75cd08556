package io.github.latentlab.timeline;

import org.bytedeco.javacpp.indexer.HalfIndexer;

/**
 * IEEE 754 half precision (float16), as a timeline stores codes and model snapshots: 11
 * significant bits, so a value comes back within 2⁻¹¹ (0.05 %) of itself, plenty for a picture;
 * half the bytes of a float. (Java 17 has no Float.floatToFloat16; javacpp's indexer does the
 * rounding to nearest even.)
 */
final class Half {
    /** The largest relative error of a value in the normal range, 2⁻¹¹. */
    static final double RELATIVE_ERROR = 1.0 / 2048;

    private Half() { }

    static short of(float v) {
        return (short) HalfIndexer.fromFloat(v);
    }

    static float value(short bits) {
        return HalfIndexer.toFloat(bits & 0xffff);
    }

    static short[] of(float[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) out[i] = of(values[i]);
        return out;
    }

    static float[] values(short[] bits, int from, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) out[i] = value(bits[from + i]);
        return out;
    }
}
