package io.github.latentlab.projection;

import java.util.function.Consumer;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/** A 2-D code is its own map: the exact latent space, no projection. */
public final class IdentityProjector implements Projector {
    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        if (codes.length > 0 && codes[0].length != 2) {
            throw new IllegalArgumentException("the identity map needs a 2-D code, this one has " + codes[0].length);
        }
        return new Embedding("identity", Knn.toDouble(codes), codes.length, Message.of("map.note.identity"));
    }
}
