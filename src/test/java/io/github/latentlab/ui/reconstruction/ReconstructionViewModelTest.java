package io.github.latentlab.ui.reconstruction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.projection.CodeImages;
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
    void codesAreShownBetweenImagesAndReconstructionsOnOneGreyScaleWithTheirNumbers() {
        vm.refresh();
        vm.showCodesProperty().set(true);
        assertNull(vm.codeImages(), "no codes before a model");
        TrainableAutoencoder vae = PaneTestApp.model(ModelKind.VAE, 8);
        t.show(vae);
        ReconstructionViewModel.Result r = vm.resultProperty().get();
        CodeImages codes = vm.codeImages();
        assertEquals(2, codes.rows(), "8 numbers as 2×4");
        assertEquals(4, codes.cols());
        assertEquals(r.indices().length, codes.images().length);
        float[][] mu = vae.encode(r.originals());
        assertArrayEquals(mu[0], r.codes()[0], 1e-5f, "a VAE's code is its μ");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] c : mu) for (float v : c) { min = Math.min(min, v); max = Math.max(max, v); }
        assertEquals(min, codes.min(), 1e-5, "one scale for the whole row");
        assertEquals(max, codes.max(), 1e-5);
        String tip = vm.codeTips().get(0);
        assertTrue(tip.contains("z₁ ") && tip.contains("z₈ "), tip);
        assertTrue(tip.contains(String.format(Locale.ROOT, "%.2f", r.codes()[0][7])), tip);

        vm.codeRowsProperty().set(1);
        assertEquals(8, vm.codeImages().cols(), "a stated shape");
        vm.showCodesProperty().set(false);
        assertNull(vm.codeImages());
        assertNull(vm.codeTips());
    }

    @Test
    void aBrokenModelIsReportedInTheSummary() {
        t.showBroken(PaneTestApp.model(ModelKind.AE, 4));
        assertTrue(vm.summaryProperty().get().startsWith("Could not reconstruct: "), vm.summaryProperty().get());
    }
}
