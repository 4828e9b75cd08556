package io.github.latentlab.projection;

import io.github.latentlab.data.DatasetSplit;

import io.github.latentlab.util.Message;
import io.github.latentlab.model.Autoencoder;

/**
 * What latent map to make: the method and its settings, and which images (up to {@code points}).
 *
 * @param pcaFirst    the first principal component shown, from 0
 * @param pcaSecond   the second one
 * @param perplexity  t-SNE's perplexity (5–50 typical); {@code iterations} its iterations
 * @param neighbours  UMAP's neighbour count
 * @param seed        fixes t-SNE and UMAP layouts
 */
public record MapRequest(MapMethod method, MapImages images, int points, int pcaFirst, int pcaSecond,
                         double perplexity, int iterations, int neighbours, long seed) {
    /** The same request showing principal components {@code first} and {@code second} (from 0). */
    public MapRequest withComponents(int first, int second) {
        return new MapRequest(method, images, points, first, second, perplexity, iterations, neighbours, seed);
    }

    /** Why this request cannot be drawn for {@code model}, in words for the user; null when it can. */
    public Message problem(Autoencoder model) {
        return problem(model.latentSize());
    }

    /** Why this request cannot be drawn for codes of {@code latentSize} dimensions (stored codes, no model); null when it can. */
    public Message problem(int latentSize) {
        if (method == MapMethod.IDENTITY && latentSize != 2) {
            return Message.of("map.problem.notTwoD", latentSize);
        }
        if (method == MapMethod.PCA && (pcaFirst == pcaSecond || Math.min(pcaFirst, pcaSecond) < 0
                || Math.max(pcaFirst, pcaSecond) >= latentSize)) {
            return Message.of("map.problem.components", latentSize);
        }
        return null;
    }


    /** How many images the map of {@code data} holds. */
    public int count(DatasetSplit data) {
        return Math.min(points, images.size(data));
    }

    /** The projector this request asks for. */
    Projector projector() {
        return switch (method) {
            case IDENTITY -> new IdentityProjector();
            case PCA -> new PcaProjector(pcaFirst, pcaSecond);
            case TSNE -> new TsneProjector(perplexity, iterations, seed);
            case UMAP -> new UmapProjector(neighbours, seed);
        };
    }
}
