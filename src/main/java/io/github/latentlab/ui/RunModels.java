package io.github.latentlab.ui;

import java.util.concurrent.CompletableFuture;

import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;

/** A run's model, as a private copy safe to use off the training thread. */
public final class RunModels {
    private RunModels() { }

    /**
     * The training run's current weights (copied between batches), a finished run's model in
     * memory, or its best (else latest) checkpoint read from disk; fails for a queued run.
     * Call on the UI thread; the result completes in the background.
     */
    public static CompletableFuture<TrainableAutoencoder> modelOf(AppState app, Run run) {
        if (run.status() == RunStatus.RUNNING && run.model() == app.model()) return app.training().snapshot();
        if (run.status() == RunStatus.QUEUED) return CompletableFuture.failedFuture(new IllegalStateException("queued"));
        TrainableAutoencoder m = run.model();
        if (m != null) return CompletableFuture.completedFuture(m.copy());
        if (run.checkpoints() == null) return CompletableFuture.failedFuture(new IllegalStateException("no model"));
        return app.background().run(() -> {
            var file = run.checkpoints().bestFile() != null ? run.checkpoints().bestFile() : run.checkpoints().latestFile();
            TrainableAutoencoder loaded = ModelStore.load(file).model();
            run.setModel(loaded);
            return loaded.copy();
        }, x -> { });
    }
}
