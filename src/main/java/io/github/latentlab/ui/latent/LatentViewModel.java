package io.github.latentlab.ui.latent;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.IdentityProjector;
import io.github.latentlab.projection.InverseMap;
import io.github.latentlab.projection.PcaProjector;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.projection.TsneProjector;
import io.github.latentlab.projection.UmapProjector;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.fx.LatestOnly;
import io.github.latentlab.util.Cancellation;

/**
 * State of the latent pane: test images encoded by the current model and laid out in 2-D by the
 * chosen method (off the UI thread, cancellable, a preview first for t-SNE), and the image
 * decoded at the point the user drags on the map, with how far that point is from real data.
 */
public final class LatentViewModel {
    public enum Method {
        IDENTITY("Latent space (2-D codes)"), PCA("PCA"), TSNE("t-SNE"), UMAP("UMAP");
        private final String label;
        Method(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    /** Beyond this many typical gaps from the nearest real code, a decode is "off the data". */
    public static final double OFF_DATA = 2.0;

    /** A map ready to draw and to decode from. */
    public record Map(Embedding embedding, int[] labels, java.util.List<String> classNames, Autoencoder model,
                      InverseMap inverse, float[][] codes, Dataset data) { }

    /** The image at the dragged point. */
    public record Decoded(double x, double y, float[] image, double offData) { }

    private final AppState app;
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.PCA);
    private final IntegerProperty points = new SimpleIntegerProperty(5000);
    private final ReadOnlyObjectWrapper<Map> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("Train or open a model, then press Show map.");
    private final LatestOnly<Decoded> decoder;
    private Cancellation running;
    public static final int STRIP = 10;
    private final ReadOnlyObjectWrapper<float[][]> interpolation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[][]> samples = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.BooleanProperty spherical = new javafx.beans.property.SimpleBooleanProperty(false);
    private final java.util.List<Integer> picks = new java.util.ArrayList<>();
    private long sampleSeed = 1;

    public LatentViewModel(AppState app) {
        this.app = app;
        decoder = new LatestOnly<>(app.background(), decoded::set, e -> status.set("Could not decode: " + e.getMessage()));
        // a new method replaces the map shown or the one being computed
        method.addListener((o, a, b) -> { if (map.get() != null || running != null) compute(); });
    }

    public ObjectProperty<Method> methodProperty() { return method; }
    public IntegerProperty pointsProperty() { return points; }
    public ReadOnlyObjectProperty<Map> mapProperty() { return map.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Decoded> decodedProperty() { return decoded.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    /** Decoded steps from the first to the second picked image (null until two are picked). */
    public ReadOnlyObjectProperty<float[][]> interpolationProperty() { return interpolation.getReadOnlyProperty(); }
    /** Decoded random codes (null until asked for). */
    public ReadOnlyObjectProperty<float[][]> samplesProperty() { return samples.getReadOnlyProperty(); }
    public javafx.beans.property.BooleanProperty sphericalProperty() { return spherical; }

    /**
     * Picks the image whose map point is nearest to (x, y); the last two picks are the ends of
     * the interpolation strip.
     */
    public void pick(double x, double y) {
        Map current = map.get();
        if (current == null) return;
        double[][] xy = current.embedding().xy();
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            double d = (xy[i][0] - x) * (xy[i][0] - x) + (xy[i][1] - y) * (xy[i][1] - y);
            if (d < bestD) { bestD = d; best = i; }
        }
        picks.add(best);
        if (picks.size() > 2) picks.remove(0);
        if (picks.size() == 2) interpolate();
        else status.set("Picked image " + best + " (" + current.classNames().get(current.labels()[best])
                + "); pick another to see the way between them.");
    }

    /** Recomputes the strip between the last two picks. */
    public void interpolate() {
        Map current = map.get();
        if (current == null || picks.size() < 2) return;
        float[] a = current.codes()[picks.get(0)], b = current.codes()[picks.get(1)];
        boolean sph = spherical.get();
        String from = current.classNames().get(current.labels()[picks.get(0)]);
        String to = current.classNames().get(current.labels()[picks.get(1)]);
        app.background().run(() -> {
            float[][] steps = io.github.latentlab.projection.LatentMath.interpolate(a, b, STRIP, sph);
            synchronized (current.model()) {
                return current.model().decode(steps);
            }
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
        Map current = map.get();
        if (current == null) return;
        long seed = sampleSeed++;
        app.background().run(() -> {
            float[][] z = io.github.latentlab.projection.LatentMath.sampleFitted(current.codes(), STRIP, seed);
            synchronized (current.model()) {
                return current.model().decode(z);
            }
        }, samples::set);
    }

    /** Encodes and projects; a computation already running is cancelled first. */
    public void compute() {
        if (running != null) running.cancel();
        DatasetSplit data = app.data();
        Autoencoder model = app.viewModel();
        if (data == null || model == null || model.inputSize() != data.test().pixelCount()) {
            status.set("No model for this data yet: train or open one first.");
            return;
        }
        Method m = method.get();
        if (m == Method.IDENTITY && model.latentSize() != 2) {
            status.set("The latent space itself can only be drawn for a 2-D code; this one has "
                    + model.latentSize() + " dimensions. Choose PCA, t-SNE or UMAP.");
            return;
        }
        Cancellation cancel = new Cancellation();
        running = cancel;
        Dataset test = data.test();
        int n = Math.min(points.get(), test.size());
        status.set("Encoding " + n + " test images…");
        app.background().run(() -> {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            float[][] codes;
            synchronized (model) {
                codes = model.encode(test.images(idx));
            }
            int[] labels = java.util.Arrays.copyOf(test.labels(), n);
            double[][] codesD = new double[n][];
            for (int i = 0; i < n; i++) {
                codesD[i] = new double[codes[i].length];
                for (int j = 0; j < codes[i].length; j++) codesD[i][j] = codes[i][j];
            }
            PcaProjector pca = m == Method.PCA ? new PcaProjector(0, 1) : null;
            Projector projector = switch (m) {
                case IDENTITY -> new IdentityProjector();
                case PCA -> pca;
                case TSNE -> new TsneProjector(30, 1000, 2000, 42);
                case UMAP -> new UmapProjector(15, 42);
            };
            Embedding e = projector.fit(codes,
                    io.github.latentlab.util.Progress.throttled((f, msg) -> app.uiThread().execute(() -> {
                        if (!cancel.isCancelled()) status.set(msg);
                    }), 100),
                    cancel,
                    partial -> app.uiThread().execute(() -> {
                        if (!cancel.isCancelled()) {
                            map.set(new Map(partial, labels, test.classNames(), model,
                                    new InverseMap(codesD, partial, pca), codes, test));
                        }
                    }));
            return new Map(e, labels, test.classNames(), model, new InverseMap(codesD, e, pca), codes, test);
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
    public java.util.concurrent.CompletableFuture<java.util.List<java.nio.file.Path>> exportTo(java.nio.file.Path folder) {
        Map current = map.get();
        if (current == null) {
            status.set("Nothing to export yet: show a map first.");
            return java.util.concurrent.CompletableFuture.completedFuture(java.util.List.of());
        }
        return app.background().run(() -> io.github.latentlab.projection.EmbeddingExport.write(folder, current.codes(),
                current.data(), current.embedding().xy()), files -> status.set("Exported " + files.size()
                + " files to " + folder + " (load vectors.tsv and metadata.tsv in the Embedding Projector)"),
                e -> status.set("Could not export: " + e.getMessage()));
    }

    /** Decodes the code at map point (x, y), off the UI thread, newest request first. */
    public void decodeAt(double x, double y) {
        Map current = map.get();
        if (current == null) return;
        decoder.request(() -> () -> {
            InverseMap.Result r = current.inverse().at(x, y);
            float[] z = new float[r.code().length];
            for (int j = 0; j < z.length; j++) z[j] = (float) r.code()[j];
            float[] image;
            synchronized (current.model()) {
                image = current.model().decode(new float[][] {z})[0];
            }
            return new Decoded(x, y, image, r.offData());
        });
    }
}
