package io.github.latentlab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder the trainer can train: one optimiser step per batch, a health check, copies for
 * views. Implemented by {@link DenseAutoencoder} (DL4J layers), {@link VariationalAutoencoder} and
 * {@link ConvAutoencoder} (SameDiff graphs).
 */
public interface TrainableAutoencoder extends Autoencoder {
    /**
     * One optimiser step on a batch (rows of pixels; target = clean images).
     *
     * @return the batch's training loss per pixel (for a VAE: reconstruction + β·KL, over pixels)
     */
    double fit(INDArray input, INDArray target);

    /** False once any parameter is NaN or infinite. */
    boolean parametersFinite();

    /** Changes Adam's learning rate from the next step on, keeping its state (e.g. after divergence). */
    void setLearningRate(double learningRate);

    /**
     * The named parts of the last step's loss, per pixel, adding up to it (a VAE: reconstruction
     * and β·KL), or null for a model whose loss has one part.
     */
    default double[] lastLossParts() { return null; }

    /**
     * Every parameter, flat, in an order fixed by the spec (no optimizer state): what a compact
     * snapshot of the model stores.
     */
    float[] parameters();

    /**
     * Sets every parameter from {@link #parameters()} of a model of the same spec and input size.
     * Throws IllegalArgumentException when the count differs, before changing anything.
     */
    void setParameters(float[] values);

    /** Called before each epoch (1-based) so stochastic models can derive their randomness from it. */
    default void beginEpoch(int epoch) { }

    @Override
    TrainableAutoencoder copy();

    /** A new, randomly initialised model of the spec's kind. */
    static TrainableAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        return switch (spec.kind()) {
            case VAE -> VariationalAutoencoder.create(spec, inputSize, seed);
            case CONV -> ConvAutoencoder.create(spec, inputSize, seed);
            case AE, DAE -> DenseAutoencoder.create(spec, inputSize, seed);
        };
    }
}
