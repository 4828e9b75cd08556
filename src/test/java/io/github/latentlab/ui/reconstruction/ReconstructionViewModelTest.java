package io.github.latentlab.ui.reconstruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.model.ModelKind;
import io.github.latentlab.ui.PaneTestApp;

/** The reconstruction pane's view model without a window: originals before a model, reconstructions after, a failure said. */
class ReconstructionViewModelTest {
    private final PaneTestApp t = new PaneTestApp();
    private final ReconstructionViewModel vm = new ReconstructionViewModel(t.app);

    @AfterEach
    void close() { t.close(); }

    @Test
    void originalsFirstThenReconstructionsOfTheChosenClass() {
        vm.refresh();
        assertNull(vm.resultProperty().get().reconstructions(), "no model yet");
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        ReconstructionViewModel.Result r = vm.resultProperty().get();
        assertEquals(r.originals().length, r.reconstructions().length);
        vm.classFilterProperty().set(3);
        for (int i : vm.resultProperty().get().indices()) assertEquals(3, PaneTestApp.DATA.test().label(i));
    }

    @Test
    void aBrokenModelIsReportedInTheSummary() {
        t.showBroken(PaneTestApp.model(ModelKind.AE, 4));
        assertTrue(vm.summaryProperty().get().startsWith("Could not reconstruct: "), vm.summaryProperty().get());
    }
}
