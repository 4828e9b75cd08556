package io.github.latentlab.ui.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.DenoisedRows;
import io.github.latentlab.model.DenoisingCurve;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.NoiseTrail;
import io.github.latentlab.training.Run;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.fx.LatestOnly;
import io.github.latentlab.ui.fx.ShownGate;

/**
 * State of the noise pane: a noise kind and level, {@link #COUNT} test images shown clean, noisy
 * and as the current model reconstructs the noisy ones, with PSNR and SSIM of both against the
 * clean image; and the PSNR-against-level curve over a sample of the test set. The noise is
 * seeded, so the same slider position always shows the same noise. Work runs off the UI thread,
 * newest request first, so dragging the slider stays fluid.
 */
public final class NoiseViewModel {
    public static final int COUNT = 16;
    /** Test images the curve is computed on, and how many levels it samples. */
    static final int CURVE_IMAGES = 300;
    static final int CURVE_STEPS = 11;

    /** Seeds the noise of the rows, the curve and the trail (see {@link DenoisedRows}). */
    public static final long NOISE_SEED = DenoisedRows.NOISE_SEED;

    private final AppState app;
    private final ObjectProperty<NoiseKind> kind = new SimpleObjectProperty<>(NoiseKind.GAUSSIAN);
    private final DoubleProperty level = new SimpleDoubleProperty(0.3);
    private final ReadOnlyObjectWrapper<DenoisedRows> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty curveStatus = new SimpleStringProperty("");
    private final ObservableList<DenoisingCurve.Point> curve = FXCollections.observableArrayList();
    private final LatestOnly<DenoisedRows> rows;
    private final LatestOnly<List<DenoisingCurve.Point>> curveWorker;
    private int cursor;
    private final IntegerProperty selected = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<NoiseTrail> trail = new ReadOnlyObjectWrapper<>();
    private final LatestOnly<NoiseTrail> trailWorker;
    private final ObjectProperty<Run> compareRun = new SimpleObjectProperty<>();
    private final LatentMapSource latent;
    /** Only a visible pane follows the model while it trains; a hidden one catches up when shown. */
    private final ShownGate gate;

    /** @param latent whose map the noise trail is drawn on */
    public NoiseViewModel(AppState app, LatentMapSource latent) {
        this.app = app;
        this.latent = latent;
        gate = new ShownGate(() -> {
            latent.ensureMap();
            refresh();
            refreshCurve();
        });
        trailWorker = new LatestOnly<>(app.background(), trail::set,
                e -> summary.set(Texts.format("noise.trail.failed", Texts.problem(e))));
        rows = new LatestOnly<>(app.background(), r -> {
            result.set(r);
            summary.set(describe(r));
        }, e -> summary.set(Texts.format("noise.failed", Texts.problem(e))));
        curveWorker = new LatestOnly<>(app.background(), points -> {
            curve.setAll(points);
            curveStatus.set(app.timeline().shownModel() == null ? Texts.format("noise.curve.noModel", CURVE_IMAGES)
                    : Texts.format("noise.curve.done", CURVE_IMAGES));
        }, e -> curveStatus.set(Texts.format("noise.curve.failed", Texts.problem(e))));
        level.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> refreshTrail());
        compareRun.addListener((o, a, b) -> refreshCurve());
        latent.mapProperty().addListener((o, a, m) -> { if (gate.shownProperty().get()) refreshTrail(); });
        gate.shownProperty().addListener((o, was, shown) -> { if (shown) latent.ensureMap(); });
        kind.addListener((o, a, k) -> {
            if (level.get() > k.maxLevel()) level.set(k.maxLevel());
            refresh();
            refreshCurve();
        });
        app.dataProperty().addListener((o, a, b) -> { cursor = 0; refresh(); refreshCurve(); });
        app.timeline().shownModelProperty().addListener((o, a, b) -> gate.run(() -> {
            latent.ensureMap(); // the trail needs a map of this model
            refresh();
            if (!app.training().isRunning()) refreshCurve(); // not every second while training
        }));
    }

    public ObjectProperty<NoiseKind> kindProperty() { return kind; }
    public BooleanProperty activeProperty() { return gate.shownProperty(); }
    public DoubleProperty levelProperty() { return level; }
    public ReadOnlyObjectProperty<DenoisedRows> resultProperty() { return result.getReadOnlyProperty(); }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty curveStatusProperty() { return curveStatus; }
    public ObservableList<DenoisingCurve.Point> curve() { return curve; }
    /** Which of the shown images (0 to {@link #COUNT} - 1) the noise trail follows. */
    public IntegerProperty selectedProperty() { return selected; }
    /** The selected image's noisy copies on the latent map (null until a map exists). */
    public ReadOnlyObjectProperty<NoiseTrail> trailProperty() { return trail.getReadOnlyProperty(); }
    /** A second run whose PSNR curve is drawn beside the current model's (null: none). */
    public ObjectProperty<Run> compareRunProperty() { return compareRun; }

    /** The class label of test image {@code index} of the current data. */
    int labelOf(int index) {
        DatasetSplit data = app.data();
        return data == null ? 0 : data.test().label(index);
    }

    /** Re-encodes the selected image's noisy copies and places them on the latent map. */
    public void refreshTrail() {
        trailWorker.request(() -> {
            DatasetSplit data = app.data();
            LatentMap map = latent.mapProperty().get();
            if (data == null || map == null || map.model().inputSize() != data.test().pixelCount()) return null;
            Dataset test = data.test();
            int index = (cursor + Math.max(0, Math.min(COUNT - 1, selected.get()))) % test.size();
            NoiseSpec noise = new NoiseSpec(kind.get(), level.get());
            return () -> NoiseTrail.of(map, test.image(index), test.label(index), noise, NOISE_SEED * 31 + index);
        });
    }

    /** The next {@link #COUNT} test images. */
    public void next() {
        cursor += COUNT;
        refresh();
        refreshTrail();
    }

    /** Recomputes the three rows for the current kind, level, images and model. */
    public void refresh() {
        refreshTrail();
        rows.request(() -> {
            DatasetSplit data = app.data();
            if (data == null) return null;
            Dataset test = data.test();
            int n = Math.min(COUNT, test.size());
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = (cursor + i) % test.size();
            NoiseSpec noise = new NoiseSpec(kind.get(), level.get());
            Autoencoder model = app.timeline().shownModel();
            return () -> DenoisedRows.of(model, test, idx, noise);
        });
    }

    /** Recomputes the PSNR-against-level curve for the current kind and model. */
    public void refreshCurve() {
        curveWorker.request(() -> {
            DatasetSplit data = app.data();
            if (data == null) return null;
            Autoencoder current = app.timeline().shownModel();
            // the noisy input's curve needs no model: without one (or one for other images) it is drawn alone
            Autoencoder model = current != null && current.inputSize() == data.test().pixelCount() ? current : null;
            NoiseKind k = kind.get();
            Dataset test = data.test();
            Run run = compareRun.get();
            var otherModel = run == null ? null : app.runs().modelOf(run);
            curveStatus.set(Texts.get("noise.curve.computing"));
            return () -> {
                Autoencoder other = otherModel == null ? null : otherModel.get(2, TimeUnit.MINUTES);
                return DenoisingCurve.of(model, other, test, k, CURVE_STEPS, CURVE_IMAGES, NOISE_SEED);
            };
        });
    }

    private static String describe(DenoisedRows r) {
        String noisyPsnr = Metrics.formatPsnr(finiteMean(r.noisyPsnr()));
        double noisySsim = DenoisedRows.mean(r.noisySsim());
        if (r.denoised() == null) return Texts.format("noise.summary.noModel", noisyPsnr, noisySsim);
        return Texts.format("noise.summary", noisyPsnr, noisySsim, Metrics.formatPsnr(finiteMean(r.denoisedPsnr())),
                DenoisedRows.mean(r.denoisedSsim()), r.millis());
    }

    /** Mean PSNR over images; identical images (infinite PSNR) only count if all are. */
    static double finiteMean(double[] psnr) {
        double s = 0;
        int n = 0;
        for (double v : psnr) if (Double.isFinite(v)) { s += v; n++; }
        return n == 0 ? Double.POSITIVE_INFINITY : s / n;
    }

    /** Captions "PSNR\nSSIM" for a row. */
    static List<String> captions(double[] psnr, double[] ssim) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < psnr.length; i++) out.add(Texts.format("captions.psnrSsim", Metrics.formatPsnr(psnr[i]), ssim[i]));
        return out;
    }
}
