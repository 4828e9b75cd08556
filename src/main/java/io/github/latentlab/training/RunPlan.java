package io.github.latentlab.training;

import java.util.Objects;

/**
 * What a run folder says about its run besides its checkpoints: a name for people, the data it
 * trains on (a catalog id, reloadable), the epochs it is meant to reach, batch and seed, and how
 * it stands (one of {@link RunStatus#stored()}: running, also what a crashed run is left as,
 * finished, stopped or diverged), with a plain message.
 */
public record RunPlan(String name, String datasetId, String testDatasetId, int targetEpochs, int batchSize, long seed,
                      RunStatus status, String message) {
    public RunPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datasetId, "datasetId");
        status = status == null ? RunStatus.RUNNING : status;
        message = message == null ? "" : message;
    }

    public RunPlan withStatus(RunStatus newStatus, String newMessage) {
        return new RunPlan(name, datasetId, testDatasetId, targetEpochs, batchSize, seed, newStatus, newMessage);
    }

    public RunPlan withTargetEpochs(int epochs) {
        return new RunPlan(name, datasetId, testDatasetId, epochs, batchSize, seed, status, message);
    }
}
