package io.github.latentlab.projection;

/**
 * Codes placed in 2-D: {@code xy[i]} is the position of row i. Every row is placed; {@code fitted}
 * says how many rows the method itself laid out (the rest were placed next to their nearest
 * fitted neighbours in latent space, e.g. t-SNE's non-landmarks or points UMAP dropped).
 */
public record Embedding(String method, double[][] xy, int fitted, String note) { }
