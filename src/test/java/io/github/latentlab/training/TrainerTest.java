package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;

@Tag("slow")
class TrainerTest {

    private static List<EpochRecord> train(ModelSpec spec, DatasetSplit data, int epochs, long seed) throws Exception {
        TrainingConfig config = new TrainingConfig(spec, epochs, 64, seed);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, seed);
        TrainingHistory history = new TrainingHistory();
        Trainer.Outcome outcome = new Trainer(model, data, config, history).run(Trainer.Listener.NONE, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        return history.epochs();
    }

    @Test
    void shortRunLowersTestLossWellBelowAnUntrainedModel() throws Exception {
        DatasetSplit data = TestData.digits(3000, 500);
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(128), 16, LossKind.MSE, 2e-3, 0);
        double untrained = Evaluation.of(DenseAutoencoder.create(spec, 784, 1), data.test()).mse();
        List<EpochRecord> epochs = train(spec, data, 3, 1);
        double last = epochs.get(2).testMse();
        // untrained output is ~0.5 everywhere (MSE ~0.2); a few epochs give blurry but right digits
        assertTrue(untrained > 0.1, "untrained MSE " + untrained);
        assertTrue(last < 0.05, "test MSE after 3 epochs: " + last);
        assertTrue(epochs.get(2).testLoss() < epochs.get(0).testLoss(), epochs.toString());
    }

    @Test
    void sameSeedGivesTheSameLossTrajectory() throws Exception {
        DatasetSplit data = TestData.digits(1000, 200);
        ModelSpec spec = new ModelSpec(ModelKind.DAE, List.of(64), 8, LossKind.BCE, 1e-3, 0.3);
        List<EpochRecord> a = train(spec, data, 2, 5);
        List<EpochRecord> b = train(spec, data, 2, 5);
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 1e-6);
            assertEquals(a.get(i).testLoss(), b.get(i).testLoss(), 1e-6);
        }
        List<EpochRecord> c = train(spec, data, 2, 6);
        assertTrue(Math.abs(a.get(1).trainLoss() - c.get(1).trainLoss()) > 1e-7, "a different seed changes the run");
    }

    @Test
    void denoisingModelsTrainOnEveryNoiseKind() throws Exception {
        DatasetSplit data = TestData.digits(1000, 200);
        for (NoiseKind k : NoiseKind.values()) {
            ModelSpec spec = new ModelSpec(ModelKind.DAE, List.of(64), 8, LossKind.BCE, 2e-3, 0.2, k);
            List<EpochRecord> epochs = train(spec, data, 2, 1);
            assertTrue(epochs.get(1).testLoss() < 0.4, k + ": " + epochs);
        }
    }

    @Test
    void absurdLearningRateStopsWithAPlainMessage() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 100, 0);
        TrainingConfig config = new TrainingConfig(spec, 3, 64, 1);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        Trainer.Outcome outcome = new Trainer(model, data, config, new TrainingHistory()).run(Trainer.Listener.NONE, Trainer.Control.NONE);
        assertEquals(RunStatus.DIVERGED, outcome.status(), outcome.message());
        assertTrue(outcome.message().contains("Learning rate 100.0 is too high for Adam"), outcome.message());
        assertTrue(outcome.message().contains("at epoch 1, iteration 25"), outcome.message());
    }

    @Test
    void reasonableLearningRatesAreNotMistakenForACollapse() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        for (double lr : new double[] {1e-4, 1e-3, 3e-3}) {
            ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(64), 2, LossKind.BCE, lr, 0);
            assertEquals(1, train(spec, data, 1, 3).size(), "lr " + lr);
        }
    }

    @Test
    void stopRequestEndsTheRunWithinOneBatch() throws Exception {
        DatasetSplit data = TestData.digits(2000, 200);
        ModelSpec spec = ModelSpec.defaults();
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        List<Long> iterations = new ArrayList<>();
        boolean[] stop = {false};
        Trainer.Listener listener = new Trainer.Listener() {
            @Override public void onIteration(long i, int e, double p, double l, double s) {
                iterations.add(i);
                if (i == 5) stop[0] = true;
            }
            @Override public void onEpoch(EpochRecord r) { }
        };
        Trainer.Control control = new Trainer.Control() {
            @Override public boolean stopRequested() { return stop[0]; }
            @Override public void awaitIfPaused() { }
        };
        Trainer.Outcome outcome = new Trainer(model, data, new TrainingConfig(spec, 5, 32, 1), new TrainingHistory())
                .run(listener, control);
        assertEquals(RunStatus.STOPPED, outcome.status());
        assertEquals(5, iterations.size());
    }
}
