package io.github.latentlab.ui.reconstruction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.CodeImages;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.TimelineState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.fx.LatestOnly;

/**
 * State of the reconstruction pane: which test images are shown (a batch of {@link #countProperty()},
 * optionally of one class), and their reconstructions by the latest model copy with per-image
 * MSE and PSNR; at a past epoch of the timeline, the reconstructions it stored then. Recomputed off the UI thread whenever the model, data or selection changes; at
 * most one computation runs at a time and the newest request wins.
 */
public final class ReconstructionViewModel {
    public static final int MAX_COUNT = 64;

    /**
     * What to draw: originals, reconstructions (null before a model exists), their errors, and the
     * codes the model gave them (a VAE's μ; null before a model exists).
     */
    public record Result(int[] indices, float[][] originals, float[][] reconstructions, double[] mse,
                         double[] psnr, int side, float[][] codes, int epoch) {
        /** Of the latest model. */
        public Result(int[] indices, float[][] originals, float[][] reconstructions, double[] mse, double[] psnr, int side,
                      float[][] codes) {
            this(indices, originals, reconstructions, mse, psnr, side, codes, TimelineState.LATEST);
        }

        public double meanMse() {
            return mse == null ? Double.NaN : Arrays.stream(mse).average().orElse(Double.NaN);
        }

        public double meanPsnr() {
            return psnr == null ? Double.NaN
                    : Arrays.stream(psnr).filter(Double::isFinite).average().orElse(Double.POSITIVE_INFINITY);
        }
    }

    private final AppState app;
    private final IntegerProperty count = new SimpleIntegerProperty(10);
    /** -1 for all classes, else the label shown. */
    private final IntegerProperty classFilter = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty showCodes = new SimpleBooleanProperty(true);
    private final IntegerProperty codeRows = new SimpleIntegerProperty(0);
    private int cursor;
    private long randomSeed = 1;
    private int[] indices = new int[0];
    private final LatestOnly<Result> worker;

    public ReconstructionViewModel(AppState app) {
        this.app = app;
        this.worker = new LatestOnly<>(app.background(), r -> {
            result.set(r);
            summary.set(describe(r));
        }, error -> summary.set(Texts.format("recon.failed", Texts.problem(error))));
        app.dataProperty().addListener((o, a, b) -> showData(b));
        app.viewModelProperty().addListener((o, a, b) -> { if (!app.timeline().viewingPast()) refresh(); });
        // a past epoch shows the images the timeline kept reconstructions of, as they were then
        app.timeline().viewedEpochProperty().addListener((o, was, is) -> {
            if ((was.intValue() == TimelineState.LATEST) != (is.intValue() == TimelineState.LATEST)) cursor = 0;
            select();
        });
        count.addListener((o, a, b) -> select());
        classFilter.addListener((o, a, b) -> { cursor = 0; select(); });
        if (app.data() != null) showData(app.data()); // made after the data was loaded
    }

    private void showData(DatasetSplit data) {
        classNames.set(data == null ? List.of() : data.test().classNames());
        classFilter.set(-1);
        cursor = 0;
        select();
    }

    public IntegerProperty countProperty() { return count; }
    public IntegerProperty classFilterProperty() { return classFilter; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<List<String>> classNamesProperty() { return classNames; }

    /**
     * Whether each image's code is drawn between it and its reconstruction, as the tutorials do
     * (on at first; the pane's "Show codes" and lessons switch it). The codes are computed with
     * every reconstruction, so switching shows or hides them at once.
     */
    public BooleanProperty showCodesProperty() { return showCodes; }

    /** Rows of the code pictures: 0 for the automatic shape (64 numbers as 4×16), else this many rows. */
    public IntegerProperty codeRowsProperty() { return codeRows; }

    /** The shown images' codes as grey pictures on one scale, or null when hidden or before a model. */
    public CodeImages codeImages() {
        Result r = result.get();
        if (!showCodes.get() || r == null || r.codes() == null || r.codes().length == 0) return null;
        return CodeImages.of(r.codes(), codeRows.get());
    }

    /** Each shown code's numbers, for the tooltip of its picture (null when hidden or before a model). */
    public List<String> codeTips() {
        CodeImages pictures = codeImages();
        if (pictures == null) return null;
        Result r = result.get();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.codes().length; i++) {
            out.add(Texts.format("train.codes.tip", r.indices()[i], r.codes()[i].length, pictures.min(), pictures.max(),
                    CodeImages.numbers(r.codes()[i], pictures.cols())));
        }
        return out;
    }

    /** The next batch of test images (of the chosen class). */
    public void next() {
        cursor += count.get();
        select();
    }

    /** A random batch of test images (of the chosen class). */
    public void random() {
        int[] pool = pool();
        if (pool.length == 0) return;
        SplittableRandom rnd = new SplittableRandom(randomSeed++);
        int n = Math.min(clampedCount(), pool.length);
        int[] picked = new int[n];
        int[] copy = pool.clone();
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(copy.length - i);
            int t = copy[i]; copy[i] = copy[j]; copy[j] = t;
            picked[i] = copy[i];
        }
        indices = picked;
        refresh();
    }

    private int clampedCount() { return Math.max(1, Math.min(MAX_COUNT, count.get())); }

    /** The rows to show from: test images, or at a past epoch the timeline's reconstructed images. */
    private int[] pool() {
        Timeline t = app.timeline().viewingPast() ? app.timeline().timeline() : null;
        if (t != null) {
            int[] labels = t.images().labels();
            return IntStream.range(0, t.images().reconstructed())
                    .filter(i -> classFilter.get() < 0 || labels[i] == classFilter.get()).toArray();
        }
        DatasetSplit data = app.data();
        if (data == null) return new int[0];
        Dataset test = data.test();
        if (classFilter.get() < 0) {
            int[] all = new int[test.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        return test.indicesOfClass(classFilter.get());
    }

    private void select() {
        int[] pool = pool();
        if (pool.length == 0) {
            indices = new int[0];
            result.set(null);
            summary.set(""); // nothing to show (no data yet), nor to describe
            return;
        }
        int n = Math.min(clampedCount(), pool.length);
        if (cursor >= pool.length) cursor = 0;
        indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = pool[(cursor + i) % pool.length];
        refresh();
    }

    /** Recomputes the reconstructions with the current model copy (or reads a past epoch's), off the UI thread. */
    public void refresh() {
        Timeline t = app.timeline().timeline();
        int epoch = app.timeline().viewedEpoch();
        if (t != null && epoch != TimelineState.LATEST) {
            int[] rows = indices.clone();
            worker.request(() -> () -> stored(t, epoch, rows));
            return;
        }
        worker.request(() -> {
            DatasetSplit data = app.data();
            if (data == null || indices.length == 0) return null;
            Autoencoder model = app.viewModel();
            int[] idx = indices.clone();
            Dataset test = data.test();
            return () -> compute(model, test, idx);
        });
    }

    static Result compute(Autoencoder model, Dataset test, int[] idx) {
        float[][] originals = test.images(idx);
        if (model == null || model.inputSize() != test.pixelCount()) {
            return new Result(idx, originals, null, null, null, test.side(), null);
        }
        float[][] recon = model.reconstruct(originals);
        float[][] codes = model.encode(originals); // a VAE gives μ
        double[] mse = new double[idx.length];
        double[] psnr = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            mse[i] = Metrics.mse(originals[i], recon[i]);
            psnr[i] = Metrics.psnrFromMse(mse[i]);
        }
        return new Result(idx, originals, recon, mse, psnr, test.side(), codes);
    }

    /** Epoch {@code epoch}'s stored reconstructions of timeline images {@code rows}, with their errors then. */
    static Result stored(Timeline t, int epoch, int[] rows) {
        float[][] allRecon = t.reconstructions(epoch);
        float[][] allCodes = t.codes(epoch);
        float[][] originals = t.images().images(t.images().reconstructed());
        int n = rows.length;
        float[][] orig = new float[n][], recon = new float[n][], codes = new float[n][];
        int[] idx = new int[n];
        double[] mse = new double[n], psnr = new double[n];
        for (int i = 0; i < n; i++) {
            orig[i] = originals[rows[i]];
            recon[i] = allRecon[rows[i]];
            codes[i] = allCodes[rows[i]];
            idx[i] = t.images().indices()[rows[i]];
            mse[i] = Metrics.mse(orig[i], recon[i]);
            psnr[i] = Metrics.psnrFromMse(mse[i]);
        }
        return new Result(idx, orig, recon, mse, psnr, t.images().side(), codes, epoch);
    }

    private static String describe(Result r) {
        if (r.reconstructions() == null) return Texts.get("recon.noModel");
        if (r.epoch() != TimelineState.LATEST) {
            return Texts.format("recon.summary.epoch", r.epoch(), r.indices().length, r.meanMse(), Metrics.formatPsnr(r.meanPsnr()));
        }
        return Texts.format("recon.summary", r.indices().length, r.meanMse(), Metrics.formatPsnr(r.meanPsnr()));
    }

    /** Captions for the reconstruction row: "MSE\nPSNR" per image. */
    public static List<String> captions(Result r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.indices().length; i++) {
            out.add(Texts.format("captions.msePsnr", r.mse()[i], Metrics.formatPsnr(r.psnr()[i])));
        }
        return out;
    }
}
