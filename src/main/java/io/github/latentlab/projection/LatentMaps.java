package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

/** Makes latent maps: encodes the images a request names, lays their codes out, measures the inverse map. */
public final class LatentMaps {
    private LatentMaps() { }

    /**
     * The map {@code request} asks for, of {@code data} under {@code model}. A layout that animates
     * (t-SNE) hands each intermediate frame to {@code frames}, on this thread. Cancellable
     * between steps; {@code model} must be safe to use from this thread (a view copy).
     */
    public static LatentMap build(MapRequest request, DatasetSplit data, Autoencoder model, Progress progress,
                                  Cancellation cancel, Consumer<LatentMap> frames) {
        Message problem = request.problem(model);
        if (problem != null) throw new Problems.BadArgument(problem);
        MapImages from = request.images();
        Dataset all = from.of(data);
        int n = request.count(data);
        // the first n of the test set; from training images an even sample across the set
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = from == MapImages.TEST ? i : (int) ((long) i * all.size() / n);
        Dataset images = n == all.size() ? all : all.subset(all.id() + "-" + n, idx);
        float[][] codes = CodeIndex.encodeAll(model, images, cancel);
        int[] labels = Arrays.copyOf(images.labels(), n);
        double[][] codesD = new double[n][];
        for (int i = 0; i < n; i++) codesD[i] = LatentMath.toDouble(codes[i]);
        Projector projector = request.projector();
        PcaProjector pca = projector instanceof PcaProjector p ? p : null;
        InverseMap[] inverse = {null}; // measured once, reused for each frame of an animating layout
        Function<Embedding, InverseMap> inverseFor = layout -> inverse[0] == null
                ? (inverse[0] = new InverseMap(codesD, layout, pca)) : inverse[0].withLayout(layout, pca);
        Function<Embedding, LatentMap> mapOf = layout -> new LatentMap(layout, labels, images.classNames(), model,
                inverseFor.apply(layout), codes, images, from);
        Embedding layout = projector.fit(codes, progress, cancel, partial -> frames.accept(mapOf.apply(partial)));
        return mapOf.apply(layout);
    }
}
