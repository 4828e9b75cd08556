package io.github.latentlab.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled set of square greyscale images, pixels in [0, 1], stored row-major in one float array
 * (image i occupies {@code pixels[i*pixelCount() .. (i+1)*pixelCount())}).
 *
 * <p>Immutable by convention: the arrays are not copied on the way in, so callers hand over
 * ownership. Optional factor columns (slant, stroke width, ...) travel with the images so views
 * can color points by them.
 */
public final class Dataset {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private final String id;
    private final int side;
    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;
    private final Map<String, float[]> factors;
    private String fingerprint;

    public Dataset(String id, int side, float[] pixels, int[] labels, List<String> classNames,
                   Map<String, float[]> factors) {
        this.id = Objects.requireNonNull(id, "id");
        if (side <= 0) throw new IllegalArgumentException("side must be positive: " + side);
        this.side = side;
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * side * side != pixels.length) {
            throw new IllegalArgumentException(
                    "dataset " + id + ": " + labels.length + " labels but " + pixels.length
                            + " pixels (expected " + (long) labels.length * side * side + ")");
        }
        this.classNames = List.copyOf(classNames);
        for (int label : labels) {
            if (label < 0 || label >= this.classNames.size()) {
                throw new IllegalArgumentException("dataset " + id + ": label " + label
                        + " outside the " + this.classNames.size() + " classes");
            }
        }
        Map<String, float[]> f = new LinkedHashMap<>();
        if (factors != null) {
            factors.forEach((name, column) -> {
                if (column.length != labels.length) {
                    throw new IllegalArgumentException("dataset " + id + ": factor " + name + " has "
                            + column.length + " values for " + labels.length + " images");
                }
                f.put(name, column);
            });
        }
        this.factors = Collections.unmodifiableMap(f);
    }

    public Dataset(String id, float[] pixels, int[] labels, List<String> classNames) {
        this(id, SIDE, pixels, labels, classNames, Map.of());
    }

    public String id() { return id; }
    public int side() { return side; }
    public int pixelCount() { return side * side; }
    public int size() { return labels.length; }
    public int label(int i) { return labels[i]; }
    public int classCount() { return classNames.size(); }
    public List<String> classNames() { return classNames; }
    public Map<String, float[]> factors() { return factors; }

    /** The backing pixel array: read it, do not write it. */
    public float[] pixels() { return pixels; }

    /** The backing label array: read it, do not write it. */
    public int[] labels() { return labels; }

    /** A copy of image i. */
    public float[] image(int i) {
        float[] out = new float[pixelCount()];
        System.arraycopy(pixels, i * pixelCount(), out, 0, out.length);
        return out;
    }

    /** Copies of the images at the given indices, one row each. */
    public float[][] images(int[] indices) {
        float[][] out = new float[indices.length][];
        for (int k = 0; k < indices.length; k++) out[k] = image(indices[k]);
        return out;
    }

    /** A new dataset with the images at {@code indices}, in that order (factors follow). */
    public Dataset subset(String newId, int[] indices) {
        int p = pixelCount();
        float[] px = new float[indices.length * p];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * p, px, k * p, p);
            lb[k] = labels[indices[k]];
        }
        Map<String, float[]> f = new LinkedHashMap<>();
        factors.forEach((name, column) -> {
            float[] c = new float[indices.length];
            for (int k = 0; k < indices.length; k++) c[k] = column[indices[k]];
            f.put(name, c);
        });
        return new Dataset(newId, side, px, lb, classNames, f);
    }

    /**
     * The images of {@code a} followed by those of {@code b} (same side and classes); factor
     * columns both have are kept.
     */
    public static Dataset concat(String newId, Dataset a, Dataset b) {
        if (a.side != b.side || !a.classNames.equals(b.classNames)) {
            throw new IllegalArgumentException("cannot join " + a.id + " and " + b.id + ": different image sizes or classes");
        }
        float[] px = Arrays.copyOf(a.pixels, a.pixels.length + b.pixels.length);
        System.arraycopy(b.pixels, 0, px, a.pixels.length, b.pixels.length);
        int[] lb = Arrays.copyOf(a.labels, a.labels.length + b.labels.length);
        System.arraycopy(b.labels, 0, lb, a.labels.length, b.labels.length);
        Map<String, float[]> f = new LinkedHashMap<>();
        a.factors.forEach((name, column) -> {
            float[] other = b.factors.get(name);
            if (other == null) return;
            float[] c = Arrays.copyOf(column, column.length + other.length);
            System.arraycopy(other, 0, c, column.length, other.length);
            f.put(name, c);
        });
        return new Dataset(newId, a.side, px, lb, a.classNames, f);
    }

    /** Indices of the images whose label is {@code label}. */
    public int[] indicesOfClass(int label) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (labels[i] == label) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * First 16 hex digits of SHA-256 over side, labels and pixels: identifies the exact data a
     * model was trained on, so a saved model can say whether it is being shown other data.
     */
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ByteBuffer buf = ByteBuffer.allocate(4 * 4096);
                buf.putInt(side);
                for (int label : labels) {
                    if (buf.remaining() < 4) { sha.update(buf.array(), 0, buf.position()); buf.clear(); }
                    buf.putInt(label);
                }
                for (float v : pixels) {
                    if (buf.remaining() < 4) { sha.update(buf.array(), 0, buf.position()); buf.clear(); }
                    buf.putFloat(v);
                }
                sha.update(buf.array(), 0, buf.position());
                fingerprint = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return fingerprint;
    }

    @Override
    public String toString() {
        return id + " (" + size() + " images, " + classCount() + " classes)";
    }
}
