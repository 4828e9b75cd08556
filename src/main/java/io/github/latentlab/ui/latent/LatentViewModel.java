package io.github.latentlab.ui.latent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.EmbeddingExport;
import io.github.latentlab.projection.FixedLayout;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.LatentMaps;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.MapRequest;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.TimelineState;
import io.github.latentlab.ui.fx.LatestOnly;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Progress;

/**
 * State of the latent pane: test images encoded by the current model and laid out in 2-D by the
 * chosen method (off the UI thread, cancellable, a preview first for t-SNE), and the image
 * decoded at the point the user drags on the map, with how far that point is from real data.
 */
public final class LatentViewModel implements LatentMapSource {
    /** Beyond this many typical gaps from the nearest real code, a decode is "off the data". */
    public static final double OFF_DATA = LatentMap.OFF_DATA;

    /** A VAE decode whose prior tail is below this is "off the prior". */
    public static final double OFF_PRIOR = 0.01;

    private final AppState app;
    private final ObjectProperty<MapMethod> method = new SimpleObjectProperty<>(MapMethod.PCA);
    private final IntegerProperty points = new SimpleIntegerProperty(5000);
    private final IntegerProperty availableImages = new SimpleIntegerProperty(5000);
    private final ObjectProperty<MapImages> source = new SimpleObjectProperty<>(MapImages.TEST);
    private final DoubleProperty perplexity = new SimpleDoubleProperty(30);
    private final IntegerProperty iterations = new SimpleIntegerProperty(1000);
    private final IntegerProperty neighboursK = new SimpleIntegerProperty(15);
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final IntegerProperty pcaFirst = new SimpleIntegerProperty(1);
    private final IntegerProperty pcaSecond = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<LatentMap> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LatentMap.Decoded> decoded = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty(Texts.get("latent.status.start"));
    private final LatestOnly<LatentMap.Decoded> decoder;
    private final MapJob job = new MapJob();
    private final EpochView epochs;
    public static final int STRIP = 10;
    private final ReadOnlyObjectWrapper<float[][]> interpolation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[][]> samples = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<double[][]> interpolationPath = new ReadOnlyObjectWrapper<>();
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
    private final ReadOnlyObjectWrapper<LatentMap.Neighbours> neighbours = new ReadOnlyObjectWrapper<>();
    private LatestOnly<float[]> traversalDecoder;

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
        if (app.timeline().viewingPast()) {
            if (epochs.mapEpoch() != app.timeline().viewedEpoch() && !job.busy()) epochs.show();
            return;
        }
        Autoencoder model = app.viewModel();
        LatentMap current = map.get();
        if (model == null || app.training().isRunning() || job.busy()) return;
        if (current != null && current.model() == model) return;
        if (current == null && method.get() == MapMethod.PCA && model.latentSize() == 2) method.set(MapMethod.IDENTITY);
        if (method.get().fast()) compute();
        else status.set(Texts.get("latent.status.stale"));
    }

    public LatentViewModel(AppState app) {
        this.app = app;
        active.addListener((o, was, is) -> refreshIfStale());
        app.viewModelProperty().addListener((o, a, b) -> refreshIfStale());
        decoder = new LatestOnly<>(app.background(), decoded::set,
                e -> status.set(Texts.format("latent.status.decodeFailed", Texts.problem(e))));
        traversalDecoder = new LatestOnly<>(app.background(), traversalImage::set,
                e -> status.set(Texts.format("latent.status.decodeFailed", Texts.problem(e))));
        // a new method replaces the map shown or the one being computed
        method.addListener((o, a, b) -> { if (!applying && (map.get() != null || job.busy())) compute(); });
        source.addListener((o, a, b) -> {
            if (!applying && (map.get() != null || job.busy()) && !app.timeline().viewingPast()) compute();
        });
        epochs = new EpochView(app, map, status, active, method, job, this::request, this::restoredLayout, kept -> {
            if (!kept && active.get()) compute(); // the epoch's map stays until the latest model's replaces it
            refreshIfStale();
        });
        source.addListener((o, a, b) -> countImages());
        // a decode belongs to its map: another model or layout method makes it stale
        map.addListener((o, a, b) -> {
            if (a == null || b == null || a.model() != b.model() || !a.embedding().method().equals(b.embedding().method())) {
                decoded.set(null);
            }
            interpolationPath.set(null); // its points were placed on the previous layout
        });
        app.dataProperty().addListener((o, a, b) -> countImages());
        countImages();
    }

    private void countImages() {
        DatasetSplit data = app.data();
        if (data != null) availableImages.set(source.get().size(data));
    }

    public ObjectProperty<MapMethod> methodProperty() { return method; }
    AppState app() { return app; }
    public IntegerProperty pointsProperty() { return points; }
    /** How many images the chosen source of the loaded data holds (the most a map can show). */
    public ReadOnlyIntegerProperty availableImagesProperty() { return availableImages; }
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
    public ReadOnlyObjectProperty<LatentMap.Decoded> decodedProperty() { return decoded.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    /** Decoded steps from the first to the second picked image (null until two are picked). */
    public ReadOnlyObjectProperty<float[][]> interpolationProperty() { return interpolation.getReadOnlyProperty(); }
    /** Where the interpolation's steps lie on the map, first to last (null until two are picked). */
    public ReadOnlyObjectProperty<double[][]> interpolationPathProperty() { return interpolationPath.getReadOnlyProperty(); }
    /** Decoded random codes (null until asked for). */
    public ReadOnlyObjectProperty<float[][]> samplesProperty() { return samples.getReadOnlyProperty(); }
    public BooleanProperty sphericalProperty() { return spherical; }

    /**
     * Picks the image whose map point is nearest to (x, y); the last two picks are the ends of
     * the interpolation strip.
     */
    public void pick(double x, double y) {
        LatentMap current = map.get();
        if (current != null) pickRow(current.nearest(x, y));
    }

    /** Picks test image {@code best} (a row of the map), as a press on its dot does. */
    public void pickRow(int best) {
        LatentMap current = map.get();
        if (current == null || best < 0 || best >= current.codes().length) return;
        select(best);
        picks.add(best);
        if (picks.size() > 2) picks.remove(0);
        if (picks.size() == 2) interpolate();
        else status.set(Texts.format("latent.status.picked", best, className(current, best)));
    }

    /** The class of map row {@code row}, as the window names it. */
    private static String className(LatentMap map, int row) {
        return Texts.className(map.classNames().get(map.labels()[row]));
    }

    public ReadOnlyIntegerProperty selectedProperty() { return selected; }
    /** The code the traversal sliders edit (a copy of the selected image's code). */
    public ReadOnlyObjectProperty<float[]> traversalCodeProperty() { return traversalCode.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> traversalImageProperty() { return traversalImage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LatentMap.Neighbours> neighboursProperty() { return neighbours.getReadOnlyProperty(); }

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
        traversalDecoder.request(() -> () -> current.model().decode(new float[][] {code})[0]);
    }

    private void findNeighbours(LatentMap current, int row) {
        app.background().run(() -> current.neighbours(row, NEIGHBOURS), neighbours::set);
    }

    /**
     * Per-dimension histograms of the shown codes ({@link #HISTOGRAM_BINS} bins between each
     * dimension's min and max): a dimension stuck at one value has collapsed.
     * Returns [dimension][bin] counts; ranges via {@link #ranges()}.
     */
    public int[][] histograms() {
        LatentMap current = map.get();
        return current == null ? new int[0][] : current.histograms(HISTOGRAM_BINS);
    }

    /** [dimension] → {min, max} of the shown codes. */
    public double[][] ranges() {
        LatentMap current = map.get();
        return current == null ? new double[0][] : current.ranges();
    }

    private final ReadOnlyObjectWrapper<LatentMap.Grid> manifold = new ReadOnlyObjectWrapper<>();

    /** The decoded grid under a 2-D code's map (null when not asked for). */
    public ReadOnlyObjectProperty<LatentMap.Grid> manifoldProperty() { return manifold.getReadOnlyProperty(); }

    /**
     * Decodes a {@code res}×{@code res} grid over the codes' range widened by {@code spread}
     * (1 = exactly the data's extent); only for a 2-D latent shown as itself.
     */
    public void computeManifold(int res, double spread) {
        LatentMap current = map.get();
        if (current == null || !current.showsCodeItself()) {
            manifold.set(null);
            return;
        }
        app.background().run(() -> current.grid(res, spread), manifold::set);
    }

    /** Recomputes the strip between the last two picks. */
    public void interpolate() {
        LatentMap current = map.get();
        if (current == null || picks.size() < 2) return;
        int a = picks.get(0);
        int b = picks.get(1);
        boolean sph = spherical.get();
        String from = className(current, a);
        String to = className(current, b);
        record Walk(float[][] images, double[][] path) { }
        app.background().run(() -> new Walk(current.interpolate(a, b, STRIP, sph), current.interpolationPath(a, b, STRIP, sph)),
                walk -> {
            interpolationPath.set(walk.path());
            interpolation.set(walk.images());
            status.set(Texts.format(sph ? "latent.status.walk.spherical" : "latent.status.walk.linear", from, to));
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
        app.background().run(() -> current.sample(STRIP, seed), samples::set);
    }

    /** The map being computed, for whoever waits for it. */
    private CompletableFuture<LatentMap> pending;

    /**
     * Encodes and projects; a computation already running is cancelled first. The future completes
     * once the map is shown (or the status says why there is none).
     */
    public CompletableFuture<?> compute() {
        if (app.timeline().viewingPast()) return epochs.show();
        job.cancel();
        DatasetSplit data = app.data();
        Autoencoder model = app.viewModel();
        if (data == null || model == null || model.inputSize() != data.test().pixelCount()) {
            status.set(Texts.get("latent.status.noModel"));
            return CompletableFuture.completedFuture(null);
        }
        MapRequest request = request();
        Message problem = request.problem(model);
        if (problem != null) {
            status.set(Texts.render(problem));
            return CompletableFuture.completedFuture(null);
        }
        Cancellation cancel = job.start();
        status.set(Texts.format("latent.status.encoding", request.count(data), Texts.name(request.images())));
        Progress progress = MapJob.progressTo(app.uiThread(), status, cancel);
        Consumer<LatentMap> frames = MapJob.framesTo(app.uiThread(), map, cancel);
        CompletableFuture<LatentMap> shown = new CompletableFuture<>();
        if (pending != null) pending.cancel(false); // a newer map replaces that one: nobody waits for it
        pending = shown;
        Projector given = restoredLayout(TimelineState.LATEST, request);
        app.background().run(() -> LatentMaps.build(request, given, data, model, progress, cancel, frames), result -> {
            if (cancel.isCancelled()) return;
            job.done(cancel);
            map.set(result);
            status.set(Texts.format("latent.status.shown", Texts.name(request.method()), result.embedding().note()));
            shown.complete(result);
        }, error -> {
            if (cancel.isCancelled()) return;
            job.done(cancel);
            status.set(Texts.format("latent.status.failed", Texts.problem(error)));
            shown.completeExceptionally(error);
        });
        return shown;
    }

    // ---- sessions: the settings, the picks and a layout given back ----

    private boolean applying;
    private double[][] restoring;
    private int restoringEpoch;

    /** The map the settings ask for now. */
    public MapRequest mapRequest() { return request(); }

    /** Sets every map setting from {@code r} at once, without drawing (the caller draws next). */
    public void applySettings(MapRequest r) {
        applying = true;
        try {
            method.set(r.method());
            source.set(r.images());
            points.set(r.points());
            pcaFirst.set(r.pcaFirst() + 1);
            pcaSecond.set(r.pcaSecond() + 1);
            perplexity.set(r.perplexity());
            iterations.set(r.iterations());
            neighboursK.set(r.neighbours());
            seed.set((int) r.seed());
        } finally {
            applying = false;
        }
    }

    /** The images picked on the map, oldest first (the ends of the walk). */
    public List<Integer> picks() { return List.copyOf(picks); }

    /**
     * Draws the map with a layout computed before ({@code epoch}: the timeline epoch it shows, or
     * {@link TimelineState#LATEST}) instead of laying the codes out again; the future completes
     * once it is shown. A layout that does not fit (another count of images) is laid out afresh.
     */
    public CompletableFuture<?> restoreLayout(double[][] xy, int epoch) {
        restoring = xy;
        restoringEpoch = epoch;
        return compute();
    }

    /** The layout to give back for this map, once; only t-SNE's and UMAP's (PCA and a 2-D code come out the same anyway). */
    private Projector restoredLayout(int epoch, MapRequest request) {
        double[][] xy = restoring;
        restoring = null;
        boolean slow = request.method() == MapMethod.TSNE || request.method() == MapMethod.UMAP;
        if (xy == null || restoringEpoch != epoch || !slow) return null;
        return new FixedLayout(request.method() == MapMethod.TSNE ? "tsne" : "umap", xy);
    }

    /** The map the settings ask for. */
    private MapRequest request() {
        return new MapRequest(method.get(), source.get(), points.get(), pcaFirst.get() - 1, pcaSecond.get() - 1,
                perplexity.get(), iterations.get(), neighboursK.get(), seed.get());
    }

    /**
     * Writes the shown codes for the TensorFlow Embedding Projector (vectors.tsv, metadata.tsv)
     * and the map (coordinates.csv) into {@code folder}, off the UI thread.
     */
    public CompletableFuture<List<Path>> exportTo(Path folder) {
        LatentMap current = map.get();
        if (current == null) {
            status.set(Texts.get("latent.status.nothingToExport"));
            return CompletableFuture.completedFuture(List.of());
        }
        return app.background().run(() -> EmbeddingExport.write(folder, current.codes(),
                current.data(), current.embedding().xy()),
                files -> status.set(Texts.format("latent.status.exported", files.size(), folder)),
                e -> status.set(Texts.format("latent.status.exportFailed", Texts.problem(e))));
    }

    /** Decodes the code at map point (x, y), off the UI thread, newest request first. */
    public void decodeAt(double x, double y) {
        LatentMap current = map.get();
        if (current == null) return;
        if (!current.decodes()) { // a past epoch without its model
            status.set(Texts.format("latent.status.noDecoder", epochs.mapEpoch()));
            return;
        }
        decoder.request(() -> () -> current.decodeAt(x, y));
    }

    /** The epoch the map shows ({@link TimelineState#LATEST} for the latest model). */
    public int mapEpoch() { return epochs.mapEpoch(); }

    /** Completes once the map of the epoch now shown is drawn (at once when the map is not on screen). */
    public CompletableFuture<?> epochDrawn() { return epochs.drawn(); }

    private AnomalyViewModel anomalies;

    /** The test images this map's model finds most unusual, ringed on the map (the Anomalies tab; lessons). */
    public AnomalyViewModel anomalies() {
        if (anomalies == null) anomalies = new AnomalyViewModel(app, mapProperty(), points, this::select);
        return anomalies;
    }
}
