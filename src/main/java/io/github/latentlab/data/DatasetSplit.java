package io.github.latentlab.data;

import java.util.Objects;

/** A training set and the held-out set its test loss is measured on. */
public record DatasetSplit(String id, Dataset train, Dataset test) {
    public DatasetSplit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.side() != test.side()) {
            throw new IllegalArgumentException("train images are " + train.side() + "x" + train.side()
                    + " but test images are " + test.side() + "x" + test.side());
        }
    }
}
