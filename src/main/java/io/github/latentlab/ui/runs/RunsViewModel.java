package io.github.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.ResumeRequest;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunSettings;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;

/**
 * The Runs tab's state: the runs the app's {@link RunManager} knows (this session's, earlier ones,
 * and those of any runs folder opened), kept in step on the UI thread, and the commands on them:
 * resume, delete, open a folder, queue a classic comparison. New runs take their data, epochs,
 * batch, seed and rate from {@code settings} (the Train tab's form).
 */
public final class RunsViewModel {
    /** Runs listed from the default folder at start; the rest stay on disk. */
    static final int EARLIER_RUNS = 30;

    private final AppState app;
    private final RunManager manager;
    private final Supplier<RunSettings> settings;
    private final Consumer<Throwable> errors;
    private final CompareViewModel compare;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty message = new SimpleStringProperty("");

    public RunsViewModel(AppState app, Supplier<RunSettings> settings, CompareViewModel compare,
                         Consumer<Throwable> errors) {
        this.app = app;
        this.manager = app.runs();
        this.settings = settings;
        this.compare = compare;
        this.errors = errors;
        manager.addListener(new RunManager.Listener() {
            @Override public void runChanged(Run run) { app.uiThread().execute(() -> changed(run)); }

            @Override public void runsRemoved(List<Run> removed) { app.uiThread().execute(() -> runs.removeAll(removed)); }

            @Override public void started(Run run, RunManager.Start start) { app.uiThread().execute(RunsViewModel.this::updateBusy); }

            @Override public void preparing(Run run, double f, String text) { app.uiThread().execute(RunsViewModel.this::updateBusy); }

            @Override public void ended(Run run, Trainer.Outcome outcome) { app.uiThread().execute(RunsViewModel.this::updateBusy); }

            @Override public void failed(Run run, String text, Throwable cause) { app.uiThread().execute(RunsViewModel.this::updateBusy); }
        });
    }

    /** Runs newest first, as the manager lists them. */
    public ObservableList<Run> runs() { return runs; }

    /** Whether a run is being prepared or trained (no other can resume then). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** What the last command found worth saying (damaged folders, a folder opened), empty when nothing. */
    public StringProperty messageProperty() { return message; }

    public CompareViewModel compare() { return compare; }

    /** Lists the runs of earlier sessions from the default runs folder. */
    public void loadEarlierRuns() {
        list(manager.root(), EARLIER_RUNS);
    }

    /** Lists the runs of another runs folder (one made by {@code train --runs DIR}), or one run's folder. */
    public void openFolder(Path folder) {
        list(folder, Integer.MAX_VALUE);
    }

    private void list(Path folder, int limit) {
        manager.open(folder, limit).whenCompleteAsync((listing, error) -> {
            if (error != null) {
                message.set(Texts.format("runs.list.failed", folder, Texts.problem(error)));
                errors.accept(error);
                return;
            }
            List<String> damaged = listing.damaged();
            if (!damaged.isEmpty()) {
                message.set(damaged.size() == 1 ? Texts.format("runs.list.damaged", damaged.get(0))
                        : Texts.format("runs.list.damagedMany", damaged.size(), damaged.get(0)));
            } else if (limit == Integer.MAX_VALUE) {
                message.set(listing.added().isEmpty() ? Texts.format("runs.list.none", folder)
                        : Texts.format("runs.list.added", listing.added().size(), folder));
            }
        }, app.uiThread());
    }

    /** Shows a run the manager added or changed; a compared run's curves and images follow it. */
    private void changed(Run run) {
        int i = runs.indexOf(run);
        if (i >= 0) {
            runs.set(i, run); // tells the table the row changed
        } else {
            int at = manager.runs().indexOf(run);
            runs.add(at < 0 ? runs.size() : Math.min(at, runs.size()), run);
        }
        if (compare.compared().contains(run)) compare.refresh();
        updateBusy();
    }

    private void updateBusy() {
        busy.set(manager.busy());
    }

    /**
     * Continues a stopped, interrupted or diverged run from its last checkpoint. A diverged run
     * takes the Train tab's learning rate when that is lower; a run that reached its target trains
     * the Train tab's epochs more.
     */
    public void resume(Run run) {
        if (!run.resumable()) {
            message.set(Texts.format("runs.resume.nothing", run.name(), Texts.name(run.status())));
            return;
        }
        RunSettings s = settings.get();
        ResumeRequest request = new ResumeRequest(run.status() == RunStatus.DIVERGED ? s.learningRate() : Double.NaN,
                run.epochsLeft() > 0 ? 0 : s.epochs());
        try {
            manager.resume(run, request);
            message.set("");
        } catch (IllegalStateException | IllegalArgumentException e) {
            message.set(Texts.problem(e));
        }
    }

    /** Deletes runs' folders, but not a running or queued run's. */
    public void delete(List<Run> chosen) {
        List<Run> gone = chosen.stream().filter(r -> r.status() != RunStatus.RUNNING && r.status() != RunStatus.QUEUED)
                .toList();
        if (gone.isEmpty()) return;
        compare.compared().removeAll(gone);
        compare.refresh();
        manager.delete(gone).whenCompleteAsync((n, error) -> {
            if (error != null) {
                message.set(Texts.problem(error));
                errors.accept(error);
            } else {
                app.statusProperty().set(Texts.format("runs.deleted", n));
            }
        }, app.uiThread());
    }

    /** Queues the comparison's runs with the Train tab's data, epochs, batch and seed, and compares them. */
    public List<Run> runClassic(ClassicComparisons c) {
        RunSettings s = settings.get();
        List<Run> queued = new ArrayList<>();
        for (ModelSpec spec : c.specs()) {
            Run run = manager.newRun(null, s.datasetId(), null, new TrainingConfig(spec, s.epochs(), s.batchSize(), s.seed()));
            manager.submit(run);
            changed(run); // listed now, so that the table can select it
            queued.add(run);
        }
        compare.noiseLevelProperty().set(c.inputNoise());
        compare.noiseKindProperty().set(NoiseKind.GAUSSIAN);
        compare.compare(queued);
        return queued;
    }
}
