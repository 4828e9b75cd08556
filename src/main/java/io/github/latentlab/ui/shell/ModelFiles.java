package io.github.latentlab.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.training.RunMetadata;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.util.Cancellation;

/**
 * File › Open and File › Save for models, off the UI thread: opening reads the model and, when it
 * is not loaded already, the dataset it was trained on; saving writes a copy of the current model
 * (taken between two batches while training) with its history, atomically.
 */
final class ModelFiles {
    /** An opened model and its data; without data, {@code dataProblem} says why (the model still opens). */
    record Opened(Path file, SavedModel saved, DatasetSplit data, String dataProblem) { }

    private final AppState app;

    ModelFiles(AppState app) {
        this.app = app;
    }

    CompletableFuture<Opened> open(Path file, Consumer<Opened> onOpened, Consumer<Throwable> onError) {
        DatasetSplit current = app.data();
        return app.background().run(() -> {
            SavedModel saved = ModelStore.load(file);
            String id = saved.metadata().datasetId();
            if (current != null && current.id().equals(id)) return new Opened(file, saved, current, null);
            try {
                // no download on opening a model: the sample that comes with the app stands in
                String standIn = app.catalog().offlineStandIn(id);
                if (standIn != null) {
                    if (current != null && current.id().equals(standIn)) return new Opened(file, saved, current, null);
                    return new Opened(file, saved, app.catalog().load(standIn, null, (f, m) -> { }, new Cancellation()),
                            null);
                }
                return new Opened(file, saved, app.catalog().load(id, null, (f, m) -> { }, new Cancellation()), null);
            } catch (Exception e) {
                return new Opened(file, saved, null, Texts.format("status.dataProblem", id, Texts.problem(e)));
            }
        }, onOpened, onError);
    }

    CompletableFuture<Path> save(Path target, Consumer<Path> onSaved, Consumer<Throwable> onError) {
        DatasetSplit data = app.data();
        var config = app.config();
        var history = app.history();
        return app.modelCopy().thenCompose(copy -> app.background().run(() -> {
            ModelStore.save(target, copy, RunMetadata.of(config, copy.inputSize(), data, history));
            return target;
        }, onSaved, onError));
    }
}
