package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;

/** Resuming changes at most the learning rate, and that keeps Adam's state; a diverged run only takes a lower rate. */
class ResumePointTest {
    @TempDir Path dir;

    private ResumePoint trainedCheckpoint() throws Exception {
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(16), 4, LossKind.MSE, 1e-3, 0);
        DatasetSplit data = TestData.digits(256, 64);
        TrainingConfig config = new TrainingConfig(spec, 1, 64, 5);
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, 784, 5);
        Checkpoints run = Checkpoints.create(dir, new RunPlan("r", "builtin-digits", null, 1, 64, 5, RunStatus.RUNNING, ""));
        new Trainer(model, data, config, new TrainingHistory()).checkpointTo(run).run(Trainer.Listener.NONE, Trainer.Control.NONE);
        return ResumePoint.latest(run);
    }

    @Test
    void anotherRateKeepsAdamsState() throws Exception {
        ResumePoint point = trainedCheckpoint();
        assertEquals(1, point.epochsDone());
        assertEquals(1, point.history().epochsDone());
        var before = ((DenseAutoencoder) point.model()).network().getUpdater().getStateViewArray().dup();
        ResumePoint slower = point.withLearningRate(1e-4);
        assertEquals(1e-4, slower.spec().learningRate());
        assertEquals(before, ((DenseAutoencoder) slower.model()).network().getUpdater().getStateViewArray());
        assertSame(slower, slower.withLearningRate(1e-4));
    }

    @Test
    void aDivergedRunOnlyTakesALowerRate() throws Exception {
        ResumePoint point = trainedCheckpoint();
        assertSame(point, point.afterDivergence(0.1), "a higher rate would diverge again");
        assertEquals(5e-4, point.afterDivergence(5e-4).spec().learningRate());
    }
}
