package io.github.latentlab.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;

/**
 * What travels with a saved model so it can be understood and reproduced later: the spec, the
 * data it was trained on (id and fingerprint), the seed, the epochs done and the loss history.
 */
public record ModelMetadata(ModelSpec spec, int inputSize, String datasetId, String datasetFingerprint,
                            long seed, int batchSize, List<EpochRecord> epochs, List<LossPoint> points,
                            Instant savedAt, String appVersion) {
    public ModelMetadata {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(datasetId, "datasetId");
        datasetFingerprint = datasetFingerprint == null ? "" : datasetFingerprint;
        epochs = List.copyOf(epochs);
        points = List.copyOf(points);
        Objects.requireNonNull(savedAt, "savedAt");
        appVersion = appVersion == null ? "" : appVersion;
    }

    public int epochsDone() { return epochs.size(); }
}
