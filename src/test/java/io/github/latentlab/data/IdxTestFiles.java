package io.github.latentlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files, valid or deliberately broken, for tests. */
final class IdxTestFiles {
    private IdxTestFiles() { }

    /** Pixels that survive the byte round trip exactly: k / 255 for random k. */
    static float[] randomPixels(int count, int side, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[count * side * side];
        for (int i = 0; i < px.length; i++) px[i] = rnd.nextInt(256) / 255f;
        return px;
    }

    static int[] labels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = i % 10;
        return labels;
    }

    /** An IDX file with the given header ints followed by {@code payload} bytes of value 7. */
    static byte[] idx(int magic, int[] dims, long payload) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (int d : dims) out.writeInt(d);
            for (long i = 0; i < payload; i++) out.write(7);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(raw);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Writes a valid pair of {@code count} 28x28 images and labels; returns {images, labels}. */
    static Path[] writePair(Path dir, String prefix, int count, boolean gzip) throws IOException {
        Path images = dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : ""));
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : ""));
        IdxFormat.write(images, labels, randomPixels(count, 28, count), labels(count), 28, gzip);
        return new Path[] {images, labels};
    }
}
