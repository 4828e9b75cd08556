package io.github.latentlab.ui.training;

import java.util.Arrays;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.RunSettings;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * The settings of the next run as the Train tab edits them: data, model kind and sizes, loss,
 * optimiser, noise and seed. Gives the {@link ModelSpec} and {@link TrainingConfig} they make, and
 * takes a loaded model's settings.
 */
public final class TrainingForm {
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
    private final DoubleProperty ssimWeight = new SimpleDoubleProperty(ModelSpec.DEFAULT_SSIM_WEIGHT);
    private final DoubleProperty noiseLevel = new SimpleDoubleProperty(0.4);
    /** For a conv autoencoder: train it as a denoising one (a DAE always is). */
    private final BooleanProperty denoise = new SimpleBooleanProperty(false);
    private final ObjectProperty<NoiseKind> noiseKind = new SimpleObjectProperty<>(NoiseKind.GAUSSIAN);

    TrainingForm(String defaultDatasetId) {
        datasetId.set(defaultDatasetId);
        // channel counts for a conv model, layer widths for the others
        kind.addListener((o, was, is) -> {
            if (is == ModelKind.CONV && !was.convolutional()) hidden.set("16, 32");
            else if (was == ModelKind.CONV && is != ModelKind.CONV) hidden.set("256");
            if (!loss.get().suits(is)) loss.set(LossKind.MSE); // a VAE takes MSE or BCE only
        });
    }

    public StringProperty datasetIdProperty() { return datasetId; }
    public ObjectProperty<ModelKind> kindProperty() { return kind; }
    /** Layer widths ("256" or "512, 128"), or a conv model's channels ("16, 32"). */
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
    /** The weight λ of the SSIM term in the MSE + SSIM loss. */
    public DoubleProperty ssimWeightProperty() { return ssimWeight; }
    /** The denoising noise's level: σ for Gaussian, a fraction of pixels for the others. */
    public DoubleProperty noiseLevelProperty() { return noiseLevel; }
    public ObjectProperty<NoiseKind> noiseKindProperty() { return noiseKind; }
    public BooleanProperty denoiseProperty() { return denoise; }

    /** The spec from the current settings; IllegalArgumentException names a bad value. */
    public ModelSpec spec() {
        boolean noisy = kind.get().trainsOnNoise() || (kind.get().acceptsNoise() && denoise.get());
        return new ModelSpec(kind.get(), parseHidden(hidden.get()), latent.get(), loss.get(),
                learningRate.get(), noisy ? noiseLevel.get() : 0, noiseKind.get(), beta.get(), ssimWeight.get());
    }

    /** The spec with epochs, batch and seed; IllegalArgumentException names a bad value. */
    public TrainingConfig config() {
        return new TrainingConfig(spec(), epochs.get(), batch.get(), seed.get());
    }

    /** What the Runs tab takes from this form for the runs it starts: data, epochs, batch, seed, rate. */
    public RunSettings settings() {
        return new RunSettings(datasetId.get(), epochs.get(), batch.get(), seed.get(), learningRate.get());
    }

    static List<Integer> parseHidden(String text) {
        if (text == null || text.isBlank()) return List.of();
        try {
            return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new Problems.BadArgument(Message.of("train.hidden.notNumbers", text));
        }
    }

    /** Takes a saved model's settings, so that training again starts from what made it. */
    void fill(ModelMetadata m) {
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
        ssimWeight.set(s.ssimWeight());
        if (m.seed() >= 0 && m.seed() <= Integer.MAX_VALUE) seed.set((int) m.seed());
        datasetId.set(m.datasetId());
    }
}
