package io.github.latentlab.training;

import io.github.latentlab.model.LossPoint;

import io.github.latentlab.model.EpochRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss history of one model across all its training runs: per-epoch records and the
 * per-iteration training loss, kept to at most {@link #MAX_POINTS} points by averaging
 * neighbours when it grows (so 100+ epochs stay cheap to store and draw). Thread-safe.
 */
public final class TrainingHistory {
    public static final int MAX_POINTS = 4_000;

    private final List<EpochRecord> epochs = new ArrayList<>();
    private final List<LossPoint> points = new ArrayList<>();

    public synchronized void addPoint(LossPoint p) {
        points.add(p);
        if (points.size() > MAX_POINTS) halve();
    }

    public synchronized void addEpoch(EpochRecord r) { epochs.add(r); }

    public synchronized List<EpochRecord> epochs() { return List.copyOf(epochs); }

    public synchronized List<LossPoint> points() { return List.copyOf(points); }

    public synchronized int epochsDone() { return epochs.size(); }

    public synchronized long lastIteration() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).iteration();
    }

    public synchronized void replaceWith(List<EpochRecord> e, List<LossPoint> p) {
        epochs.clear();
        epochs.addAll(e);
        points.clear();
        points.addAll(p);
    }

    /** Forgets everything after the first {@code epochs} epochs (a rollback to a checkpoint). */
    public synchronized void truncateToEpochs(int keepEpochs) {
        while (epochs.size() > keepEpochs) epochs.remove(epochs.size() - 1);
        points.removeIf(p -> p.epochPosition() > keepEpochs + 1e-9);
    }

    private void halve() {
        List<LossPoint> merged = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            LossPoint a = points.get(i), b = points.get(i + 1);
            merged.add(new LossPoint(b.iteration(), b.epochPosition(), (a.loss() + b.loss()) / 2,
                    (a.recon() + b.recon()) / 2, (a.kl() + b.kl()) / 2));
        }
        if (points.size() % 2 == 1) merged.add(points.get(points.size() - 1));
        points.clear();
        points.addAll(merged);
    }
}
