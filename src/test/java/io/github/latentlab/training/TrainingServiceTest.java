package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.ModelSpec;

@Tag("slow")
class TrainingServiceTest {
    private final TrainingService service = new TrainingService();
    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        service.close();
    }

    private TrainingConfig config(int epochs) {
        return new TrainingConfig(ModelSpec.defaults(), epochs, 32, 3);
    }

    @Test
    void runsToTheEndAndReportsEveryEpochAndEveryIteration() throws Exception {
        DatasetSplit data = TestData.digits(1000, 200);
        TrainingHistory history = new TrainingHistory();
        DenseAutoencoder model = DenseAutoencoder.create(ModelSpec.defaults(), 784, 3);
        Trainer.Outcome outcome = service.start(model, data, config(2), history, events::add).get(60, TimeUnit.SECONDS);
        assertEquals(RunStatus.FINISHED, outcome.status());
        assertEquals(TrainingEvent.Type.STARTED, events.get(0).type());
        assertEquals(TrainingEvent.Type.FINISHED, events.get(events.size() - 1).type());
        assertEquals(2, events.stream().filter(e -> e.type() == TrainingEvent.Type.EPOCH).count());
        long points = events.stream().mapToLong(e -> e.newPoints().size()).sum();
        assertEquals(2 * 32, points, "every iteration's loss reaches the observer once (1000/32 → 32 batches)");
        assertFalse(service.isRunning());
    }

    @Test
    void progressEventsAreThrottledToAboutTenASecond() throws Exception {
        DatasetSplit data = TestData.digits(3000, 200);
        long t0 = System.nanoTime();
        service.start(DenseAutoencoder.create(ModelSpec.defaults(), 784, 3), data,
                new TrainingConfig(ModelSpec.defaults(), 2, 8, 3), new TrainingHistory(), events::add)
                .get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long progress = events.stream().filter(e -> e.type() == TrainingEvent.Type.PROGRESS).count();
        assertTrue(progress <= seconds * 10 + 2, progress + " progress events in " + seconds + " s");
        assertTrue(progress >= 1);
    }

    @Test
    void pauseHoldsTrainingResumeContinuesAndStopEndsIt() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        TrainingHistory history = new TrainingHistory();
        var future = service.start(DenseAutoencoder.create(ModelSpec.defaults(), 784, 3), data, config(50), history, events::add);
        waitFor(() -> history.lastIteration() > 3);
        service.pause();
        waitFor(() -> events.stream().anyMatch(e -> e.type() == TrainingEvent.Type.PAUSED));
        long atPause = history.lastIteration();
        // the paused training thread serves two snapshots in turn: it has looped while paused, training nothing
        Autoencoder copy = service.snapshot().get(5, TimeUnit.SECONDS);
        service.snapshot().get(5, TimeUnit.SECONDS);
        assertEquals(atPause, history.lastIteration(), "no iterations while paused");
        assertNotNull(copy.reconstruct(new float[1][784]));
        service.resume();
        waitFor(() -> history.lastIteration() > atPause + 3);
        service.stop();
        Trainer.Outcome outcome = future.get(30, TimeUnit.SECONDS);
        assertEquals(RunStatus.STOPPED, outcome.status());
        assertEquals(TrainingEvent.Type.STOPPED, events.get(events.size() - 1).type());
    }

    @Test
    void secondStartWhileRunningIsRefused() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        DenseAutoencoder model = DenseAutoencoder.create(ModelSpec.defaults(), 784, 3);
        service.start(model, data, config(50), new TrainingHistory(), events::add);
        assertThrows(IllegalStateException.class,
                () -> service.start(model, data, config(1), new TrainingHistory(), events::add));
        assertTrue(service.stopAndWait(30_000));
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
