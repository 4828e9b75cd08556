package io.github.latentlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.training.HistoryCsv;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingEvent;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.fx.EventPump;
import io.github.latentlab.util.Message;

/**
 * State and commands of the training pane: the settings a user edits, the state and progress of
 * the run that trains, and its loss curves. The view binds to these properties and calls
 * {@link #start()}, {@link #enqueue()}, {@link #pause()}, {@link #resume()}, {@link #stop()};
 * runs themselves (queue, folders, resuming) belong to the app's {@link RunManager}, which this
 * follows whichever pane started the run.
 */
public final class TrainingViewModel {
    public enum State { IDLE, LOADING, RUNNING, PAUSED, STOPPING }

    /** A fresh model copy for the views at most this often while training. */
    static final long VIEW_REFRESH_NANOS = 1_000_000_000L;

    private final AppState app;
    private final Consumer<Throwable> errors;

    private final TrainingForm form;
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(LossCurves.SMOOTHING);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty(Texts.get("train.progress.ready"));
    private final StringProperty message = new SimpleStringProperty("");
    private final LossCurves curves = new LossCurves();
    private long lastViewRefresh;

    public TrainingViewModel(AppState app, Consumer<Throwable> errors) {
        this.app = app;
        this.errors = errors;
        this.form = new TrainingForm(app.catalog().defaultId());
        app.runs().addListener(new Follower());
        smoothing.addListener((o, was, is) -> curves.setSmoothing(is.doubleValue()));
    }

    /** The settings of the next run. */
    public TrainingForm form() { return form; }
    public BooleanProperty logScaleProperty() { return logScale; }
    /** How much the training curve is smoothed: 0 raw, 0.99 very smooth (TensorBoard's slider). */
    public DoubleProperty smoothingProperty() { return smoothing; }

    /**
     * Writes the current model's whole loss history (every recorded step, unsmoothed, and every
     * epoch) as {@code file} and {@code file}-epochs.csv, off the UI thread.
     */
    public CompletableFuture<Path> exportCurves(Path file) {
        TrainingHistory history = app.history();
        return app.background().run(() -> {
            HistoryCsv.write(history, file, HistoryCsv.epochsFileFor(file));
            return file;
        }, f -> app.statusProperty().set(Texts.format("train.csv.saved", f.getFileName(),
                HistoryCsv.epochsFileFor(f).getFileName())), e -> message.set(Texts.format("train.csv.failed", Texts.problem(e))));
    }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public State getState() { return state.get(); }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    /** The last problem or outcome to show the user in plain words (empty when none). */
    public StringProperty messageProperty() { return message; }
    /** Smoothed training loss per iteration, thinned to at most {@link LossCurves#MAX_POINTS}. */
    public ObservableList<LossPoint> trainCurve() { return curves.train(); }

    /** Before any model: none trained, opened or training yet (the Train tab then offers a way in). */
    public BooleanBinding nothingYet() {
        return Bindings.createBooleanBinding(() -> app.viewModel() == null && trainCurve().isEmpty(),
                app.viewModelProperty(), trainCurve());
    }
    public ObservableList<EpochRecord> testCurve() { return curves.test(); }

    /** Builds a new model from the settings and trains it (loading its data first if needed). */
    public void start() {
        if (state.get() != State.IDLE || app.runs().busy()) return;
        submit(true);
    }

    /** Adds a run with the current settings to the queue; it starts when nothing else trains. */
    public void enqueue() {
        submit(false);
    }

    private void submit(boolean now) {
        TrainingConfig config;
        try {
            config = form.config();
        } catch (IllegalArgumentException e) {
            message.set(Texts.problem(e));
            return;
        }
        if (now || !app.runs().busy()) {
            message.set("");
            state.set(State.LOADING);
        }
        app.runs().submit(app.runs().newRun(null, form.datasetIdProperty().get(), null, config));
    }

    /** Follows the run manager: the run being prepared, trained and ended, on the UI thread. */
    /** The run whose model the app shows, while it trains and after; null for a model opened from a file. */
    private Run shownRun;

    private final class Follower implements RunManager.Listener {
        private final EventPump<TrainingEvent> pump = new EventPump<>(app.uiThread(), TrainingViewModel.this::apply);

        @Override public void preparing(Run run, double fraction, Message text) {
            app.uiThread().execute(() -> {
                if (state.get() == State.IDLE) state.set(State.LOADING);
                if (fraction >= 0) progress.set(fraction);
                progressText.set(Texts.render(text));
            });
        }

        @Override public void started(Run run, RunManager.Start start) {
            app.uiThread().execute(() -> show(run, start));
        }

        @Override public void trainingEvent(Run run, TrainingEvent event) { pump.accept(event); }

        @Override public void timelineChanged(Run run, Timeline timeline) {
            app.uiThread().execute(() -> {
                if (run == shownRun) app.timeline().timelineProperty().set(timeline);
            });
        }

        @Override public void ended(Run run, Trainer.Outcome outcome) {
            app.uiThread().execute(() -> finish(run, outcome));
        }

        @Override public void failed(Run run, Message text, Throwable cause) {
            app.uiThread().execute(() -> {
                state.set(State.IDLE);
                progressText.set(Texts.get("train.progress.ready"));
                message.set(Texts.render(text));
                errors.accept(cause);
            });
        }
    }

    /** A run starts training: its model becomes the app's, its history the chart's (its timeline follows). */
    private void show(Run run, RunManager.Start start) {
        shownRun = run;
        DatasetSplit data = start.data();
        if (app.data() != data) app.dataProperty().set(data);
        int done = start.history().epochsDone();
        app.setModel(start.model(), start.viewCopy(), start.history(), run.config());
        if (done > 0) curves.show(start.history()); else curves.clear();
        state.set(State.RUNNING);
        progress.set(0);
        progressText.set(done > 0 ? Texts.format("train.progress.resuming", done) : Texts.get("train.progress.starting"));
    }

    /** Shows how a run ended; after divergence the rolled-back model is the app's. */
    private void finish(Run run, Trainer.Outcome outcome) {
        state.set(State.IDLE);
        if (outcome.status() == RunStatus.DIVERGED) {
            app.setModel(outcome.model(), run.history(), run.config());
            Timeline kept = run.timeline();
            app.timeline().timelineProperty().set(kept == null ? null : kept.upTo(run.history().epochsDone()));
            curves.show(run.history());
            message.set(Texts.render(outcome.note()));
        } else if (outcome.epochsDone() == 0 && outcome.status() == RunStatus.STOPPED) {
            progressText.set(Texts.get("train.progress.stopped"));
        }
        refreshViews();
    }

    /** Shows a loaded model: its settings in the form, its loss history in the chart. */
    public void adopt(SavedModel saved) {
        shownRun = null;
        ModelMetadata m = saved.metadata();
        form.fill(m);
        TrainingHistory history = new TrainingHistory();
        history.replaceWith(m.epochs(), m.points());
        app.setModel(saved.model(), history, new TrainingConfig(m.spec(), Math.max(1, form.epochsProperty().get()),
                form.batchProperty().get(), m.seed()));
        curves.show(history);
        progress.set(0); // a loaded model is not work in progress
        progressText.set(Texts.format("train.loaded", m.epochsDone(), m.datasetId()));
    }

    public void pause() {
        if (state.get() == State.RUNNING) app.runs().pause();
    }

    public void resume() {
        if (state.get() == State.PAUSED) app.runs().continueTraining();
    }

    /** Stops the run being prepared or trained; it ends after its current batch. */
    public void stop() {
        if (state.get() == State.IDLE || state.get() == State.STOPPING) return;
        state.set(State.STOPPING);
        app.runs().stop();
    }

    /** Applies a batch of training events on the UI thread. */
    void apply(List<TrainingEvent> events) {
        curves.add(events);
        TrainingEvent last = null;
        for (TrainingEvent e : events) {
            switch (e.type()) {
                case PAUSED -> state.set(State.PAUSED);
                case RESUMED -> state.set(State.RUNNING);
                case FAILED -> message.set(e.note() == null ? "" : Texts.render(e.note()));
                default -> { }
            }
            last = e;
        }
        if (last == null) return;
        progress.set(last.fractionDone());
        progressText.set(describe(last));
        boolean epochEnded = events.stream().anyMatch(e -> e.type() == TrainingEvent.Type.EPOCH);
        long now = System.nanoTime();
        if (epochEnded || now - lastViewRefresh > VIEW_REFRESH_NANOS) {
            lastViewRefresh = now;
            refreshViews();
        }
    }

    private void refreshViews() {
        app.modelCopy().thenAcceptAsync(app::publishViewModel, app.uiThread());
    }

    private String describe(TrainingEvent e) {
        return switch (e.type()) {
            case STOPPED -> Texts.format("train.progress.stoppedAfter", e.epoch() - 1, e.totalEpochs());
            case FINISHED -> Texts.format("train.progress.done", e.totalEpochs(), e.trainLoss(), e.samplesPerSecond());
            case FAILED -> Texts.get("train.progress.failed");
            case PAUSED -> Texts.format("train.progress.paused", e.epoch(), e.totalEpochs());
            case STARTED -> Texts.get("train.progress.started");
            default -> Texts.format("train.progress.epoch", e.epoch(), e.totalEpochs(), e.trainLoss(), e.samplesPerSecond(),
                    formatEta(e.etaSeconds()));
        };
    }

    static String formatEta(double seconds) {
        if (!Double.isFinite(seconds)) return "–";
        long s = Math.round(seconds);
        return s >= 3600 ? Texts.format("duration.hours", s / 3600, s / 60 % 60)
                : s >= 60 ? Texts.format("duration.minutes", s / 60, s % 60) : Texts.format("duration.seconds", s);
    }
}
