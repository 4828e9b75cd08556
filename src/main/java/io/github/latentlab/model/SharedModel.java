package io.github.latentlab.model;

import java.util.Optional;

/**
 * The one way views share a model across threads. DL4J and SameDiff models are not thread-safe,
 * so a model is used by one thread at a time: the training thread owns the model it trains;
 * every other use goes through a {@code SharedModel}, whose every call holds the model's lock.
 * The app publishes only shared handles ({@code AppState.publishViewModel}), so panes, maps and
 * background jobs call the model freely and no call site locks by hand. A private copy used by a
 * single thread (the command line, a comparison's own copy) needs no handle.
 */
public final class SharedModel implements Autoencoder {
    private final Autoencoder model;

    private SharedModel(Autoencoder model) {
        this.model = model;
    }

    /** A handle on {@code model}, or {@code model} itself if it already is one. */
    public static SharedModel of(Autoencoder model) {
        return model instanceof SharedModel shared ? shared : new SharedModel(model);
    }

    @Override public ModelSpec spec() { return model.spec(); }
    @Override public int inputSize() { return model.inputSize(); }

    @Override public synchronized float[][] encode(float[][] images) { return model.encode(images); }
    @Override public synchronized float[][] decode(float[][] codes) { return model.decode(codes); }
    @Override public synchronized float[][] reconstruct(float[][] images) { return model.reconstruct(images); }

    /** An independent copy (not shared: the caller owns it). */
    @Override public synchronized Autoencoder copy() { return model.copy(); }

    /** A VAE's posterior σ per image, or empty for models without one. */
    public synchronized Optional<float[][]> encodeSigma(float[][] images) {
        return model instanceof VariationalAutoencoder vae ? Optional.of(vae.encodeSigma(images)) : Optional.empty();
    }
}
