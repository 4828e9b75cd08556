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
    /** Exponential smoothing of the per-iteration loss shown in the chart. */
    static final double SMOOTHING = 0.9;

    private final ObservableList<LossPoint> train = FXCollections.observableArrayList();
    private final ObservableList<EpochRecord> test = FXCollections.observableArrayList();
    private double smoothed = Double.NaN;
    private double smoothedRecon = Double.NaN;
    private double smoothedKl = Double.NaN;
    private int thinning = 1;
    private long pointsSeen;

    ObservableList<LossPoint> train() { return train; }

    ObservableList<EpochRecord> test() { return test; }

    void clear() {
        train.clear();
        test.clear();
        smoothed = Double.NaN;
        smoothedRecon = Double.NaN;
        smoothedKl = Double.NaN;
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
            smoothed = smooth(smoothed, p.loss());
            if (p.hasParts()) {
                smoothedRecon = smooth(smoothedRecon, p.recon());
                smoothedKl = smooth(smoothedKl, p.kl());
            }
            if (pointsSeen++ % thinning == 0) {
                added.add(p.hasParts() ? p.withLoss(smoothed, smoothedRecon, smoothedKl)
                        : new LossPoint(p.iteration(), p.epochPosition(), smoothed));
            }
        }
        train.addAll(added);
        if (train.size() > MAX_POINTS) thin();
    }

    private static double smooth(double previous, double value) {
        return Double.isNaN(previous) ? value : SMOOTHING * previous + (1 - SMOOTHING) * value;
    }

    private void thin() {
        List<LossPoint> kept = new ArrayList<>(train.size() / 2 + 1);
        for (int i = 0; i < train.size(); i += 2) kept.add(train.get(i));
        train.setAll(kept);
        thinning *= 2;
    }
}
