package io.github.latentlab.training;

import java.util.Objects;

import io.github.latentlab.model.ModelSpec;

/**
 * How to train: the model to build, epochs, batch size and the seed that makes a run
 * reproducible (weight init, shuffling and noise all derive from it).
 */
public record TrainingConfig(ModelSpec spec, int epochs, int batchSize, long seed) {
    public static final int MAX_EPOCHS = 10_000;

    public TrainingConfig {
        Objects.requireNonNull(spec, "spec");
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs " + epochs + " outside 1.." + MAX_EPOCHS);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside 1..65536");
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(ModelSpec.defaults(), 5, 128, 42);
    }
}
