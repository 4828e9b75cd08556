package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.model.TrainableAutoencoder;

@Tag("slow")
class ResumeAndRollbackTest {

    private static ModelSpec spec(ModelKind kind) {
        return switch (kind) {
            case CONV -> new ModelSpec(kind, List.of(8, 16), 8, LossKind.MSE, 1e-3, 0.2);
            case DAE -> new ModelSpec(kind, List.of(64), 8, LossKind.BCE, 1e-3, 0.3);
            default -> new ModelSpec(kind, List.of(64), 8, LossKind.BCE, 1e-3, 0);
        };
    }

    private static RunPlan plan(int epochs) {
        return new RunPlan("test run", "test-digits", null, epochs, 64, 11, RunStatus.RUNNING, "");
    }

    /** Stops after {@code n} epochs, as a crash or the Stop button would. */
    private static Trainer.Control stopAfterEpochs(TrainingHistory history, int n) {
        return new Trainer.Control() {
            @Override public boolean stopRequested() { return history.epochsDone() >= n; }
            @Override public void awaitIfPaused() { }
        };
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"DAE", "VAE", "CONV"})
    void aResumedRunFollowsTheUninterruptedTrajectory(ModelKind kind, @TempDir Path dir) throws Exception {
        DatasetSplit data = TestData.digits(640, 200);
        ModelSpec spec = spec(kind);
        TrainingConfig config = new TrainingConfig(spec, 3, 64, 11);

        TrainingHistory whole = new TrainingHistory();
        new Trainer(TrainableAutoencoder.create(spec, 784, 11), data, config, whole).run(Trainer.Listener.NONE, Trainer.Control.NONE);

        Checkpoints run = Checkpoints.create(dir, plan(3));
        TrainingHistory first = new TrainingHistory();
        Trainer.Outcome stopped = new Trainer(TrainableAutoencoder.create(spec, 784, 11), data, config, first)
                .checkpointTo(run).run(Trainer.Listener.NONE, stopAfterEpochs(first, 1));
        assertEquals(RunStatus.STOPPED, stopped.status());

        SavedModel saved = Checkpoints.open(run.folder()).loadLatest();
        assertEquals(1, saved.metadata().epochsDone());
        TrainingHistory resumed = new TrainingHistory();
        resumed.replaceWith(saved.metadata().epochs(), saved.metadata().points());
        new Trainer(saved.model(), data, new TrainingConfig(spec, 2, 64, 11), resumed).checkpointTo(run)
                .run(Trainer.Listener.NONE, Trainer.Control.NONE);

        assertEquals(3, resumed.epochsDone());
        for (int e = 0; e < 3; e++) {
            EpochRecord a = whole.epochs().get(e), b = resumed.epochs().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 1e-6 * Math.abs(a.trainLoss()), kind + " train loss, epoch " + (e + 1));
            assertEquals(a.testLoss(), b.testLoss(), 1e-6 * Math.abs(a.testLoss()), kind + " test loss, epoch " + (e + 1));
        }
        List<LossPoint> pa = whole.points(), pb = resumed.points();
        assertEquals(pa.size(), pb.size());
        assertEquals(pa.get(pa.size() - 1).loss(), pb.get(pb.size() - 1).loss(), 1e-6 * pa.get(pa.size() - 1).loss());
    }

    @Test
    void checkpointsKeepTheLastFewAndTheBest(@TempDir Path dir) throws Exception {
        DatasetSplit data = TestData.digits(320, 100);
        ModelSpec spec = spec(ModelKind.AE);
        Checkpoints run = Checkpoints.create(dir, plan(5));
        new Trainer(TrainableAutoencoder.create(spec, 784, 1), data, new TrainingConfig(spec, 5, 64, 1), new TrainingHistory())
                .checkpointTo(run).run(Trainer.Listener.NONE, Trainer.Control.NONE);
        List<String> names;
        try (var s = Files.list(run.folder())) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("best.llab", "epoch-0003.llab", "epoch-0004.llab", "epoch-0005.llab", "run.json"), names);
        assertEquals(5, Checkpoints.open(run.folder()).loadLatest().metadata().epochsDone());
        assertNotNull(run.bestFile());
        assertEquals("test run", Checkpoints.list(dir, (p, why) -> { throw new AssertionError(p + ": " + why); }).get(0).plan().name());

        run.delete();
        assertTrue(Files.notExists(run.folder()));
        assertTrue(Checkpoints.list(dir, (p, why) -> { throw new AssertionError(p + ": " + why); }).isEmpty());
    }

    @Test
    void anAbsurdLearningRateRollsTheModelBackToTheLastGoodEpoch() throws Exception {
        DatasetSplit data = TestData.digits(640, 100);
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(64), 8, LossKind.MSE, 1e-3, 0);
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, 784, 2);
        TrainingHistory history = new TrainingHistory();
        Trainer.Outcome good = new Trainer(model, data, new TrainingConfig(spec, 1, 64, 2), history).run(Trainer.Listener.NONE, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, good.status());
        float[][] probe = data.test().images(new int[] {0, 1, 2});
        float[][] afterEpoch1 = model.reconstruct(probe);
        long iterationsAfterEpoch1 = history.lastIteration();

        ModelSpec tooHigh = new ModelSpec(ModelKind.AE, List.of(64), 8, LossKind.MSE, 100, 0);
        model.setLearningRate(tooHigh.learningRate());
        Trainer.Outcome bad = new Trainer(model, data, new TrainingConfig(tooHigh, 2, 64, 2), history).run(Trainer.Listener.NONE, Trainer.Control.NONE);

        assertEquals(RunStatus.DIVERGED, bad.status(), bad.message());
        assertTrue(bad.message().startsWith("Learning rate 100.0 is too high for Adam"), bad.message());
        assertTrue(bad.message().contains("rolled back to the end of epoch 1"), bad.message());
        assertEquals(1, bad.epochsDone());
        assertEquals(1, history.epochsDone());
        assertEquals(iterationsAfterEpoch1, history.lastIteration(), "the history is cut back to the checkpoint");
        assertTrue(bad.model().parametersFinite());
        float[][] back = bad.model().reconstruct(probe);
        for (int i = 0; i < probe.length; i++) assertArrayEquals(afterEpoch1[i], back[i], 1e-6f);
    }
}
