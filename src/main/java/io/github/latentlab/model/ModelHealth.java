package io.github.latentlab.model;

import java.util.Optional;

import io.github.latentlab.util.Message;

/**
 * The last check before a loaded model is handed out: the network really has the metadata's
 * shape (its code has the latent size, its output the input size) and one batch of images
 * encodes and decodes to finite values, so damaged parameters are found at loading, not later
 * in a pane.
 */
final class ModelHealth {
    private static final int PROBES = 4;

    private ModelHealth() { }

    /** The problem, if any, in words for the user. */
    static Optional<Message> check(Autoencoder model, ModelSpec spec, int inputSize) {
        float[][] images = new float[PROBES][inputSize];
        for (int i = 0; i < PROBES; i++) {
            for (int p = 0; p < inputSize; p++) images[i][p] = ((p * (i + 3)) % 11) / 10f;
        }
        float[][] codes;
        float[][] out;
        try {
            codes = model.encode(images);
            out = model.decode(codes);
        } catch (RuntimeException e) {
            return Optional.of(Message.of("model.error.health.fails", ModelFileLimits.reason(e)));
        }
        if (codes.length != PROBES || codes[0].length != spec.latent()) {
            return Optional.of(Message.of("model.error.health.codes", codes.length == 0 ? 0 : codes[0].length, spec.latent()));
        }
        if (out.length != PROBES || out[0].length != inputSize) {
            return Optional.of(Message.of("model.error.health.images", out.length == 0 ? 0 : out[0].length, inputSize));
        }
        if (!finite(codes) || !finite(out)) {
            return Optional.of(Message.of("model.error.health.nan"));
        }
        return Optional.empty();
    }

    private static boolean finite(float[][] rows) {
        for (float[] row : rows) {
            for (float v : row) if (!Float.isFinite(v)) return false;
        }
        return true;
    }
}
