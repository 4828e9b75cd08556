package io.github.latentlab.projection;

import java.util.Locale;

import io.github.latentlab.util.Message;

/**
 * Codes placed in 2-D: {@code xy[i]} is the position of row i. Every row is placed; {@code fitted}
 * says how many rows the method itself laid out (the rest were placed next to their nearest
 * fitted neighbours in latent space, e.g. t-SNE's non-landmarks or points UMAP dropped).
 * {@code note} says how the layout was made; {@code xAxis} and {@code yAxis} name the axes for a reader
 * ("z₁", "PC1 · 34% of variance"): messages, shown in the window's language.
 */
public record Embedding(String method, double[][] xy, int fitted, Message note, Message xAxis, Message yAxis) {
    /** With the axes named after the method ("t-SNE 1", "UMAP 2"; a code's own axes z₁, z₂). */
    public Embedding(String method, double[][] xy, int fitted, Message note) {
        this(method, xy, fitted, note, axis(method, 1), axis(method, 2));
    }

    private static Message axis(String method, int n) {
        return switch (method) {
            case "identity" -> Message.of("plain.text", n == 1 ? "z₁" : "z₂");
            case "tsne" -> Message.of("map.axis.tsne", n);
            case "umap" -> Message.of("map.axis.umap", n);
            default -> Message.of("plain.text", method.toUpperCase(Locale.ROOT) + " " + n);
        };
    }

    /** Whether distances on this map mean distances between codes (not so for t-SNE and UMAP). */
    public boolean distancesMeaningful() {
        return method.equals("identity") || method.equals("pca");
    }
}
