package io.github.latentlab.training;

import java.util.Objects;
import java.util.Set;

/**
 * What a run folder says about its run besides its checkpoints: a name for people, the data it
 * trains on (a catalog id, reloadable), the epochs it is meant to reach, batch and seed, and how
 * it stands: {@link #RUNNING} (also what a crashed run is left as), {@link #FINISHED},
 * {@link #STOPPED} or {@link #DIVERGED}, with a plain message.
 */
public record RunPlan(String name, String datasetId, String testDatasetId, int targetEpochs, int batchSize, long seed,
                      String status, String message) {
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String STOPPED = "stopped";
    public static final String DIVERGED = "diverged";
    /** Every status a run.json may hold. */
    public static final Set<String> STATUSES = Set.of(RUNNING, FINISHED, STOPPED, DIVERGED);

    public RunPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datasetId, "datasetId");
        status = status == null ? RUNNING : status;
        message = message == null ? "" : message;
    }

    public RunPlan withStatus(String newStatus, String newMessage) {
        return new RunPlan(name, datasetId, testDatasetId, targetEpochs, batchSize, seed, newStatus, newMessage);
    }

    public RunPlan withTargetEpochs(int epochs) {
        return new RunPlan(name, datasetId, testDatasetId, epochs, batchSize, seed, status, message);
    }
}
