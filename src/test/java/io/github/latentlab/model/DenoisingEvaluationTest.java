package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;

@Tag("slow")
class DenoisingEvaluationTest {
    @Test
    void denoisingModelTrainedOnSigmaPointFourBeatsItsNoisyInputOnHeldOutImages() throws Exception {
        DatasetSplit data = TestData.digits(4000, 300);
        ModelSpec spec = new ModelSpec(ModelKind.DAE, List.of(256), 32, LossKind.BCE, 2e-3, 0.4);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        Trainer.Outcome outcome = new Trainer(model, data, new TrainingConfig(spec, 4, 64, 1), new TrainingHistory())
                .run(new Trainer.Listener() {
                    @Override public void onIteration(long i, int e, double p, double l, double s) { }
                    @Override public void onEpoch(EpochRecord r) { }
                }, Trainer.Control.NONE);
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        DenoisingEvaluation e = DenoisingEvaluation.of(model, data.test(), new NoiseSpec(NoiseKind.GAUSSIAN, 0.4), 9, 300);
        assertEquals(300, e.images());
        assertTrue(e.denoisedPsnr() > e.noisyPsnr() + 3, "PSNR noisy " + e.noisyPsnr() + " → denoised " + e.denoisedPsnr());
        assertTrue(e.denoisedSsim() > e.noisySsim(), "SSIM noisy " + e.noisySsim() + " → denoised " + e.denoisedSsim());
    }
}
