package io.github.latentlab.ui.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.PaneTestApp;
import io.github.latentlab.ui.latent.LatentViewModel;

/** The noise pane's view model without a window: rows, the quality curve, the trail, and failures reaching the user. */
class NoiseViewModelTest {
    private final PaneTestApp t = new PaneTestApp();
    private final LatentViewModel latent = new LatentViewModel(t.app);
    private final NoiseViewModel vm = new NoiseViewModel(t.app, latent);

    @AfterEach
    void close() { t.close(); }

    @Test
    void rowsCurveAndTrailFollowTheNoise() {
        t.show(PaneTestApp.model(ModelKind.DAE, 4));
        vm.activeProperty().set(true);
        vm.kindProperty().set(NoiseKind.SALT_PEPPER);
        vm.levelProperty().set(0.2);
        assertEquals(NoiseViewModel.COUNT, vm.resultProperty().get().denoised().length);
        assertTrue(vm.summaryProperty().get().contains("denoised"), vm.summaryProperty().get());
        assertEquals(NoiseViewModel.CURVE_STEPS, vm.curve().size());
        assertEquals(0, vm.curve().get(0).level());
        assertTrue(Double.isNaN(vm.curve().get(0).otherPsnr()), "no compared run");
        assertNotNull(vm.trailProperty().get(), "placed on the latent pane's map");
    }

    @Test
    void aComparedRunWithoutAModelAndABrokenModelAreReported() {
        t.show(PaneTestApp.model(ModelKind.DAE, 4));
        vm.activeProperty().set(true);
        Run queued = new Run("queued run", "test-digits",
                new TrainingConfig(PaneTestApp.model(ModelKind.AE, 4).spec(), 1, 64, 1), new TrainingHistory(),
                RunStatus.QUEUED);
        vm.compareRunProperty().set(queued);
        assertTrue(vm.curveStatusProperty().get().startsWith("Could not compute the curve: ")
                && vm.curveStatusProperty().get().contains("queued"), vm.curveStatusProperty().get());

        vm.compareRunProperty().set(null);
        t.showBroken(PaneTestApp.model(ModelKind.DAE, 4));
        assertEquals("Could not compute: the model's natives failed", vm.summaryProperty().get());
        assertEquals(List.of(), t.errors, "reported in the pane, not as a dialog");
    }
}
