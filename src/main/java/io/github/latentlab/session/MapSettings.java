package io.github.latentlab.session;

import java.util.Arrays;
import java.util.List;

import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.MapRequest;

/**
 * The latent map's settings, as a {@link MapRequest} holds them (principal components from 0, as
 * the request counts them; the Latent tab shows them from 1). In a file the method is written as
 * the {@code projection} command names it (latent, pca, tsne, umap) and the images as test, train or all.
 */
public record MapSettings(MapMethod method, MapImages source, int points, int pcaFirst, int pcaSecond,
                          double perplexity, int iterations, int neighbours, long seed) {
    /** Every image of the largest dataset the app reads (Fashion-MNIST's 60,000 + 10,000). */
    public static final int MAX_POINTS = 70_000;
    /** The Latent tab's own starting settings. */
    public static final MapSettings DEFAULT = new MapSettings(MapMethod.PCA, MapImages.TEST, 5000, 0, 1, 30, 1000, 15, 42);

    public MapSettings {
        if (method == null) throw Checks.refused("session.error.oneOf", "method", "", String.join(", ", methodIds()));
        if (source == null) throw Checks.refused("session.error.oneOf", "source", "", String.join(", ", sourceIds()));
        Checks.range("points", points, 1, MAX_POINTS);
        Checks.range("pcaFirst", pcaFirst, 0, 63);
        Checks.range("pcaSecond", pcaSecond, 0, 63);
        Checks.range("perplexity", perplexity, 2, 100);
        Checks.range("iterations", iterations, 50, 100_000);
        Checks.range("neighbours", neighbours, 2, 200);
    }

    public static MapSettings of(MapRequest r) {
        return new MapSettings(r.method(), r.images(), r.points(), r.pcaFirst(), r.pcaSecond(), r.perplexity(),
                r.iterations(), r.neighbours(), r.seed());
    }

    public MapRequest request() {
        return new MapRequest(method, source, points, pcaFirst, pcaSecond, perplexity, iterations, neighbours, seed);
    }

    /** The method's word, as the {@code projection} command takes it. */
    public static String id(MapMethod method) {
        return switch (method) {
            case IDENTITY -> "latent";
            case PCA -> "pca";
            case TSNE -> "tsne";
            case UMAP -> "umap";
        };
    }

    public static String id(MapImages source) {
        return switch (source) {
            case TEST -> "test";
            case TRAIN -> "train";
            case ALL -> "all";
        };
    }

    static MapMethod method(String id) {
        Checks.oneOf("method", id, methodIds());
        return Arrays.stream(MapMethod.values()).filter(m -> id(m).equals(id)).findFirst().orElseThrow();
    }

    static MapImages source(String id) {
        Checks.oneOf("source", id, sourceIds());
        return Arrays.stream(MapImages.values()).filter(s -> id(s).equals(id)).findFirst().orElseThrow();
    }

    private static List<String> methodIds() {
        return Arrays.stream(MapMethod.values()).map(MapSettings::id).toList();
    }

    private static List<String> sourceIds() {
        return Arrays.stream(MapImages.values()).map(MapSettings::id).toList();
    }
}
