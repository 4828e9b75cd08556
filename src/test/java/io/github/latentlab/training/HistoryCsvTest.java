package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;

class HistoryCsvTest {
    @Test
    void stepsAndEpochsAreWrittenWithADotWhateverTheLocale(@TempDir Path dir) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma locale must not leak into the file
        try {
            TrainingHistory h = new TrainingHistory();
            h.addPoint(new LossPoint(1, 0.5, 0.25));
            h.addPoint(new LossPoint(2, 1.0, 0.125, 0.1, 0.025));
            h.addEpoch(new EpochRecord(1, 0.2, 0.3, 0.04, 1.5, 1000));
            Path steps = dir.resolve("loss.csv");
            HistoryCsv.write(h, steps, HistoryCsv.epochsFileFor(steps));
            assertEquals(List.of("iteration,epoch,train_loss,reconstruction,kl", "1,0.500000,0.250000,,",
                    "2,1.00000,0.125000,0.100000,0.0250000"), Files.readAllLines(steps));
            assertEquals(List.of("epoch,train_loss,test_loss,test_mse,seconds,samples_per_second",
                    "1,0.200000,0.300000,0.0400000,1.50000,1000.00"), Files.readAllLines(dir.resolve("loss-epochs.csv")));
        } finally {
            Locale.setDefault(before);
        }
    }
}
