package io.github.latentlab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder the trainer can train: one optimiser step per batch, a health check, copies for
 * views. Implemented by {@link DenseAutoencoder} (DL4J layers) and {@link VariationalAutoencoder}
 * (SameDiff graph).
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

    @Override
    TrainableAutoencoder copy();

    /** A new, randomly initialised model of the spec's kind. */
    static TrainableAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        return spec.kind() == ModelKind.VAE
                ? VariationalAutoencoder.create(spec, inputSize, seed)
                : DenseAutoencoder.create(spec, inputSize, seed);
    }
}
