package io.github.latentlab.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.model.SharedModel;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Checkpoints;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.fx.TaskRunner;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * What the panes share: the loaded data, the model being trained with its history and config,
 * and the latest copy of that model for views to read ({@link #viewModelProperty()}), updated
 * during training. Properties are changed on the FX thread only.
 */
public final class AppState implements AutoCloseable {
    private final DatasetCatalog catalog;
    private final TrainingService training;
    private final TaskRunner background;
    private final Executor uiThread;
    private final ObjectProperty<DatasetSplit> data = new SimpleObjectProperty<>();
    private final ObjectProperty<Autoencoder> viewModel = new SimpleObjectProperty<>();
    private final ObjectProperty<NativeRuntime.Info> runtime = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final RunManager runs;
    private final TimelineState timeline;
    /** The loaded data, for the run manager's thread (the property is the UI thread's). */
    private volatile DatasetSplit loadedData;
    private TrainableAutoencoder model;
    private TrainingHistory history = new TrainingHistory();
    private TrainingConfig config;

    public AppState(DatasetCatalog catalog, TrainingService training, TaskRunner background, Executor uiThread) {
        this(catalog, training, background, uiThread, Checkpoints.defaultRoot());
    }

    /** With new runs going to {@code runsRoot}. */
    public AppState(DatasetCatalog catalog, TrainingService training, TaskRunner background, Executor uiThread,
                    Path runsRoot) {
        this.catalog = catalog;
        this.training = training;
        this.background = background;
        this.uiThread = uiThread;
        this.runs = new RunManager(runsRoot, this::dataFor, training);
        this.timeline = new TimelineState(this);
        data.addListener((o, was, is) -> loadedData = is);
    }

    /** The loaded data when a run asks for it (its own test split), else the catalog's. */
    private DatasetSplit dataFor(String id, String testId, Progress progress, Cancellation cancel) throws Exception {
        DatasetSplit loaded = loadedData;
        if (loaded != null && testId == null && loaded.id().equals(id)) return loaded;
        return catalog.load(id, testId, progress, cancel);
    }

    /** The runs: the queue, the one training, the folders of this session's and earlier ones. */
    public RunManager runs() { return runs; }

    public DatasetCatalog catalog() { return catalog; }
    public TrainingService training() { return training; }
    /** Where view models run their background work: the app's pool, or the calling thread in tests. */
    public TaskRunner background() { return background; }
    public Executor uiThread() { return uiThread; }

    public ObjectProperty<DatasetSplit> dataProperty() { return data; }
    public DatasetSplit data() { return data.get(); }

    /** A copy of the current model that views may use freely; null before any model exists. */
    public ReadOnlyObjectProperty<Autoencoder> viewModelProperty() { return viewModel; }
    public Autoencoder viewModel() { return viewModel.get(); }
    /** Publishes a model copy for the views, as a {@link SharedModel} (the rule for model threads: docs/design.md). */
    public void publishViewModel(Autoencoder copy) { viewModel.set(copy == null ? null : SharedModel.of(copy)); }

    /** The current model's timeline and the epoch the panes show. */
    public TimelineState timeline() { return timeline; }

    public ObjectProperty<NativeRuntime.Info> runtimeProperty() { return runtime; }
    public StringProperty statusProperty() { return status; }

    /** The trainable model (owned by the training service while it runs). */
    public TrainableAutoencoder model() { return model; }
    public TrainingHistory history() { return history; }
    public TrainingConfig config() { return config; }

    /** Makes {@code m} the current model, with its history and config, and shows a copy of it. */
    public void setModel(TrainableAutoencoder m, TrainingHistory h, TrainingConfig c) {
        setModel(m, m == null ? null : m.copy(), h, c);
    }

    /**
     * As above, with a copy of {@code m} made before the training thread took it. The model comes
     * without a timeline: whoever has one for it sets it next ({@link #timeline()}).
     */
    public void setModel(TrainableAutoencoder m, Autoencoder viewCopy, TrainingHistory h, TrainingConfig c) {
        this.model = m;
        this.history = h;
        this.config = c;
        timeline.timelineProperty().set(null);
        viewModel.set(viewCopy == null ? null : SharedModel.of(viewCopy));
    }

    /**
     * A copy of the current model: made by the training thread between two batches while it
     * trains, else at once. Fails when there is no model.
     */
    public CompletableFuture<TrainableAutoencoder> modelCopy() {
        if (training.isRunning()) return training.snapshot();
        TrainableAutoencoder m = model;
        return m == null
                ? CompletableFuture.failedFuture(new IllegalStateException("there is no model yet"))
                : CompletableFuture.completedFuture(m.copy());
    }

    @Override
    public void close() {
        runs.close();
        training.close();
        background.close();
    }
}
