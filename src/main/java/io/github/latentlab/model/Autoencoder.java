package io.github.latentlab.model;

/**
 * A trained (or training) autoencoder seen from outside: images in, codes out, codes in,
 * images out. Images are rows of {@code inputSize()} floats in [0, 1]; codes are rows of
 * {@code latentSize()} floats. Implementations are not thread-safe: the training service owns
 * the model while it trains and hands out snapshots ({@link #copy()}) for views to use.
 */
public interface Autoencoder {
    ModelSpec spec();

    int inputSize();

    default int latentSize() { return spec().latent(); }

    float[][] encode(float[][] images);

    /** Decodes any latent vectors, including ones that no image maps to. */
    float[][] decode(float[][] codes);

    float[][] reconstruct(float[][] images);

    /** An independent copy with the same parameters, safe to use on another thread. */
    Autoencoder copy();
}
