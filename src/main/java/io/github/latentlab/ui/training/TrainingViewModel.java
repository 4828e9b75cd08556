package io.github.latentlab.ui.training;

import java.util.Arrays;
import java.util.List;
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

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.EpochRecord;
import io.github.latentlab.training.LossPoint;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingEvent;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.fx.EventPump;
import io.github.latentlab.util.Cancellation;

/**
 * State and commands of the training pane: the settings a user edits, the run's state and
 * progress, and the loss curves. The view binds to these properties and calls
 * {@link #start()}, {@link #pause()}, {@link #resume()}, {@link #stop()}.
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
    private final ObjectProperty<io.github.latentlab.data.noise.NoiseKind> noiseKind =
            new SimpleObjectProperty<>(io.github.latentlab.data.noise.NoiseKind.GAUSSIAN);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("Ready");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<LossPoint> trainCurve = FXCollections.observableArrayList();
    private final ObservableList<EpochRecord> testCurve = FXCollections.observableArrayList();

    private double smoothed = Double.NaN;
    private int thinning = 1;
    private long pointsSeen;
    private long lastViewRefresh;
    private Cancellation loading;

    public TrainingViewModel(AppState app, Consumer<Throwable> errors) {
        this.app = app;
        this.errors = errors;
        datasetId.set(app.catalog().defaultId());
    }

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
    public ObjectProperty<io.github.latentlab.data.noise.NoiseKind> noiseKindProperty() { return noiseKind; }
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
        return new ModelSpec(kind.get(), parseHidden(hidden.get()), latent.get(), loss.get(),
                learningRate.get(), kind.get().trainsOnNoise() ? noiseLevel.get() : 0, noiseKind.get(), beta.get());
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
        message.set("");
        state.set(State.LOADING);
        String id = datasetId.get();
        DatasetSplit current = app.data();
        if (current != null && current.id().equals(id)) {
            launch(current, config);
            return;
        }
        progressText.set("Loading " + id + "…");
        Cancellation cancel = new Cancellation();
        loading = cancel;
        app.background().run(() -> app.catalog().load(id, null,
                        io.github.latentlab.util.Progress.throttled((f, msg) -> app.uiThread().execute(() -> {
                            if (f >= 0) progress.set(f);
                            progressText.set(msg);
                        }), 100), cancel),
                data -> {
                    loading = null;
                    app.dataProperty().set(data);
                    if (state.get() == State.LOADING) launch(data, config);
                },
                error -> {
                    loading = null;
                    state.set(State.IDLE);
                    progressText.set("Ready");
                    message.set("Could not load " + id + ": " + error.getMessage());
                    errors.accept(error);
                });
    }

    private void launch(DatasetSplit data, TrainingConfig config) {
        progressText.set("Building model…");
        app.background().run(() -> TrainableAutoencoder.create(config.spec(), data.train().pixelCount(), config.seed()),
                model -> {
                    if (state.get() != State.LOADING) return; // stopped while building
                    TrainingHistory history = new TrainingHistory();
                    app.setModel(model, history, config);
                    resetCurves();
                    state.set(State.RUNNING);
                    progress.set(0);
                    progressText.set("Starting…");
                    EventPump<TrainingEvent> pump = new EventPump<>(app.uiThread(), this::apply);
                    app.training().start(model, data, config, history, pump);
                },
                error -> {
                    state.set(State.IDLE);
                    message.set("Could not build the model: " + error.getMessage());
                    errors.accept(error);
                });
    }

    /** Shows a loaded model: its settings in the form, its loss history in the chart. */
    public void adopt(io.github.latentlab.model.SavedModel saved) {
        io.github.latentlab.model.ModelMetadata m = saved.metadata();
        ModelSpec s = m.spec();
        kind.set(s.kind());
        hidden.set(String.join(", ", s.hidden().stream().map(String::valueOf).toList()));
        latent.set(s.latent());
        loss.set(s.loss());
        learningRate.set(s.learningRate());
        if (s.kind().trainsOnNoise()) {
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
        resetCurves();
        apply(List.of(new TrainingEvent(TrainingEvent.Type.PROGRESS, history.lastIteration(), m.epochsDone(),
                m.epochsDone(), 1, Double.NaN, 0, Double.NaN, m.points(), null, null)));
        testCurve.setAll(m.epochs());
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

    private void resetCurves() {
        trainCurve.clear();
        testCurve.clear();
        smoothed = Double.NaN;
        thinning = 1;
        pointsSeen = 0;
    }

    /** Applies a batch of training events on the UI thread. */
    void apply(List<TrainingEvent> events) {
        List<LossPoint> added = new java.util.ArrayList<>();
        TrainingEvent last = null;
        for (TrainingEvent e : events) {
            for (LossPoint p : e.newPoints()) {
                smoothed = Double.isNaN(smoothed) ? p.loss() : SMOOTHING * smoothed + (1 - SMOOTHING) * p.loss();
                if (pointsSeen++ % thinning == 0) added.add(new LossPoint(p.iteration(), p.epochPosition(), smoothed));
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

    private void thin() {
        List<LossPoint> kept = new java.util.ArrayList<>(trainCurve.size() / 2 + 1);
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
