package io.github.latentlab.timeline;

import java.util.List;
import java.util.Map;

import io.github.latentlab.data.Dataset;

/**
 * The images a timeline follows: up to {@value #COUNT} test images, spread evenly over the test
 * set (so every class shows, whatever the set's order), kept with the timeline as 8-bit pixels
 * with their labels, so a timeline shows without its dataset (another machine, a moved folder).
 * The first {@value #RECONSTRUCTED} of them are the ones whose reconstructions are kept.
 *
 * @param datasetId the test data's id, as the catalog names it
 * @param indices   each image's index in that test set
 */
public record TimelineImages(String datasetId, int side, int[] indices, int[] labels, List<String> classNames,
                             byte[] pixels) {
    public static final int COUNT = 1_000;
    public static final int RECONSTRUCTED = 100;

    public TimelineImages {
        classNames = List.copyOf(classNames);
        if (indices.length != labels.length || (long) labels.length * side * side != pixels.length) {
            throw new IllegalArgumentException("timeline images: " + indices.length + " indices, " + labels.length
                    + " labels and " + pixels.length + " pixel bytes do not match");
        }
    }

    /** {@value #COUNT} images of {@code test} (all of them when it has fewer), evenly spaced. */
    public static TimelineImages choose(Dataset test) {
        int n = Math.min(COUNT, test.size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = (int) ((long) i * test.size() / n);
        int p = test.pixelCount();
        byte[] pixels = new byte[n * p];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] image = test.image(idx[i]);
            for (int j = 0; j < p; j++) pixels[i * p + j] = toByte(image[j]);
            labels[i] = test.label(idx[i]);
        }
        return new TimelineImages(test.id(), test.side(), idx, labels, test.classNames(), pixels);
    }

    public int size() { return labels.length; }
    public int pixelCount() { return side * side; }
    /** How many of them have their reconstructions kept: the first ones. */
    public int reconstructed() { return Math.min(RECONSTRUCTED, size()); }

    /** The images as floats in [0, 1]. */
    public float[][] images(int count) {
        int p = pixelCount();
        float[][] out = new float[count][p];
        for (int i = 0; i < count; i++) for (int j = 0; j < p; j++) out[i][j] = toFloat(pixels[i * p + j]);
        return out;
    }

    /** As a dataset of its own, to draw on a map and pick from (ids end in "-timeline"). */
    public Dataset asDataset() {
        int p = pixelCount();
        float[] all = new float[size() * p];
        for (int i = 0; i < all.length; i++) all[i] = toFloat(pixels[i]);
        return new Dataset(datasetId + "-timeline", side, all, labels.clone(), classNames, Map.of());
    }

    /** [0, 1] to 0..255, rounded: at most 1/510 off. */
    static byte toByte(float v) {
        float c = Math.max(0f, Math.min(1f, Float.isNaN(v) ? 0f : v));
        return (byte) Math.round(c * 255f);
    }

    static float toFloat(byte b) {
        return (b & 0xff) / 255f;
    }
}
