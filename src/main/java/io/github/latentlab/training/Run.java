package io.github.latentlab.training;

import java.util.Locale;
import java.util.Objects;

import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.timeline.Timeline;

/**
 * One training run as the app lists it: a name, the data it trains on (catalog id), its config,
 * its history and, once built, its model; its folder of checkpoints when it has one; and how it
 * stands. A run from an earlier session has a folder but no model in memory until it is loaded.
 * RunStatus and message change on the UI thread; the history is thread-safe.
 */
public final class Run {
    private final String name;
    private final String datasetId;
    private final String testDatasetId;
    private final TrainingConfig config;
    private final TrainingHistory history;
    private volatile Checkpoints checkpoints;
    private volatile TrainableAutoencoder model;
    private volatile Timeline timeline;
    private volatile RunStatus status;
    private volatile String message = "";
    private volatile int targetEpochs;

    public Run(String name, String datasetId, TrainingConfig config, TrainingHistory history, RunStatus status) {
        this(name, datasetId, null, config, history, status);
    }

    /** {@code testDatasetId} null: the dataset's own test split. */
    public Run(String name, String datasetId, String testDatasetId, TrainingConfig config, TrainingHistory history,
               RunStatus status) {
        this.name = Objects.requireNonNull(name, "name");
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
        this.testDatasetId = testDatasetId;
        this.config = Objects.requireNonNull(config, "config");
        this.history = Objects.requireNonNull(history, "history");
        this.status = status;
        this.targetEpochs = config.epochs();
    }

    /** A run of an earlier session, known from its folder (its model is loaded on demand). */
    public static Run fromFolder(Checkpoints folder, ModelMetadata latest) {
        RunPlan plan = folder.plan();
        TrainingHistory history = new TrainingHistory();
        history.replaceWith(latest.epochs(), latest.points());
        // a folder left "running" by a session that ended without saying so was interrupted
        RunStatus status = plan.status() == RunStatus.RUNNING ? RunStatus.INTERRUPTED : plan.status();
        Run run = new Run(plan.name(), plan.datasetId(), plan.testDatasetId(), new TrainingConfig(latest.spec(), Math.max(1, plan.targetEpochs()),
                plan.batchSize(), plan.seed()), history, status);
        run.checkpoints = folder;
        run.message = plan.message();
        return run;
    }

    public String name() { return name; }
    public String datasetId() { return datasetId; }
    /** The test data's catalog id, or null for the dataset's own test split. */
    public String testDatasetId() { return testDatasetId; }
    public TrainingConfig config() { return config; }
    public TrainingHistory history() { return history; }
    public Checkpoints checkpoints() { return checkpoints; }
    public void setCheckpoints(Checkpoints c) { checkpoints = c; }
    public TrainableAutoencoder model() { return model; }
    public void setModel(TrainableAutoencoder m) { model = m; }
    /** Its timeline as last recorded or read, or null while it has none in memory. */
    public Timeline timeline() { return timeline; }
    public void setTimeline(Timeline t) { timeline = t; }
    public RunStatus status() { return status; }
    public String message() { return message; }
    public int targetEpochs() { return targetEpochs; }
    public void setTargetEpochs(int epochs) { targetEpochs = epochs; }

    public void setStatus(RunStatus s, String text) {
        status = s;
        message = text == null ? "" : text;
    }

    /** Whether it can continue: stopped, crashed or rolled back before its target, with a checkpoint. */
    public boolean resumable() {
        return status.resumable() && checkpoints != null && checkpoints.latestFile() != null;
    }

    /** Epochs still to train before its target. */
    public int epochsLeft() { return Math.max(0, targetEpochs - history.epochsDone()); }

    /** A name that says what a run trains: "DAE latent 2 gaussian 0.4 [256]". */
    public static String defaultName(ModelSpec s) {
        return s.kind().id().toUpperCase(Locale.ROOT) + " latent " + s.latent()
                + (s.kind() == ModelKind.VAE ? " β " + s.beta() : "")
                + (s.loss() == LossKind.MSE_SSIM ? " mse+ssim λ " + s.ssimWeight() : "")
                + (s.denoising() ? " " + s.noiseKind().id() + " " + s.noiseLevel() : "")
                + (s.kind().convolutional() ? " c" + s.hidden() : " " + s.hidden());
    }

    /** The test MSE of its last epoch, NaN before one ends. */
    public double lastTestMse() {
        var epochs = history.epochs();
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testMse();
    }

    @Override public String toString() { return name; }
}
