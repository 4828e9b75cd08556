package io.github.latentlab.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.util.AtomicFiles;

/**
 * A run's loss history as two CSV files for a spreadsheet or a plotting script: one row per
 * recorded training step, and one row per epoch. Numbers use a dot, whatever the locale; an
 * empty cell means "not measured" (a VAE's two terms on other models).
 */
public final class HistoryCsv {
    private HistoryCsv() { }

    /** Writes {@code steps} and {@code epochs} (each replaced atomically). */
    public static void write(TrainingHistory history, Path steps, Path epochs) throws IOException {
        StringBuilder s = new StringBuilder("iteration,epoch,train_loss,reconstruction,kl\n");
        for (LossPoint p : history.points()) {
            s.append(p.iteration()).append(',').append(number(p.epochPosition())).append(',').append(number(p.loss()))
                    .append(',').append(number(p.recon())).append(',').append(number(p.kl())).append('\n');
        }
        StringBuilder e = new StringBuilder("epoch,train_loss,test_loss,test_mse,seconds,samples_per_second\n");
        List<EpochRecord> records = history.epochs();
        for (EpochRecord r : records) {
            e.append(r.epoch()).append(',').append(number(r.trainLoss())).append(',').append(number(r.testLoss()))
                    .append(',').append(number(r.testMse())).append(',').append(number(r.seconds())).append(',')
                    .append(number(r.samplesPerSecond())).append('\n');
        }
        AtomicFiles.write(steps, s.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(epochs, e.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The epochs file beside a steps file: {@code loss.csv} → {@code loss-epochs.csv}. */
    public static Path epochsFileFor(Path steps) {
        String name = steps.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return steps.resolveSibling(stem + "-epochs.csv");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
