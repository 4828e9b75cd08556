package io.github.latentlab.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Checkpoints;
import io.github.latentlab.training.ResumePoint;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunPlan;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingEvent;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.fx.EventPump;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * State and commands of the training pane: the settings a user edits, the run's state and
 * progress, and the loss curves. The view binds to these properties and calls
 * {@link #start()}, {@link #pause()}, {@link #resume()}, {@link #stop()}.
 *
 * <p>Every start is a {@link Run} with its own folder of checkpoints, listed in {@link #runs()}
 * (with the runs of earlier sessions); runs can be queued ({@link #enqueue}) and start one after
 * another, and a stopped, crashed or diverged run can continue ({@link #resumeRun}).
 */
public final class TrainingViewModel {
    public enum State { IDLE, LOADING, RUNNING, PAUSED, STOPPING }

    /** Training loss points kept for the chart; older ones are thinned when exceeded. */
    static final int MAX_CHART_POINTS = 1_500;
    /** Exponential smoothing of the per-iteration loss shown in the chart. */
    static final double SMOOTHING = 0.9;
    /** A fresh model copy for the views at most this often while training. */
    static final long VIEW_REFRESH_NANOS = 1_000_000_000L;

    private final AppState app;
    private final Consumer<Throwable> errors;

    private final StringProperty datasetId = new SimpleStringProperty();
    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(ModelKind.AE);
    private final StringProperty hidden = new SimpleStringProperty("256");
    private final IntegerProperty latent = new SimpleIntegerProperty(8);
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(LossKind.MSE);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(1e-3);
    private final IntegerProperty batch = new SimpleIntegerProperty(128);
    private final IntegerProperty epochs = new SimpleIntegerProperty(5);
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final DoubleProperty beta = new SimpleDoubleProperty(1);
    private final DoubleProperty noiseLevel = new SimpleDoubleProperty(0.4);
    /** For a conv autoencoder: train it as a denoising one (a DAE always is). */
    private final BooleanProperty denoise = new SimpleBooleanProperty(false);
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final Deque<Run> queue = new ArrayDeque<>();
    private final Path runsRoot;
    private double smoothedRecon = Double.NaN;
    private double smoothedKl = Double.NaN;
    private final ObjectProperty<NoiseKind> noiseKind =
            new SimpleObjectProperty<>(NoiseKind.GAUSSIAN);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("Ready");
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<LossPoint> trainCurve = FXCollections.observableArrayList();
    private final ObservableList<EpochRecord> testCurve = FXCollections.observableArrayList();

    private double smoothed = Double.NaN;
    private int thinning = 1;
    private long pointsSeen;
    private long lastViewRefresh;
    private Cancellation loading;

    public TrainingViewModel(AppState app, Consumer<Throwable> errors) {
        this(app, errors, Checkpoints.defaultRoot());
    }

    public TrainingViewModel(AppState app, Consumer<Throwable> errors, Path runsRoot) {
        this.app = app;
        this.errors = errors;
        this.runsRoot = runsRoot;
        datasetId.set(app.catalog().defaultId());
        // channel counts for a conv model, layer widths for the others
        kind.addListener((o, was, is) -> {
            if (is == ModelKind.CONV && !was.convolutional()) hidden.set("16, 32");
            else if (was == ModelKind.CONV && is != ModelKind.CONV) hidden.set("256");
        });
    }

    /** This session's runs and earlier ones found on disk, newest first. */
    public ObservableList<Run> runs() { return runs; }
    public BooleanProperty denoiseProperty() { return denoise; }

    /**
     * Lists the runs of earlier sessions (off the UI thread); a crashed one shows as interrupted.
     * A damaged run folder is not listed and its files stay as they are; the status line says how
     * many were skipped and the log says which and why.
     */
    public void loadEarlierRuns() {
        app.background().run(() -> {
            List<Run> found = new ArrayList<>();
            List<String> damaged = new ArrayList<>();
            BiConsumer<Path, String> skip = (folder, why) -> {
                damaged.add(folder.getFileName() + ": " + why);
                LOG.warn("run folder {} not listed: {}", folder, why);
            };
            for (Checkpoints c : Checkpoints.list(runsRoot, skip)) {
                if (found.size() >= 30) break;
                try {
                    if (c.latestFile() != null) found.add(Run.fromFolder(c, ModelStore.readMetadata(c.latestFile())));
                } catch (IOException | RuntimeException e) {
                    skip.accept(c.folder(), e.getMessage());
                }
            }
            return new EarlierRuns(found, damaged);
        }, earlier -> {
            runs.addAll(earlier.runs().stream()
                    .filter(r -> runs.stream().noneMatch(x -> x.checkpoints() != null
                            && x.checkpoints().folder().equals(r.checkpoints().folder()))).toList());
            if (!earlier.damaged().isEmpty()) {
                message.set(earlier.damaged().size() + " earlier run folder" + (earlier.damaged().size() == 1 ? " was" : "s were")
                        + " not listed because " + (earlier.damaged().size() == 1 ? "it is" : "they are") + " damaged ("
                        + earlier.damaged().get(0) + (earlier.damaged().size() > 1 ? "; more in the log" : "") + ").");
            }
        });
    }

    private record EarlierRuns(List<Run> runs, List<String> damaged) { }

    public StringProperty datasetIdProperty() { return datasetId; }
    public ObjectProperty<ModelKind> kindProperty() { return kind; }
    public StringProperty hiddenProperty() { return hidden; }
    public IntegerProperty latentProperty() { return latent; }
    public ObjectProperty<LossKind> lossProperty() { return loss; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty batchProperty() { return batch; }
    public IntegerProperty epochsProperty() { return epochs; }
    /** Fixes weight init, shuffling and noise: the same seed and settings give the same run. */
    public IntegerProperty seedProperty() { return seed; }
    /** A VAE's weight on the KL term (1: the standard VAE; 0: no pull towards N(0, I)). */
    public DoubleProperty betaProperty() { return beta; }
    /** The denoising noise's level: σ for Gaussian, a fraction of pixels for the others. */
    public DoubleProperty noiseLevelProperty() { return noiseLevel; }
    public ObjectProperty<NoiseKind> noiseKindProperty() { return noiseKind; }
    public BooleanProperty logScaleProperty() { return logScale; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public State getState() { return state.get(); }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    /** The last problem or outcome to show the user in plain words (empty when none). */
    public StringProperty messageProperty() { return message; }
    /** Smoothed training loss per iteration, thinned to at most {@link #MAX_CHART_POINTS}. */
    public ObservableList<LossPoint> trainCurve() { return trainCurve; }
    public ObservableList<EpochRecord> testCurve() { return testCurve; }

    /** The spec from the current settings; IllegalArgumentException names a bad value. */
    public ModelSpec spec() {
        boolean noisy = kind.get().trainsOnNoise() || (kind.get().acceptsNoise() && denoise.get());
        return new ModelSpec(kind.get(), parseHidden(hidden.get()), latent.get(), loss.get(),
                learningRate.get(), noisy ? noiseLevel.get() : 0, noiseKind.get(), beta.get());
    }

    static List<Integer> parseHidden(String text) {
        if (text == null || text.isBlank()) return List.of();
        try {
            return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden sizes must be whole numbers like 256 or 512, 128: '" + text + "'");
        }
    }

    /** Loads the chosen dataset if needed, builds a new model from the settings and trains it. */
    public void start() {
        if (state.get() != State.IDLE) return;
        TrainingConfig config;
        try {
            config = new TrainingConfig(spec(), epochs.get(), batch.get(), seed.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Run run = new Run(runName(config.spec()), datasetId.get(), config, new TrainingHistory(), RunStatus.QUEUED);
        runs.add(0, run);
        startRun(run);
    }

    /** Adds a run with the current settings to the queue; it starts when nothing else trains. */
    public void enqueue() {
        try {
            enqueue(new TrainingConfig(spec(), epochs.get(), batch.get(), seed.get()), null);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** Queues a run of {@code config} on the chosen dataset, named {@code name} (null: from its spec). */
    public Run enqueue(TrainingConfig config, String name) {
        Run run = new Run(name == null ? runName(config.spec()) : name, datasetId.get(), config, new TrainingHistory(),
                RunStatus.QUEUED);
        runs.add(0, run);
        queue.add(run);
        if (state.get() == State.IDLE) startNext();
        return run;
    }

    private void startNext() {
        Run next = queue.poll();
        if (next != null) startRun(next);
    }

    private String runName(ModelSpec s) {
        return s.kind().id().toUpperCase() + " latent " + s.latent()
                + (s.kind() == ModelKind.VAE ? " β " + s.beta() : "")
                + (s.denoising() ? " " + s.noiseKind().id() + " " + s.noiseLevel() : "")
                + (s.kind().convolutional() ? " c" + s.hidden() : " " + s.hidden());
    }

    private void startRun(Run run) {
        message.set("");
        state.set(State.LOADING);
        withData(run.datasetId(), data -> launch(data, run, null, run.config().spec()));
    }

    /** Runs {@code then} with the dataset {@code id}, loading it off the UI thread if it is not the current one. */
    private void withData(String id, Consumer<DatasetSplit> then) {
        DatasetSplit current = app.data();
        if (current != null && current.id().equals(id)) {
            then.accept(current);
            return;
        }
        progressText.set("Loading " + id + "…");
        Cancellation cancel = new Cancellation();
        loading = cancel;
        app.background().run(() -> app.catalog().load(id, null,
                        Progress.throttled((f, msg) -> app.uiThread().execute(() -> {
                            if (f >= 0) progress.set(f);
                            progressText.set(msg);
                        }), 100), cancel),
                data -> {
                    loading = null;
                    app.dataProperty().set(data);
                    if (state.get() == State.LOADING) then.accept(data);
                },
                error -> {
                    loading = null;
                    state.set(State.IDLE);
                    progressText.set("Ready");
                    message.set("Could not load " + id + ": " + error.getMessage());
                    errors.accept(error);
                    startNext();
                });
    }

    /**
     * Builds the run's model (or takes {@code resumed}, loaded from its last checkpoint, whose
     * history the run already holds) and its folder off the UI thread, then trains it with {@code spec}.
     */
    private void launch(DatasetSplit data, Run run, TrainableAutoencoder resumed, ModelSpec spec) {
        progressText.set(resumed == null ? "Building model…" : "Resuming…");
        TrainingConfig config = run.config();
        app.background().run(() -> {
            TrainableAutoencoder model = resumed != null ? resumed
                    : TrainableAutoencoder.create(config.spec(), data.train().pixelCount(), config.seed());
            if (run.checkpoints() == null) {
                run.setCheckpoints(Checkpoints.create(runsRoot, new RunPlan(run.name(), run.datasetId(), null,
                        config.epochs(), config.batchSize(), config.seed(), RunStatus.RUNNING, "")));
            }
            return model;
        }, model -> {
            if (state.get() != State.LOADING) { // stopped while building
                run.setStatus(RunStatus.STOPPED, "stopped before it started");
                refreshRun(run);
                return;
            }
            TrainingHistory history = run.history();
            int done = history.epochsDone();
            TrainingConfig remaining = new TrainingConfig(spec, Math.max(1, run.targetEpochs() - done),
                    config.batchSize(), config.seed());
            run.setModel(model);
            run.setStatus(RunStatus.RUNNING, "");
            refreshRun(run);
            app.setModel(model, history, config);
            if (done > 0) showHistory(history, done); else resetCurves();
            state.set(State.RUNNING);
            progress.set(0);
            progressText.set(done > 0 ? "Resuming at epoch " + done + "…" : "Starting…");
            EventPump<TrainingEvent> pump = new EventPump<>(app.uiThread(), this::apply);
            app.training().start(model, data, remaining, history, run.checkpoints(), pump)
                    .thenAcceptAsync(outcome -> finish(run, outcome), app.uiThread());
        }, error -> {
            state.set(State.IDLE);
            run.setStatus(RunStatus.STOPPED, "could not start: " + error.getMessage());
            refreshRun(run);
            message.set("Could not build the model: " + error.getMessage());
            errors.accept(error);
        });
    }

    /** Records how a run ended, keeps the rolled-back model after divergence, starts the next queued run. */
    private void finish(Run run, Trainer.Outcome outcome) {
        RunStatus status = outcome.status();
        run.setStatus(status, outcome.message());
        run.setModel(outcome.model());
        if (outcome.status() == RunStatus.DIVERGED) {
            app.setModel(outcome.model(), run.history(), run.config());
            showHistory(run.history(), run.targetEpochs());
            message.set(outcome.message());
        }
        Checkpoints folder = run.checkpoints();
        if (folder != null) {
            app.background().run(() -> {
                folder.updatePlan(folder.plan().withTargetEpochs(run.targetEpochs()).withStatus(status, outcome.message()));
                return folder;
            }, f -> { });
        }
        refreshRun(run);
        if (state.get() == State.IDLE) startNext();
    }

    /**
     * Continues a stopped, crashed or diverged run from its last checkpoint (the trajectory it
     * would have had). A diverged run continues with the learning rate now set in the form when
     * that is lower than the one that diverged.
     */
    public void resumeRun(Run run) {
        if (state.get() != State.IDLE || !run.resumable()) return;
        message.set("");
        state.set(State.LOADING);
        double lr = learningRate.get();
        withData(run.datasetId(), data -> app.background().run(() -> ResumePoint.latest(run.checkpoints()), latest -> {
            // not training yet, so this thread may still set the model's rate
            ResumePoint point = run.status() == RunStatus.DIVERGED ? latest.afterDivergence(lr) : latest;
            run.history().replaceWith(point.history().epochs(), point.history().points());
            if (run.history().epochsDone() >= run.targetEpochs()) run.setTargetEpochs(run.history().epochsDone() + epochs.get());
            launch(data, run, point.model(), point.spec());
        }, error -> {
            state.set(State.IDLE);
            message.set("Could not resume " + run.name() + ": " + error.getMessage());
            errors.accept(error);
        }));
    }

    /** Removes runs from the list and deletes their folders off the UI thread. */
    public void deleteRuns(List<Run> toDelete) {
        runs.removeAll(toDelete);
        queue.removeAll(toDelete);
        app.background().run(() -> {
            for (Run r : toDelete) {
                if (r.checkpoints() != null) r.checkpoints().delete();
            }
            return toDelete.size();
        }, n -> app.statusProperty().set("Deleted " + n + " run(s)"));
    }

    /** Tells list views that a run's fields changed. */
    private void refreshRun(Run run) {
        int i = runs.indexOf(run);
        if (i >= 0) runs.set(i, run);
    }

    /** Shows a loaded model: its settings in the form, its loss history in the chart. */
    public void adopt(SavedModel saved) {
        ModelMetadata m = saved.metadata();
        ModelSpec s = m.spec();
        kind.set(s.kind());
        hidden.set(String.join(", ", s.hidden().stream().map(String::valueOf).toList()));
        latent.set(s.latent());
        loss.set(s.loss());
        learningRate.set(s.learningRate());
        denoise.set(s.denoising());
        if (s.denoising()) {
            noiseKind.set(s.noiseKind());
            noiseLevel.set(s.noiseLevel());
        }
        if (m.batchSize() > 0) batch.set(m.batchSize());
        beta.set(s.beta());
        if (m.seed() >= 0 && m.seed() <= Integer.MAX_VALUE) seed.set((int) m.seed());
        datasetId.set(m.datasetId());
        TrainingHistory history = new TrainingHistory();
        history.replaceWith(m.epochs(), m.points());
        app.setModel(saved.model(), history, new TrainingConfig(s, Math.max(1, epochs.get()),
                m.batchSize() > 0 ? m.batchSize() : batch.get(), m.seed()));
        showHistory(history, m.epochsDone());
        progress.set(1);
        progressText.set("Loaded a model trained " + m.epochsDone() + " epochs on " + m.datasetId());
    }

    public void pause() {
        if (state.get() == State.RUNNING) app.training().pause();
    }

    public void resume() {
        if (state.get() == State.PAUSED) app.training().resume();
    }

    public void stop() {
        switch (state.get()) {
            case LOADING -> {
                if (loading != null) loading.cancel();
                state.set(State.IDLE);
                progressText.set("Stopped");
            }
            case RUNNING, PAUSED -> {
                state.set(State.STOPPING);
                app.training().stop();
            }
            default -> { }
        }
    }

    /** Draws a history from scratch: its training points (smoothed, thinned) and its test points. */
    private void showHistory(TrainingHistory history, int totalEpochs) {
        resetCurves();
        apply(List.of(new TrainingEvent(TrainingEvent.Type.PROGRESS, history.lastIteration(), history.epochsDone(),
                totalEpochs, 0, Double.NaN, 0, Double.NaN, history.points(), null, null)));
        testCurve.setAll(history.epochs());
    }

    private void resetCurves() {
        trainCurve.clear();
        testCurve.clear();
        smoothed = Double.NaN;
        smoothedRecon = Double.NaN;
        smoothedKl = Double.NaN;
        thinning = 1;
        pointsSeen = 0;
    }

    /** Applies a batch of training events on the UI thread. */
    void apply(List<TrainingEvent> events) {
        List<LossPoint> added = new ArrayList<>();
        TrainingEvent last = null;
        for (TrainingEvent e : events) {
            for (LossPoint p : e.newPoints()) {
                smoothed = smooth(smoothed, p.loss());
                if (p.hasParts()) {
                    smoothedRecon = smooth(smoothedRecon, p.recon());
                    smoothedKl = smooth(smoothedKl, p.kl());
                }
                if (pointsSeen++ % thinning == 0) {
                    added.add(p.hasParts() ? p.withLoss(smoothed, smoothedRecon, smoothedKl)
                            : new LossPoint(p.iteration(), p.epochPosition(), smoothed));
                }
            }
            if (e.lastEpoch() != null) testCurve.add(e.lastEpoch());
            switch (e.type()) {
                case PAUSED -> state.set(State.PAUSED);
                case RESUMED -> state.set(State.RUNNING);
                case FAILED -> message.set(e.message());
                default -> { }
            }
            last = e;
        }
        trainCurve.addAll(added);
        if (trainCurve.size() > MAX_CHART_POINTS) thin();
        if (last == null) return;
        progress.set(last.fractionDone());
        progressText.set(describe(last));
        boolean epochEnded = events.stream().anyMatch(e -> e.type() == TrainingEvent.Type.EPOCH);
        long now = System.nanoTime();
        if (last.isTerminal()) {
            state.set(State.IDLE);
            refreshViews();
        } else if (epochEnded || now - lastViewRefresh > VIEW_REFRESH_NANOS) {
            lastViewRefresh = now;
            refreshViews();
        }
    }

    private static double smooth(double previous, double value) {
        return Double.isNaN(previous) ? value : SMOOTHING * previous + (1 - SMOOTHING) * value;
    }

    private void thin() {
        List<LossPoint> kept = new ArrayList<>(trainCurve.size() / 2 + 1);
        for (int i = 0; i < trainCurve.size(); i += 2) kept.add(trainCurve.get(i));
        trainCurve.setAll(kept);
        thinning *= 2;
    }

    private void refreshViews() {
        app.modelCopy().thenAcceptAsync(app::publishViewModel, app.uiThread());
    }

    private String describe(TrainingEvent e) {
        return switch (e.type()) {
            case STOPPED -> "Stopped after epoch " + (e.epoch() - 1) + " of " + e.totalEpochs();
            case FINISHED -> String.format("Done: %d epochs, loss %.4f · %,.0f samples/s", e.totalEpochs(),
                    e.trainLoss(), e.samplesPerSecond());
            case FAILED -> "Failed: see the message below";
            case PAUSED -> String.format("Paused in epoch %d of %d", e.epoch(), e.totalEpochs());
            case STARTED -> "Started";
            default -> String.format("Epoch %d of %d · loss %.4f · %,.0f samples/s · %s left",
                    e.epoch(), e.totalEpochs(), e.trainLoss(), e.samplesPerSecond(), formatEta(e.etaSeconds()));
        };
    }

    static String formatEta(double seconds) {
        if (!Double.isFinite(seconds)) return "–";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : s + " s";
    }
}
