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
        return build(request, null, data, model, progress, cancel, frames);
    }

    /** As above, laid out by {@code projector} instead of the request's own (null: the request's). */
    public static LatentMap build(MapRequest request, Projector projector, DatasetSplit data, Autoencoder model,
                                  Progress progress, Cancellation cancel, Consumer<LatentMap> frames) {
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
        return layOut(request, projector, codes, images, model, null, progress, cancel, frames);
    }

    /**
     * The map {@code request} asks for, of codes already made (the training timeline stores each
     * epoch's codes of a fixed set of images): row i of {@code codes} is image i of {@code images}.
     * {@code model} may be null when no model is kept for those codes: the map then draws but
     * does not decode ({@link LatentMap#decodes()}). With {@code alignTo} (e.g. the previous
     * epoch's layout) of as many points, every frame is aligned onto it ({@link Procrustes}) and
     * t-SNE starts from its layout, so points move from the one map to the next instead of
     * jumping; otherwise, or with null, the map is laid out on its own. Only the request's method
     * and its settings matter here, not the images it names.
     */
    public static LatentMap fromCodes(MapRequest request, float[][] codes, Dataset images, Autoencoder model,
                                      Embedding alignTo, Progress progress, Cancellation cancel,
                                      Consumer<LatentMap> frames) {
        return fromCodes(request, null, codes, images, model, alignTo, progress, cancel, frames);
    }

    /** As above, laid out by {@code projector} instead of the request's own (null: the request's). */
    public static LatentMap fromCodes(MapRequest request, Projector projector, float[][] codes, Dataset images,
                                      Autoencoder model, Embedding alignTo, Progress progress, Cancellation cancel,
                                      Consumer<LatentMap> frames) {
        int latent = codes.length == 0 ? 0 : codes[0].length;
        Message problem = request.problem(latent);
        if (problem != null) throw new Problems.BadArgument(problem);
        if (images.size() < codes.length) {
            throw new IllegalArgumentException(codes.length + " codes of only " + images.size() + " images");
        }
        if (model != null && model.latentSize() != latent) {
            throw new IllegalArgumentException(latent + "-D codes for a model of " + model.latentSize() + "-D codes");
        }
        Embedding reference = alignTo != null && alignTo.xy().length == codes.length ? alignTo : null;
        return layOut(request, projector, codes, images, model, reference, progress, cancel, frames);
    }

    /** The one way codes become a map, whether just encoded or stored. */
    private static LatentMap layOut(MapRequest request, Projector given, float[][] codes, Dataset images,
                                    Autoencoder model, Embedding alignOnto, Progress progress, Cancellation cancel,
                                    Consumer<LatentMap> frames) {
        // a layout given back is shown as it was
        Embedding alignTo = given instanceof FixedLayout ? null : alignOnto;
        int n = codes.length;
        int[] labels = Arrays.copyOf(images.labels(), n);
        double[][] codesD = new double[n][];
        for (int i = 0; i < n; i++) codesD[i] = LatentMath.toDouble(codes[i]);
        Projector projector = given != null ? given : request.projector();
        if (alignTo != null && projector instanceof TsneProjector tsne) projector = tsne.seededFrom(alignTo.xy());
        PcaProjector pca = projector instanceof PcaProjector p ? p : null;
        InverseMap[] inverse = {null}; // measured once, reused for each frame of an animating layout
        Function<Embedding, LatentMap> mapOf = fitted -> {
            Embedding layout = Procrustes.align(fitted, alignTo);
            // PCA's exact inverse speaks the projector's own coordinates: a mirrored PCA layout
            // falls back to the nearest codes, as t-SNE's does
            PcaProjector exact = layout == fitted ? pca : null;
            inverse[0] = inverse[0] == null ? new InverseMap(codesD, layout, exact) : inverse[0].withLayout(layout, exact);
            return new LatentMap(layout, labels, images.classNames(), model, inverse[0], codes, images, request.images());
        };
        Embedding layout = projector.fit(codes, progress, cancel, partial -> frames.accept(mapOf.apply(partial)));
        return mapOf.apply(layout);
    }
}
