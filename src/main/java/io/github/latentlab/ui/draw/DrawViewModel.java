package io.github.latentlab.ui.draw;

import java.nio.file.Path;
import java.util.Arrays;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.ImageFolderDataset;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.CodeIndex;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.fx.LatestOnly;
import io.github.latentlab.ui.fx.ShownGate;
import io.github.latentlab.util.Cancellation;

/**
 * State of the drawing pane: a 28×28 image the user paints (or drops in from a file), its
 * reconstruction by the current model, updated while drawing, and the training images whose
 * codes are nearest to the drawing's code.
 */
public final class DrawViewModel {
    public static final int SIDE = Dataset.SIDE;
    public static final int NEIGHBOURS = 8;

    /**
     * What the model makes of the drawing; null reconstruction before a model exists. {@code onMap}
     * is where the drawing's code lands on the latent map (null without a map of this data), and
     * {@code offData} how far that code is from the map's codes, in typical gaps between them.
     */
    public record Result(float[] drawing, float[] reconstruction, double psnr, int[] neighbours,
                         float[][] neighbourImages, String[] neighbourClasses, double[] onMap, double offData) { }

    private final AppState app;
    private final float[] pixels = new float[SIDE * SIDE];
    private final DoubleProperty brush = new SimpleDoubleProperty(1.4);
    private final ReadOnlyObjectWrapper<float[]> drawing = new ReadOnlyObjectWrapper<>(pixels.clone());
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty message = new SimpleStringProperty(Texts.get("draw.hint"));
    private final LatestOnly<Result> worker;
    /** Codes of the training set under the model they were computed with. */
    private volatile CodeIndex index;
    private volatile Autoencoder indexedModel;
    private volatile long indexBuilt;
    static final long INDEX_MAX_AGE_NANOS = 10_000_000_000L;
    /** Only a visible pane follows the model while it trains; a hidden one catches up when shown. */
    private final ShownGate gate;

    private final LatentMapSource latent;

    /** @param latent whose map the drawing is placed on */
    public DrawViewModel(AppState app, LatentMapSource latent) {
        this.app = app;
        this.latent = latent;
        gate = new ShownGate(() -> {
            latent.ensureMap();
            update();
        });
        latent.mapProperty().addListener((o, a, m) -> gate.run(this::update));
        worker = new LatestOnly<>(app.background(), r -> {
            result.set(r);
            if (r.reconstruction() != null) {
                message.set(Texts.format("draw.reconstructed", Metrics.formatPsnr(r.psnr())));
            }
        }, e -> message.set(Texts.format("draw.failed", Texts.problem(e))));
        app.timeline().shownModelProperty().addListener((o, a, b) -> gate.run(() -> {
            latent.ensureMap(); // the drawing is placed on a map of this model
            update();
        }));
    }

    public BooleanProperty activeProperty() { return gate.shownProperty(); }

    /** Brush radius in image pixels. */
    public DoubleProperty brushProperty() { return brush; }
    /** A copy of the current drawing, renewed on every change. */
    public ReadOnlyObjectProperty<float[]> drawingProperty() { return drawing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    public StringProperty messageProperty() { return message; }
    /** Whether there is a model to show drawings to. */
    public BooleanBinding hasModelProperty() { return app.timeline().shownModelProperty().isNotNull(); }

    /** Paints a soft round dab centred at image coordinates (x, y). */
    public void paint(double x, double y) {
        double r = brush.get();
        int x0 = (int) Math.floor(x - r - 1), x1 = (int) Math.ceil(x + r + 1);
        int y0 = (int) Math.floor(y - r - 1), y1 = (int) Math.ceil(y + r + 1);
        for (int py = Math.max(0, y0); py <= Math.min(SIDE - 1, y1); py++) {
            for (int px = Math.max(0, x0); px <= Math.min(SIDE - 1, x1); px++) {
                double d = Math.hypot(px + 0.5 - x, py + 0.5 - y);
                float v = (float) Math.max(0, Math.min(1, r + 0.5 - d)); // 1 inside, soft 1-px edge
                int i = py * SIDE + px;
                if (v > pixels[i]) pixels[i] = v;
            }
        }
        changed();
    }

    public void clear() {
        Arrays.fill(pixels, 0);
        changed();
    }

    /** Replaces the drawing with an image (28×28, values in [0, 1]). */
    public void setImage(float[] image) {
        if (image.length != pixels.length) throw new IllegalArgumentException("expected " + pixels.length + " pixels");
        System.arraycopy(image, 0, pixels, 0, pixels.length);
        changed();
    }

    /** Loads an image file off the UI thread and puts it on the canvas. */
    public void load(Path file) {
        app.background().run(() -> ImageFolderDataset.readAsInput(file), image -> {
            setImage(image);
            message.set(Texts.format("draw.loaded", file.getFileName()));
        }, e -> message.set(Texts.format("draw.loadFailed", file.getFileName(), Texts.problem(e))));
    }

    private void changed() {
        drawing.set(pixels.clone());
        update();
    }

    private void update() {
        worker.request(() -> {
            float[] image = pixels.clone();
            Autoencoder model = app.timeline().shownModel();
            DatasetSplit data = app.data();
            LatentMap map = latent.mapProperty().get();
            return () -> compute(image, model, data, map);
        });
    }

    private Result compute(float[] image, Autoencoder model, DatasetSplit data,
                           LatentMap map) {
        boolean blank = true;
        for (float v : image) if (v != 0) { blank = false; break; }
        if (blank || model == null || model.inputSize() != image.length) {
            return new Result(image, null, Double.NaN, new int[0], new float[0][], new String[0], null, Double.NaN);
        }
        double[] onMap = null;
        double offData = Double.NaN;
        if (map != null && map.model().inputSize() == image.length) {
            float[] mapCode; // encoded by the map's own model, so the point and the map agree
            mapCode = map.model().encode(new float[][] {image})[0];
            onMap = map.place(mapCode);
            offData = map.offData(mapCode);
        }
        float[] recon;
        float[] code;
        recon = model.reconstruct(new float[][] {image})[0];
        code = model.encode(new float[][] {image})[0];
        int[] near = new int[0];
        float[][] nearImages = new float[0][];
        String[] nearClasses = new String[0];
        if (data != null) {
            CodeIndex idx = index;
            // encoding the training set takes about a second: while a model trains, reuse an
            // index up to INDEX_MAX_AGE old rather than rebuilding it on every new model copy
            boolean fresh = idx != null && idx.data() == data.train()
                    && (indexedModel == model || System.nanoTime() - indexBuilt < INDEX_MAX_AGE_NANOS);
            if (!fresh) {
                idx = CodeIndex.build(model, data.train(), new Cancellation()); // locks the model per batch
                index = idx;
                indexedModel = model;
                indexBuilt = System.nanoTime();
            }
            near = idx.nearest(code, NEIGHBOURS);
            nearImages = data.train().images(near);
            nearClasses = new String[near.length];
            for (int i = 0; i < near.length; i++) {
                nearClasses[i] = Texts.className(data.train().classNames().get(data.train().label(near[i])));
            }
        }
        return new Result(image, recon, Metrics.psnr(image, recon), near, nearImages, nearClasses, onMap, offData);
    }
}
