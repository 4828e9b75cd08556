package io.github.latentlab.training;

import java.time.Instant;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.util.BuildInfo;

/**
 * The metadata saved with a model, made in one place from what a run knows (its configuration,
 * data and history), for checkpoints, {@code train --out} and File › Save alike.
 */
public final class RunMetadata {
    private RunMetadata() { }

    /** {@code data} may be null when the model's data is not loaded: it is then saved as "unknown". */
    public static ModelMetadata of(TrainingConfig config, int inputSize, DatasetSplit data, TrainingHistory history) {
        return new ModelMetadata(config.spec(), inputSize, data == null ? "unknown" : data.id(),
                data == null ? "" : data.train().fingerprint(), config.seed(), config.batchSize(), history.epochs(),
                history.points(), Instant.now(), BuildInfo.appVersion());
    }
}
