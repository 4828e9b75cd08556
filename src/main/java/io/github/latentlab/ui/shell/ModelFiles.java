package io.github.latentlab.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.training.Checkpoints;
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
    /**
     * An opened model and its data; without data, {@code dataProblem} says why (the model still
     * opens). Its timeline when one is kept with it (else null); {@code timelineProblem} says why
     * one that is there could not be read.
     */
    record Opened(Path file, SavedModel saved, DatasetSplit data, String dataProblem, Timeline timeline,
                  String timelineProblem) {
        Opened withTimeline(Timeline t, String problem) {
            return new Opened(file, saved, data, dataProblem, t, problem);
        }
    }

    private final AppState app;

    ModelFiles(AppState app) {
        this.app = app;
    }

    CompletableFuture<Opened> open(Path file, Consumer<Opened> onOpened, Consumer<Throwable> onError) {
        DatasetSplit current = app.data();
        return app.background().run(() -> withTimeline(openModel(file, current)), onOpened, onError);
    }

    /** The model's timeline (in its run folder, or beside it), cut to the model's epochs. */
    private static Opened withTimeline(Opened opened) {
        Path file = Checkpoints.timelineFor(opened.file());
        if (!Files.isRegularFile(file)) return opened;
        try {
            return opened.withTimeline(TimelineFile.read(file).upTo(opened.saved().metadata().epochsDone()), null);
        } catch (IOException e) {
            return opened.withTimeline(null, Texts.problem(e));
        }
    }

    private Opened openModel(Path file, DatasetSplit current) throws Exception {
        SavedModel saved = ModelStore.load(file);
        String id = saved.metadata().datasetId();
        if (current != null && current.id().equals(id)) return new Opened(file, saved, current, null, null, null);
        try {
            // no download on opening a model: the sample that comes with the app stands in
            String standIn = app.catalog().offlineStandIn(id);
            if (standIn != null) {
                if (current != null && current.id().equals(standIn)) return new Opened(file, saved, current, null, null, null);
                return new Opened(file, saved, app.catalog().load(standIn, null, (f, m) -> { }, new Cancellation()),
                        null, null, null);
            }
            return new Opened(file, saved, app.catalog().load(id, null, (f, m) -> { }, new Cancellation()), null,
                    null, null);
        } catch (Exception e) {
            return new Opened(file, saved, null, Texts.format("status.dataProblem", id, Texts.problem(e)), null, null);
        }
    }

    /** Saves the model, and its timeline beside it when it has one (NAME.timeline), atomically each. */
    CompletableFuture<Path> save(Path target, Consumer<Path> onSaved, Consumer<Throwable> onError) {
        DatasetSplit data = app.data();
        var config = app.config();
        var history = app.history();
        Timeline timeline = app.timeline().timeline();
        return app.modelCopy().thenCompose(copy -> app.background().run(() -> {
            ModelStore.save(target, copy, RunMetadata.of(config, copy.inputSize(), data, history));
            if (timeline != null) TimelineFile.write(TimelineFile.besideModel(target), timeline);
            return target;
        }, onSaved, onError));
    }
}
