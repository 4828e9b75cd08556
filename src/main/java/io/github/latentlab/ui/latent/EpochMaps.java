package io.github.latentlab.ui.latent;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.SharedModel;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.LatentMaps;
import io.github.latentlab.projection.MapRequest;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineImages;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * Maps of a timeline's stored epochs: the codes the timeline kept of its 1,000 images, laid out
 * by the map's method and aligned onto the epoch shown before (Procrustes; t-SNE also starts from
 * that layout), so points move from epoch to epoch instead of jumping. A map decodes only with
 * the model kept at exactly its epoch. Its {@link #tween} frames carry the eye from one layout to
 * the next. Used from one thread at a time (a background task, then the next).
 */
final class EpochMaps {
    /** Frames of the move from one epoch's layout to the next. */
    static final int TWEEN_FRAMES = 8;

    private TimelineImages imagesOf;
    private Dataset images;
    private final Map<Integer, Autoencoder> models = new HashMap<>();
    private Embedding previous;
    private String previousMethod;

    /**
     * Epoch {@code epoch}'s map; {@code frames} gets t-SNE's intermediate layouts. Aligned onto the
     * last map made here when that was of the same images and method.
     */
    LatentMap map(Timeline t, int epoch, MapRequest request, Projector given, Progress progress, Cancellation cancel,
                  Consumer<LatentMap> frames) {
        if (imagesOf != t.images()) { // another timeline: nothing to align to, no models to reuse
            imagesOf = t.images();
            images = t.images().asDataset();
            models.clear();
            previous = null;
        }
        String method = request.method().name();
        Embedding alignTo = method.equals(previousMethod) ? previous : null;
        LatentMap map = LatentMaps.fromCodes(request, given, t.codes(epoch), images, modelAt(t, epoch), alignTo,
                progress, cancel, frames);
        previous = map.embedding();
        previousMethod = method;
        return map;
    }

    /** The model kept at exactly {@code epoch}, built once; null when none is kept there. */
    private Autoencoder modelAt(Timeline t, int epoch) {
        if (!t.modelEpochs().contains(epoch)) return null;
        return models.computeIfAbsent(epoch, e -> SharedModel.of(t.modelAt(e)));
    }

    /**
     * The frames of a move from {@code from}'s layout to {@code to}'s (the last is {@code to}
     * itself), or only {@code to} when they are not of the same points.
     */
    static LatentMap[] tween(LatentMap from, LatentMap to) {
        double[][] a = from == null ? null : from.embedding().xy();
        double[][] b = to.embedding().xy();
        if (a == null || a.length != b.length || from.data() != to.data()) return new LatentMap[] {to};
        LatentMap[] out = new LatentMap[TWEEN_FRAMES];
        for (int f = 1; f < TWEEN_FRAMES; f++) {
            double s = smooth(f / (double) TWEEN_FRAMES);
            double[][] xy = new double[b.length][];
            for (int i = 0; i < b.length; i++) xy[i] = new double[] {a[i][0] + s * (b[i][0] - a[i][0]), a[i][1] + s * (b[i][1] - a[i][1])};
            Embedding e = to.embedding();
            out[f - 1] = new LatentMap(new Embedding(e.method(), xy, e.fitted(), e.note(), e.xAxis(), e.yAxis()),
                    to.labels(), to.classNames(), to.model(), to.inverse(), to.codes(), to.data(), to.source());
        }
        out[TWEEN_FRAMES - 1] = to;
        return out;
    }

    /** Ease in and out: the points start and stop gently. */
    private static double smooth(double s) {
        return s * s * (3 - 2 * s);
    }
}
