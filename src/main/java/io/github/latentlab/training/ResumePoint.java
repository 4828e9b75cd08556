package io.github.latentlab.training;

import java.io.IOException;

import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.model.TrainableAutoencoder;

/**
 * Where a run goes on from: its latest checkpoint (parameters, Adam's state, history) and the
 * spec it continues with. Resuming reproduces the trajectory the run would have had; the one
 * thing that may change is the learning rate, and changing it keeps Adam's moments and step
 * count. The app and {@code train --resume} both resume through this.
 */
public record ResumePoint(SavedModel saved, ModelSpec spec) {
    /** The run's latest checkpoint, as it was saved. */
    public static ResumePoint latest(Checkpoints run) throws IOException {
        SavedModel saved = run.loadLatest();
        return new ResumePoint(saved, saved.metadata().spec());
    }

    public TrainableAutoencoder model() { return saved.model(); }

    public int epochsDone() { return saved.metadata().epochsDone(); }

    /** The run's history up to the checkpoint, to continue adding to. */
    public TrainingHistory history() {
        TrainingHistory h = new TrainingHistory();
        h.replaceWith(saved.metadata().epochs(), saved.metadata().points());
        return h;
    }

    /**
     * Continues with {@code rate} instead of the run's own; Adam's state is kept. Call before
     * training starts (the model is not being trained by another thread yet).
     */
    public ResumePoint withLearningRate(double rate) {
        if (rate == spec.learningRate()) return this;
        ModelSpec changed = spec.withLearningRate(rate);
        saved.model().setLearningRate(changed.learningRate());
        return new ResumePoint(saved, changed);
    }

    /**
     * A diverged run takes a rate offered to it only when lower than its own (a higher one would
     * diverge again): the app offers the rate in its form.
     */
    public ResumePoint afterDivergence(double offeredRate) {
        return offeredRate < spec.learningRate() ? withLearningRate(offeredRate) : this;
    }
}
