package io.github.latentlab.projection;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;

/** Which images a latent map encodes: a dataset's test images, its training images, or both. */
public enum MapImages {
    TEST("Test images", "Test image"), TRAIN("Training images", "Training image"), ALL("Training + test images", "Image");

    private final String label;
    private final String one;

    MapImages(String label, String one) {
        this.label = label;
        this.one = one;
    }

    /** How one image of this source is named ("Test image 12"). */
    public String singular() { return one; }

    @Override public String toString() { return label; }

    /** How many images these are in {@code split} (without gathering them). */
    public int size(DatasetSplit split) {
        return switch (this) {
            case TEST -> split.test().size();
            case TRAIN -> split.train().size();
            case ALL -> split.train().size() + split.test().size();
        };
    }

    /** These images of {@code split}. */
    public Dataset of(DatasetSplit split) {
        return switch (this) {
            case TEST -> split.test();
            case TRAIN -> split.train();
            case ALL -> Dataset.concat(split.id() + "-all", split.train(), split.test());
        };
    }
}
