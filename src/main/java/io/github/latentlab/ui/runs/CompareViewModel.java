package io.github.latentlab.ui.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Run;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;

/**
 * Runs side by side: their loss curves overlaid (test MSE per epoch, comparable whatever each
 * run's loss, or the smoothed training loss) and the same test images reconstructed by each,
 * optionally from noisy inputs (AE vs DAE), with mean MSE and PSNR per run. Models come from
 * memory, from a running run's snapshot, or from a run folder's best checkpoint, off the UI thread.
 */
public final class CompareViewModel {
    public enum Measure {
        TEST_MSE("runs.measure.testMse"), TRAIN_LOSS("runs.measure.trainLoss");

        private final String key;

        Measure(String key) { this.key = key; }

        /** The name in the window's language (the combo box and the chart's axis show it). */
        @Override public String toString() { return Texts.get(key); }
    }

    /** One run's curve: x (epochs) and y. */
    public record Curve(String name, double[] x, double[] y) { }

    /** One run's reconstructions of the shared inputs. */
    public record RunRow(String name, float[][] reconstructions, double mse, double psnr) { }

    /** The shared inputs (noisy when asked), their clean originals and each run's row. */
    public record Result(float[][] clean, float[][] inputs, List<RunRow> rows, int side, String noise) { }

    static final int IMAGES = 8;
    private static final int MAX_CURVE_POINTS = 400;

    private final AppState app;
    private final ObservableList<Run> compared = FXCollections.observableArrayList();
    private final ObservableList<Curve> curves = FXCollections.observableArrayList();
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.TEST_MSE);
    private final ObjectProperty<NoiseKind> noiseKind = new SimpleObjectProperty<>(NoiseKind.GAUSSIAN);
    private final DoubleProperty noiseLevel = new SimpleDoubleProperty(0);
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(Texts.get("runs.compare.hint"));
    private long generation;

    public CompareViewModel(AppState app) {
        this.app = app;
        measure.addListener((o, a, b) -> refreshCurves());
    }

    public ObservableList<Run> compared() { return compared; }
    public ObservableList<Curve> curves() { return curves; }
    public ObjectProperty<Measure> measureProperty() { return measure; }
    public ObjectProperty<NoiseKind> noiseKindProperty() { return noiseKind; }
    /** Noise on the shared inputs: 0 compares clean reconstructions. */
    public DoubleProperty noiseLevelProperty() { return noiseLevel; }
    public ObjectProperty<Result> resultProperty() { return result; }
    public StringProperty statusProperty() { return status; }

    /** Compares these runs: curves at once, reconstructions when their models are at hand. */
    public void compare(List<Run> runs) {
        compared.setAll(runs);
        refresh();
    }

    public void refresh() {
        refreshCurves();
        refreshImages();
    }

    private void refreshCurves() {
        List<Curve> list = new ArrayList<>();
        for (Run r : compared) list.add(curve(r, measure.get()));
        curves.setAll(list);
    }

    static Curve curve(Run run, Measure measure) {
        if (measure == Measure.TEST_MSE) {
            List<EpochRecord> epochs = run.history().epochs();
            double[] x = new double[epochs.size()], y = new double[epochs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = epochs.get(i).epoch();
                y[i] = epochs.get(i).testMse();
            }
            return new Curve(run.name(), x, y);
        }
        List<LossPoint> points = run.history().points();
        int step = Math.max(1, points.size() / MAX_CURVE_POINTS);
        List<double[]> xy = new ArrayList<>();
        double smoothed = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            double v = points.get(i).loss();
            smoothed = Double.isNaN(smoothed) ? v : 0.9 * smoothed + 0.1 * v;
            if (i % step == 0 || i == points.size() - 1) xy.add(new double[] {points.get(i).epochPosition(), smoothed});
        }
        return new Curve(run.name(), xy.stream().mapToDouble(p -> p[0]).toArray(), xy.stream().mapToDouble(p -> p[1]).toArray());
    }

    private void refreshImages() {
        DatasetSplit data = app.data();
        List<Run> runs = List.copyOf(compared);
        if (data == null || runs.isEmpty()) {
            result.set(null);
            return;
        }
        long gen = ++generation;
        status.set(Texts.format("runs.compare.reconstructing", runs.size()));
        NoiseKind kind = noiseKind.get();
        double level = noiseLevel.get();
        List<CompletableFuture<TrainableAutoencoder>> models = runs.stream().map(r -> app.runs().modelOf(r)).toList();
        CompletableFuture.allOf(models.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                app.background().run(() -> {
                    List<TrainableAutoencoder> ms = new ArrayList<>();
                    for (var f : models) ms.add(f.isCompletedExceptionally() ? null : f.join());
                    return reconstruct(data.test(), runs, ms, kind, level);
                }, r -> {
                    if (gen != generation) return; // a newer comparison was asked for
                    result.set(r);
                    status.set(r.rows().stream().anyMatch(row -> row.reconstructions() == null)
                            ? Texts.get("runs.compare.noModel")
                            : level > 0 ? Texts.format("runs.compare.doneNoisy", IMAGES, r.noise())
                            : Texts.format("runs.compare.done", IMAGES));
                }, e -> status.set(Texts.format("runs.compare.failed", Texts.problem(e)))));
    }

    static Result reconstruct(Dataset test, List<Run> runs, List<TrainableAutoencoder> models, NoiseKind kind, double level) {
        int[] idx = spreadOverClasses(test, IMAGES);
        float[][] clean = test.images(idx);
        float[][] inputs = clean;
        int side = test.side();
        if (level > 0) {
            float[] flat = new float[clean.length * clean[0].length];
            for (int i = 0; i < clean.length; i++) System.arraycopy(clean[i], 0, flat, i * clean[i].length, clean[i].length);
            float[] noisy = kind.apply(flat, side, level, 7);
            inputs = new float[clean.length][];
            for (int i = 0; i < clean.length; i++) {
                inputs[i] = Arrays.copyOfRange(noisy, i * clean[i].length, (i + 1) * clean[i].length);
            }
        }
        List<RunRow> rows = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            TrainableAutoencoder m = models.get(r);
            if (m == null || m.inputSize() != clean[0].length) {
                rows.add(new RunRow(runs.get(r).name(), null, Double.NaN, Double.NaN));
                continue;
            }
            float[][] out = m.reconstruct(inputs);
            double mse = 0, psnr = 0;
            for (int i = 0; i < out.length; i++) {
                double e = Metrics.mse(clean[i], out[i]);
                mse += e;
                psnr += Metrics.psnrFromMse(e);
            }
            rows.add(new RunRow(runs.get(r).name(), out, mse / out.length, psnr / out.length));
        }
        return new Result(clean, inputs, rows, side, Texts.format("runs.noise", Texts.name(kind), level));
    }

    /** The first image of each class in turn, so the row shows variety. */
    static int[] spreadOverClasses(Dataset d, int n) {
        int count = Math.min(n, d.size());
        List<Integer> picked = new ArrayList<>();
        for (int c = 0; c < d.classCount() && picked.size() < count; c++) {
            int[] of = d.indicesOfClass(c);
            if (of.length > 0) picked.add(of[0]);
        }
        for (int i = 0; picked.size() < count; i++) if (!picked.contains(i)) picked.add(i);
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
