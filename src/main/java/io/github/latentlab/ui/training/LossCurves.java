package io.github.latentlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.training.TrainingEvent;
import io.github.latentlab.training.TrainingHistory;

/**
 * The training pane's two curves: the per-iteration training loss, exponentially smoothed and
 * thinned (every other point dropped, then every fourth…) to stay under {@link #MAX_POINTS} however
 * long a run is, and the test loss per epoch. Changed on the UI thread.
 */
final class LossCurves {
    /** Training loss points kept for the chart; older ones are thinned when exceeded. */
    static final int MAX_POINTS = 1_500;
    /** Exponential smoothing of the per-iteration loss shown in the chart, until the user sets another. */
    static final double SMOOTHING = 0.9;

    private final ObservableList<LossPoint> train = FXCollections.observableArrayList();
    /** The kept points before smoothing, so that another smoothing redraws them. */
    private final List<LossPoint> raw = new ArrayList<>();
    private double smoothing = SMOOTHING;
    private final ObservableList<EpochRecord> test = FXCollections.observableArrayList();
    private double smoothed = Double.NaN;
    private double smoothedRecon = Double.NaN;
    private double smoothedKl = Double.NaN;
    private int thinning = 1;
    private long pointsSeen;

    ObservableList<LossPoint> train() { return train; }

    ObservableList<EpochRecord> test() { return test; }

    /** Smoothing between 0 (raw) and 0.99 (very smooth), as TensorBoard's slider; redraws the kept points. */
    void setSmoothing(double value) {
        smoothing = Math.max(0, Math.min(0.99, value));
        restartSmoothing();
        List<LossPoint> out = new ArrayList<>(raw.size());
        for (LossPoint p : raw) out.add(smoothNext(p));
        train.setAll(out);
    }

    void clear() {
        train.clear();
        raw.clear();
        test.clear();
        restartSmoothing();
        thinning = 1;
        pointsSeen = 0;
    }

    /** Draws a history from scratch: its training points (smoothed, thinned) and its test points. */
    void show(TrainingHistory history) {
        clear();
        addPoints(history.points());
        test.setAll(history.epochs());
    }

    /** Adds the points and finished epochs a batch of events carries. */
    void add(List<TrainingEvent> events) {
        List<LossPoint> points = new ArrayList<>();
        for (TrainingEvent e : events) {
            points.addAll(e.newPoints());
            if (e.lastEpoch() != null) test.add(e.lastEpoch());
        }
        addPoints(points);
    }

    private void addPoints(List<LossPoint> points) {
        List<LossPoint> added = new ArrayList<>();
        for (LossPoint p : points) {
            LossPoint smoothedPoint = smoothNext(p); // every point counts towards the average, kept or not
            if (pointsSeen++ % thinning == 0) {
                raw.add(p);
                added.add(smoothedPoint);
            }
        }
        train.addAll(added);
        if (train.size() > MAX_POINTS) thin();
    }

    private void restartSmoothing() {
        smoothed = Double.NaN;
        smoothedRecon = Double.NaN;
        smoothedKl = Double.NaN;
    }

    /** Takes {@code p} into the running averages and returns it as the chart draws it. */
    private LossPoint smoothNext(LossPoint p) {
        smoothed = smooth(smoothed, p.loss());
        if (!p.hasParts()) return new LossPoint(p.iteration(), p.epochPosition(), smoothed);
        smoothedRecon = smooth(smoothedRecon, p.recon());
        smoothedKl = smooth(smoothedKl, p.kl());
        return p.withLoss(smoothed, smoothedRecon, smoothedKl);
    }

    private double smooth(double previous, double value) {
        return Double.isNaN(previous) ? value : smoothing * previous + (1 - smoothing) * value;
    }

    private void thin() {
        train.setAll(everyOther(train));
        List<LossPoint> keptRaw = everyOther(raw);
        raw.clear();
        raw.addAll(keptRaw);
        thinning *= 2;
    }

    private static List<LossPoint> everyOther(List<LossPoint> points) {
        List<LossPoint> kept = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i < points.size(); i += 2) kept.add(points.get(i));
        return kept;
    }
}
