package io.github.latentlab.projection;

import java.util.function.Consumer;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

/**
 * A layout computed before (a session carries its map), given back as it was: t-SNE and UMAP
 * depend on the native build's floating point, so recomputing them on another machine may give
 * another picture than the one the class saw. Refuses codes of another count.
 */
public final class FixedLayout implements Projector {
    private final String method;
    private final double[][] xy;

    /** {@code method} as {@link Embedding#method()} names it ("tsne", "umap", …). */
    public FixedLayout(String method, double[][] xy) {
        this.method = method;
        this.xy = xy;
    }

    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        if (codes.length != xy.length) throw new Problems.BadArgument(Message.of("map.restored.mismatch", xy.length, codes.length));
        double[][] copy = new double[xy.length][];
        for (int i = 0; i < xy.length; i++) copy[i] = xy[i].clone();
        return new Embedding(method, copy, copy.length, Message.of("map.note.restored", copy.length));
    }
}
