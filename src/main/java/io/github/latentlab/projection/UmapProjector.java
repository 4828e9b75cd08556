package io.github.latentlab.projection;

import java.util.function.Consumer;

import org.bytedeco.arpackng.global.arpack;
import org.bytedeco.javacpp.Loader;
import smile.manifold.UMAP;
import smile.math.MathEx;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * UMAP by Smile. Smile lays out only the largest connected component of the neighbour graph and
 * says which rows in {@code index}; the rows it drops are placed by their 5 nearest laid-out
 * codes, so every point still appears. Tuning: neighbours 5–50 (15 default), larger keeps more
 * global structure.
 */
public final class UmapProjector implements Projector {
    /** Null when UMAP can run here, else why not (probed once: loading arpack's natives). */
    private static final String UNAVAILABLE = unavailableReason(() -> Loader.load(arpack.class), Loader.getPlatform());

    private final int neighbours;
    private final long seed;

    public UmapProjector(int neighbours, long seed) {
        if (neighbours < 2 || neighbours > 200) throw new IllegalArgumentException("neighbours " + neighbours + " outside 2..200");
        this.neighbours = neighbours;
        this.seed = seed;
    }

    /**
     * Smile's UMAP needs arpack-ng's native library, which has no build for some platforms
     * (macosx-arm64 at arpack-ng 3.8.0-1.5.7): there UMAP is unavailable and says so, while
     * the rest of the app works.
     */
    public static boolean available() { return UNAVAILABLE == null; }

    static String unavailableReason(Runnable loadNatives, String platform) {
        try {
            loadNatives.run();
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "UMAP is not available on this platform (" + platform + "): the arpack-ng native library it "
                    + "needs has no build for it. Use t-SNE or PCA instead.";
        }
    }

    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        if (UNAVAILABLE != null) throw new UnsupportedOperationException(UNAVAILABLE);
        double[][] x = Knn.toDouble(codes);
        progress.update(-1, Message.of("progress.umap.graph"));
        UMAP umap;
        synchronized (MathEx.class) {
            MathEx.setSeed(seed);
            umap = UMAP.of(x, Math.min(neighbours, x.length - 1));
        }
        cancel.check();
        double[][] xy = new double[x.length][];
        boolean[] placed = new boolean[x.length];
        for (int i = 0; i < umap.index.length; i++) {
            xy[umap.index[i]] = umap.coordinates[i].clone();
            placed[umap.index[i]] = true;
        }
        int fitted = umap.index.length;
        if (fitted < x.length) Knn.placeRest(x, xy, placed, 5);
        progress.update(1, Message.of("progress.umap.done"));
        return new Embedding("umap", xy, fitted, fitted == x.length ? Message.of("map.note.umapAll", x.length)
                : Message.of("map.note.umapPart", fitted, x.length - fitted));
    }
}
