package io.github.latentlab.cli;

import java.io.PrintStream;
import java.util.List;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.TrainingEvent;

/**
 * What {@code train} prints on stderr while a run goes: the model and run folder when it starts,
 * a progress line at most once a second, a line per epoch. Keeps the run and its start for the
 * result printed at the end.
 */
final class ConsoleRunReport implements RunManager.Listener {
    private static final long PRINT_INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private volatile Run run;
    private volatile RunManager.Start start;
    private volatile int resumedFrom;
    private long lastPrint;

    ConsoleRunReport(PrintStream err) {
        this.err = err;
    }

    Run run() { return run; }

    RunManager.Start start() { return start; }

    /** The epochs the run had done before this command (0 for a new run). */
    int resumedFrom() { return resumedFrom; }

    @Override
    public void started(Run r, RunManager.Start s) {
        run = r;
        start = s;
        int done = s.history().epochsDone();
        resumedFrom = done;
        int pixels = s.model().inputSize();
        if (done > 0) {
            err.println("Resuming " + s.config().spec().describe(pixels) + " at epoch " + done + " of " + r.targetEpochs());
        } else {
            err.println("Model: " + s.config().spec().describe(pixels) + ", batch " + s.config().batchSize()
                    + ", seed " + s.config().seed());
        }
        err.println("Run folder: " + r.checkpoints().folder().toAbsolutePath());
    }

    @Override
    public void trainingEvent(Run r, TrainingEvent e) {
        if (e.type() == TrainingEvent.Type.EPOCH && e.lastEpoch() != null) {
            EpochRecord rec = e.lastEpoch();
            ModelSpec spec = start.config().spec();
            // with an MSE loss the test loss is the test MSE: said once
            String test = spec.loss() == LossKind.MSE ? String.format("test MSE %.5f", rec.testMse())
                    : String.format("test %s %.5f, test MSE %.5f", spec.loss(), rec.testLoss(), rec.testMse());
            err.printf("epoch %d/%d done: train %s %.5f, %s, %.1f s, %.0f samples/s%n", rec.epoch(), r.targetEpochs(),
                    spec.loss(), rec.trainLoss(), test, rec.seconds(), rec.samplesPerSecond());
        } else if (e.type() == TrainingEvent.Type.PROGRESS) {
            long now = System.nanoTime();
            if (now - lastPrint < PRINT_INTERVAL_NANOS) return;
            lastPrint = now;
            List<LossPoint> points = e.newPoints();
            double position = points.isEmpty() ? e.epoch() - 1 : points.get(points.size() - 1).epochPosition();
            err.printf("epoch %d  %.0f%%  loss %.5f  %.0f samples/s%n", e.epoch(), (position - (e.epoch() - 1)) * 100,
                    e.trainLoss(), e.samplesPerSecond());
        }
    }
}
