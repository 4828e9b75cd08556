package io.github.latentlab.projection;

import java.util.function.Consumer;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/** Places latent codes in 2-D. Implementations are deterministic for their seed. */
public interface Projector {
    /**
     * @param codes    one row per image, all of the same length
     * @param partial  receives intermediate layouts of iterative methods (may be ignored)
     */
    Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial);

    default Embedding fit(float[][] codes) {
        return fit(codes, Progress.NONE, new Cancellation(), e -> { });
    }
}
