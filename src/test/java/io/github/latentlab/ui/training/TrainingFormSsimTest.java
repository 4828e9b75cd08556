package io.github.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;

/** The Train tab's form and the MSE + SSIM loss: its weight reaches the spec, and a VAE falls back to MSE. */
class TrainingFormSsimTest {
    @Test
    void theSsimWeightReachesTheSpecAndComesBackFromASavedModel() {
        TrainingForm form = new TrainingForm("builtin-digits");
        form.lossProperty().set(LossKind.MSE_SSIM);
        form.ssimWeightProperty().set(0.3);
        ModelSpec spec = form.spec();
        assertEquals(LossKind.MSE_SSIM, spec.loss());
        assertEquals(0.3, spec.ssimWeight());

        TrainingForm other = new TrainingForm("builtin-digits");
        other.fill(new ModelMetadata(spec, 784, "builtin-digits", "", 1, 64, List.of(), List.of(), Instant.now(), "test"));
        assertEquals(LossKind.MSE_SSIM, other.lossProperty().get());
        assertEquals(0.3, other.ssimWeightProperty().get());
    }

    @Test
    void choosingAVaeTurnsMsePlusSsimBackIntoMse() {
        TrainingForm form = new TrainingForm("builtin-digits");
        form.lossProperty().set(LossKind.MSE_SSIM);
        form.kindProperty().set(ModelKind.CONV);
        assertEquals(LossKind.MSE_SSIM, form.lossProperty().get(), "a conv model takes it");
        form.kindProperty().set(ModelKind.VAE);
        assertEquals(LossKind.MSE, form.lossProperty().get());
        assertEquals(LossKind.MSE, form.spec().loss());
    }
}
