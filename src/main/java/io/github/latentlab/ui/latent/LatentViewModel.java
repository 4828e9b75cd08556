package io.github.latentlab.ui.latent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import smile.stat.distribution.ChiSquareDistribution;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.projection.CodeIndex;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.EmbeddingExport;
import io.github.latentlab.projection.IdentityProjector;
import io.github.latentlab.projection.InverseMap;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.LatentMath;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.PcaProjector;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.projection.TsneProjector;
import io.github.latentlab.projection.UmapProjector;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.fx.LatestOnly;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * State of the latent pane: test images encoded by the current model and laid out in 2-D by the
 * chosen method (off the UI thread, cancellable, a preview first for t-SNE), and the image
 * decoded at the point the user drags on the map, with how far that point is from real data.
 */
public final class LatentViewModel implements LatentMapSource {
    public enum Method {
        IDENTITY("Latent space (2-D codes)"), PCA("PCA"), TSNE("t-SNE"), UMAP("UMAP");
        private final String label;
        Method(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    /** Beyond this many typical gaps from the nearest real code, a decode is "off the data". */
    public static final double OFF_DATA = LatentMap.OFF_DATA;

    /**
     * The image at the dragged point; {@code offData} in typical gaps between codes, and for a
     * VAE {@code priorTail}: the chance that a code drawn from its prior N(0, I) lies at least
     * this far from the centre (χ² tail of |z|²; NaN for other models).
     */
    public record Decoded(double x, double y, float[] image, double offData, double priorTail) { }

    /** A VAE decode whose prior tail is below this is "off the prior". */
    public static final double OFF_PRIOR = 0.01;

    private final AppState app;
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.PCA);
    private final IntegerProperty points = new SimpleIntegerProperty(5000);
    private final ObjectProperty<MapImages> source = new SimpleObjectProperty<>(MapImages.TEST);
    private final DoubleProperty perplexity = new SimpleDoubleProperty(30);
    private final IntegerProperty iterations = new SimpleIntegerProperty(1000);
    private final IntegerProperty neighboursK = new SimpleIntegerProperty(15);
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final IntegerProperty pcaFirst = new SimpleIntegerProperty(1);
    private final IntegerProperty pcaSecond = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<LatentMap> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("Train or open a model, then press Show map.");
    private final LatestOnly<Decoded> decoder;
    private Cancellation running;
    public static final int STRIP = 10;
    private final ReadOnlyObjectWrapper<float[][]> interpolation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[][]> samples = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty spherical = new SimpleBooleanProperty(false);
    private final List<Integer> picks = new ArrayList<>();
    private long sampleSeed = 1;
    /** Dimensions the traversal offers sliders for. */
    public static final int MAX_TRAVERSE = 16;
    public static final int HISTOGRAM_BINS = 24;
    public static final int NEIGHBOURS = 8;
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<float[]> traversalCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> traversalImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Neighbours> neighbours = new ReadOnlyObjectWrapper<>();
    private LatestOnly<float[]> traversalDecoder;

    /** The k nearest test images of the selected one, by latent code and by raw pixels. */
    public record Neighbours(int selected, int[] byCode, int[] byPixels, float[][] codeImages, float[][] pixelImages) { }

    private final BooleanProperty active = new SimpleBooleanProperty(false);

    /**
     * Shown or not: when the pane is shown and the model has changed since its map was made, a
     * fast map (PCA, or the latent space itself for a 2-D code) is redrawn at once; a slow one
     * (t-SNE, UMAP) waits for Show map, and the status says the map is out of date.
     */
    public BooleanProperty activeProperty() { return active; }

    private void refreshIfStale() {
        if (active.get()) ensureMap();
    }

    /**
     * Makes sure a map of the current model exists for other panes that draw on it (noise trails,
     * the drawing): a fast one is (re)computed when missing or stale; a slow stale one is kept and
     * the status says so. Does nothing while training (the model changes every second).
     */
    public void ensureMap() {
        Autoencoder model = app.viewModel();
        LatentMap current = map.get();
        if (model == null || app.training().isRunning() || running != null) return;
        if (current != null && current.model() == model) return;
        if (current == null && method.get() == Method.PCA && model.latentSize() == 2) method.set(Method.IDENTITY);
        if (method.get() == Method.PCA || method.get() == Method.IDENTITY) compute();
        else status.set("The model has changed since this map was made: press Show map to redo it.");
    }

    public LatentViewModel(AppState app) {
        this.app = app;
        active.addListener((o, was, is) -> refreshIfStale());
        app.viewModelProperty().addListener((o, a, b) -> refreshIfStale());
        decoder = new LatestOnly<>(app.background(), decoded::set, e -> status.set("Could not decode: " + e.getMessage()));
        traversalDecoder = new LatestOnly<>(app.background(), traversalImage::set,
                e -> status.set("Could not decode: " + e.getMessage()));
        // a new method replaces the map shown or the one being computed
        method.addListener((o, a, b) -> { if (map.get() != null || running != null) compute(); });
        source.addListener((o, a, b) -> { if (map.get() != null || running != null) compute(); });
    }

    public ObjectProperty<Method> methodProperty() { return method; }
    AppState app() { return app; }
    public IntegerProperty pointsProperty() { return points; }
    /** Test, training or all images (up to {@link #pointsProperty()} of them). */
    public ObjectProperty<MapImages> sourceProperty() { return source; }
    /** t-SNE's perplexity (5–50 typical) and iterations; the seed fixes t-SNE and UMAP layouts. */
    public DoubleProperty perplexityProperty() { return perplexity; }
    public IntegerProperty iterationsProperty() { return iterations; }
    /** UMAP's neighbour count. */
    public IntegerProperty neighboursKProperty() { return neighboursK; }
    public IntegerProperty seedProperty() { return seed; }
    /** The principal components shown, numbered from 1. */
    public IntegerProperty pcaFirstProperty() { return pcaFirst; }
    public IntegerProperty pcaSecondProperty() { return pcaSecond; }
    public ReadOnlyObjectProperty<LatentMap> mapProperty() { return map.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Decoded> decodedProperty() { return decoded.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    /** Decoded steps from the first to the second picked image (null until two are picked). */
    public ReadOnlyObjectProperty<float[][]> interpolationProperty() { return interpolation.getReadOnlyProperty(); }
    /** Decoded random codes (null until asked for). */
    public ReadOnlyObjectProperty<float[][]> samplesProperty() { return samples.getReadOnlyProperty(); }
    public BooleanProperty sphericalProperty() { return spherical; }

    /**
     * Picks the image whose map point is nearest to (x, y); the last two picks are the ends of
     * the interpolation strip.
     */
    public void pick(double x, double y) {
        LatentMap current = map.get();
        if (current == null) return;
        double[][] xy = current.embedding().xy();
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            double d = (xy[i][0] - x) * (xy[i][0] - x) + (xy[i][1] - y) * (xy[i][1] - y);
            if (d < bestD) { bestD = d; best = i; }
        }
        select(best);
        picks.add(best);
        if (picks.size() > 2) picks.remove(0);
        if (picks.size() == 2) interpolate();
        else status.set("Picked image " + best + " (" + current.classNames().get(current.labels()[best])
                + "); pick another to see the way between them.");
    }

    public ReadOnlyIntegerProperty selectedProperty() { return selected; }
    /** The code the traversal sliders edit (a copy of the selected image's code). */
    public ReadOnlyObjectProperty<float[]> traversalCodeProperty() { return traversalCode.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> traversalImageProperty() { return traversalImage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Neighbours> neighboursProperty() { return neighbours.getReadOnlyProperty(); }

    /** Makes test image {@code row} (of the map) the selected one: traversal starts from its code. */
    public void select(int row) {
        LatentMap current = map.get();
        if (current == null) return;
        selected.set(row);
        traversalCode.set(current.codes()[row].clone());
        decodeTraversal();
        findNeighbours(current, row);
    }

    /** Sets dimension {@code dim} of the traversal code and decodes it. */
    public void traverse(int dim, double value) {
        float[] code = traversalCode.get();
        if (code == null || dim >= code.length) return;
        float[] next = code.clone();
        next[dim] = (float) value;
        traversalCode.set(next);
        decodeTraversal();
    }

    private void decodeTraversal() {
        LatentMap current = map.get();
        float[] code = traversalCode.get();
        if (current == null || code == null) return;
        traversalDecoder.request(() -> () -> {
            return current.model().decode(new float[][] {code})[0];
        });
    }

    private void findNeighbours(LatentMap current, int row) {
        app.background().run(() -> {
            Dataset d = current.data();
            int n = current.codes().length;
            float[] q = current.codes()[row];
            int p = d.pixelCount();
            float[] px = d.pixels();
            double[] byCode = new double[n], byPixels = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < q.length; j++) { double t = current.codes()[i][j] - q[j]; s += t * t; }
                byCode[i] = i == row ? Double.POSITIVE_INFINITY : s;
                double t2 = 0;
                for (int j = 0; j < p; j++) { double t = px[i * p + j] - px[row * p + j]; t2 += t * t; }
                byPixels[i] = i == row ? Double.POSITIVE_INFINITY : t2;
            }
            int[] c = smallest(byCode, NEIGHBOURS), pix = smallest(byPixels, NEIGHBOURS);
            return new Neighbours(row, c, pix, d.images(c), d.images(pix));
        }, neighbours::set);
    }

    private static int[] smallest(double[] values, int k) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Per-dimension histograms of the shown codes ({@link #HISTOGRAM_BINS} bins between each
     * dimension's min and max): a dimension stuck at one value has collapsed.
     * Returns [dimension][bin] counts; ranges via {@link #ranges()}.
     */
    public int[][] histograms() {
        LatentMap current = map.get();
        if (current == null) return new int[0][];
        double[][] r = ranges();
        int d = r.length;
        int[][] h = new int[d][HISTOGRAM_BINS];
        for (float[] c : current.codes()) {
            for (int j = 0; j < d; j++) {
                double span = r[j][1] - r[j][0];
                int b = span <= 0 ? 0 : (int) Math.min(HISTOGRAM_BINS - 1, (c[j] - r[j][0]) / span * HISTOGRAM_BINS);
                h[j][b]++;
            }
        }
        return h;
    }

    /** [dimension] → {min, max} of the shown codes. */
    public double[][] ranges() {
        LatentMap current = map.get();
        if (current == null) return new double[0][];
        int d = current.codes()[0].length;
        double[][] r = new double[d][];
        for (int j = 0; j < d; j++) r[j] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (float[] c : current.codes()) {
            for (int j = 0; j < d; j++) {
                r[j][0] = Math.min(r[j][0], c[j]);
                r[j][1] = Math.max(r[j][1], c[j]);
            }
        }
        return r;
    }

    /** A decoded grid over a 2-D latent space: images row-major, top row at the highest z2. */
    public record Manifold(float[][] images, int res, double x0, double x1, double y0, double y1) { }

    private final ReadOnlyObjectWrapper<Manifold> manifold = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<Manifold> manifoldProperty() { return manifold.getReadOnlyProperty(); }

    /**
     * Decodes a {@code res}×{@code res} grid over the codes' range widened by {@code spread}
     * (1 = exactly the data's extent); only for a 2-D latent shown as itself.
     */
    public void computeManifold(int res, double spread) {
        LatentMap current = map.get();
        if (current == null || !"identity".equals(current.embedding().method())) {
            manifold.set(null);
            return;
        }
        double[][] r = ranges();
        double cx = (r[0][0] + r[0][1]) / 2, cy = (r[1][0] + r[1][1]) / 2;
        double hx = (r[0][1] - r[0][0]) / 2 * spread, hy = (r[1][1] - r[1][0]) / 2 * spread;
        app.background().run(() -> {
            float[][] z = new float[res * res][];
            for (int row = 0; row < res; row++) {
                for (int col = 0; col < res; col++) {
                    double x = cx - hx + (col + 0.5) * 2 * hx / res, y = cy + hy - (row + 0.5) * 2 * hy / res;
                    z[row * res + col] = new float[] {(float) x, (float) y};
                }
            }
            return new Manifold(current.model().decode(z), res, cx - hx, cx + hx, cy - hy, cy + hy);
        }, manifold::set);
    }

    /** Recomputes the strip between the last two picks. */
    public void interpolate() {
        LatentMap current = map.get();
        if (current == null || picks.size() < 2) return;
        float[] a = current.codes()[picks.get(0)], b = current.codes()[picks.get(1)];
        boolean sph = spherical.get();
        String from = current.classNames().get(current.labels()[picks.get(0)]);
        String to = current.classNames().get(current.labels()[picks.get(1)]);
        app.background().run(() -> {
            float[][] steps = LatentMath.interpolate(a, b, STRIP, sph);
            return current.model().decode(steps);
        }, images -> {
            interpolation.set(images);
            status.set((sph ? "Spherical" : "Linear") + " interpolation from a " + from + " to a " + to + ".");
        });
    }

    /**
     * Decodes random codes drawn from a Gaussian fitted to the shown codes: mostly unreadable
     * for a plain autoencoder, whose codes do not fill a simple distribution.
     */
    public void sample() {
        LatentMap current = map.get();
        if (current == null) return;
        long seed = sampleSeed++;
        app.background().run(() -> {
            // a VAE's prior is N(0, I); a plain autoencoder has none, so fit a Gaussian to its codes
            float[][] z = current.model().spec().kind() == ModelKind.VAE
                    ? LatentMath.sampleStandard(current.codes()[0].length, STRIP, seed)
                    : LatentMath.sampleFitted(current.codes(), STRIP, seed);
            return current.model().decode(z);
        }, samples::set);
    }

    /** Encodes and projects; a computation already running is cancelled first. */
    public CompletableFuture<?> compute() {
        if (running != null) running.cancel();
        DatasetSplit data = app.data();
        Autoencoder model = app.viewModel();
        if (data == null || model == null || model.inputSize() != data.test().pixelCount()) {
            status.set("No model for this data yet: train or open one first.");
            return CompletableFuture.completedFuture(null);
        }
        Method m = method.get();
        if (m == Method.IDENTITY && model.latentSize() != 2) {
            status.set("The latent space itself can only be drawn for a 2-D code; this one has "
                    + model.latentSize() + " dimensions. Choose PCA, t-SNE or UMAP.");
            return CompletableFuture.completedFuture(null);
        }
        int first = pcaFirst.get() - 1, second = pcaSecond.get() - 1;
        if (m == Method.PCA && (first == second || Math.max(first, second) >= model.latentSize())) {
            status.set("Choose two different components between 1 and " + model.latentSize() + ".");
            return CompletableFuture.completedFuture(null);
        }
        double perp = perplexity.get();
        int iters = iterations.get(), k = neighboursK.get();
        long s = seed.get();
        Cancellation cancel = new Cancellation();
        running = cancel;
        MapImages from = source.get();
        int total = from == MapImages.TEST ? data.test().size() : from == MapImages.TRAIN ? data.train().size()
                : data.train().size() + data.test().size();
        int n = Math.min(points.get(), total);
        status.set("Encoding " + n + " " + from.toString().toLowerCase(Locale.ROOT) + "…");
        return app.background().run(() -> {
            Dataset all = from.of(data);
            // the first n of the test set; from training images an even sample across the set
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = from == MapImages.TEST ? i : (int) ((long) i * all.size() / n);
            Dataset test = n == all.size() ? all : all.subset(all.id() + "-" + n, idx);
            float[][] codes = CodeIndex.encodeAll(model, test, cancel);
            int[] labels = Arrays.copyOf(test.labels(), n);
            double[][] codesD = new double[n][];
            for (int i = 0; i < n; i++) codesD[i] = LatentMath.toDouble(codes[i]);
            PcaProjector pca = m == Method.PCA ? new PcaProjector(first, second) : null;
            Projector projector = switch (m) {
                case IDENTITY -> new IdentityProjector();
                case PCA -> pca;
                case TSNE -> new TsneProjector(perp, iters, 2000, s);
                case UMAP -> new UmapProjector(k, s);
            };
            InverseMap[] inverse = {null}; // measured once, reused for each frame of an animating layout
            Function<Embedding, InverseMap> inverseFor = layout -> inverse[0] == null
                    ? (inverse[0] = new InverseMap(codesD, layout, pca)) : inverse[0].withLayout(layout, pca);
            Embedding e = projector.fit(codes,
                    Progress.throttled((f, msg) -> app.uiThread().execute(() -> {
                        if (!cancel.isCancelled()) status.set(msg);
                    }), 100),
                    cancel,
                    partial -> {
                        // built here, on the projecting thread: the UI thread only swaps the map in
                        LatentMap frame = new LatentMap(partial, labels, test.classNames(), model, inverseFor.apply(partial), codes, test, from);
                        app.uiThread().execute(() -> {
                            if (!cancel.isCancelled()) map.set(frame);
                        });
                    });
            return new LatentMap(e, labels, test.classNames(), model, inverseFor.apply(e), codes, test, from);
        }, result -> {
            if (cancel.isCancelled()) return;
            running = null;
            map.set(result);
            status.set(m + ": " + result.embedding().note() + ". Drag on the map to decode any point.");
        }, error -> {
            if (cancel.isCancelled()) return;
            running = null;
            status.set("Could not project: " + error.getMessage());
        });
    }

    /**
     * Writes the shown codes for the TensorFlow Embedding Projector (vectors.tsv, metadata.tsv)
     * and the map (coordinates.csv) into {@code folder}, off the UI thread.
     */
    public CompletableFuture<List<Path>> exportTo(Path folder) {
        LatentMap current = map.get();
        if (current == null) {
            status.set("Nothing to export yet: show a map first.");
            return CompletableFuture.completedFuture(List.of());
        }
        return app.background().run(() -> EmbeddingExport.write(folder, current.codes(),
                current.data(), current.embedding().xy()), files -> status.set("Exported " + files.size()
                + " files to " + folder + " (load vectors.tsv and metadata.tsv in the Embedding Projector)"),
                e -> status.set("Could not export: " + e.getMessage()));
    }

    /** For a VAE, P(|ε|² ≥ |z|²) with ε ~ N(0, I); NaN for models without a prior. */
    static double priorTail(Autoencoder model, double[] z) {
        if (model.spec().kind() != ModelKind.VAE) return Double.NaN; // only a VAE has a prior
        double r2 = 0;
        for (double v : z) r2 += v * v;
        return 1 - new ChiSquareDistribution(z.length).cdf(r2);
    }

    /** Decodes the code at map point (x, y), off the UI thread, newest request first. */
    public void decodeAt(double x, double y) {
        LatentMap current = map.get();
        if (current == null) return;
        decoder.request(() -> () -> {
            InverseMap.Result r = current.inverse().at(x, y);
            float[] z = new float[r.code().length];
            for (int j = 0; j < z.length; j++) z[j] = (float) r.code()[j];
            float[] image = current.model().decode(new float[][] {z})[0];
            return new Decoded(x, y, image, r.offData(), priorTail(current.model(), r.code()));
        });
    }
}
