package io.github.latentlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.fx.SameThreadTaskRunner;

/**
 * The app state for a pane's view-model test without a window: background work runs on the
 * test's thread and so does "the UI thread", so every command has finished when it returns.
 */
public final class PaneTestApp implements AutoCloseable {
    public static final DatasetSplit DATA = TestData.digits(300, 120);

    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    public final AppState app = new AppState(new DatasetCatalog(), new TrainingService(),
            new SameThreadTaskRunner(errors::add), Runnable::run);

    public PaneTestApp() {
        app.dataProperty().set(DATA);
    }

    /** An untrained model of {@code kind} with a {@code latent}-dimensional code (enough to exercise every path). */
    public static TrainableAutoencoder model(ModelKind kind, int latent) {
        ModelSpec spec = new ModelSpec(kind, List.of(32), latent, LossKind.MSE, 1e-3, kind.trainsOnNoise() ? 0.3 : 0);
        return TrainableAutoencoder.create(spec, 784, 5);
    }

    /** Makes {@code model} the app's current model, as opening a model file does. */
    public void show(TrainableAutoencoder model) {
        app.setModel(model, new TrainingHistory(), new TrainingConfig(model.spec(), 1, 64, 5));
    }

    /** Publishes a view model whose every computation fails, as a model with broken natives would. */
    public void showBroken(Autoencoder shape) {
        app.publishViewModel(new BrokenModel(shape));
    }

    @Override
    public void close() { app.close(); }

    /** A model of the given shape whose encoder and decoder fail. */
    private record BrokenModel(Autoencoder shape) implements Autoencoder {
        @Override public ModelSpec spec() { return shape.spec(); }

        @Override public int inputSize() { return shape.inputSize(); }

        @Override public float[][] encode(float[][] images) { throw broken(); }

        @Override public float[][] decode(float[][] codes) { throw broken(); }

        @Override public float[][] reconstruct(float[][] images) { throw broken(); }

        @Override public Autoencoder copy() { return this; }

        private static IllegalStateException broken() { return new IllegalStateException("the model's natives failed"); }
    }
}
