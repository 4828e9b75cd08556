package io.github.latentlab.projection;

/** How a latent map lays codes out in 2-D: the code itself (2-D codes only), PCA, t-SNE or UMAP. */
public enum MapMethod {
    IDENTITY("Latent space (2-D codes)"), PCA("PCA"), TSNE("t-SNE"), UMAP("UMAP");

    private final String label;

    MapMethod(String label) { this.label = label; }

    /** Fast enough to redo whenever the model changes (the slow ones wait to be asked). */
    public boolean fast() { return this == PCA || this == IDENTITY; }

    @Override public String toString() { return label; }
}
