package io.github.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.model.ModelKind;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.PaneTestApp;

/** The latent pane's view model without a window: a map, a drag, a pick, and failures in plain words. */
class LatentViewModelTest {
    private final PaneTestApp t = new PaneTestApp();
    private final LatentViewModel vm = new LatentViewModel(t.app);

    @AfterEach
    void close() { t.close(); }

    @Test
    void aPcaMapIsDrawnAndADragDecodesTheCodeUnderIt() throws Exception {
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        vm.pointsProperty().set(100);
        vm.compute().get();
        LatentMap map = vm.mapProperty().get();
        assertNotNull(map);
        assertEquals(100, map.codes().length);
        assertTrue(vm.statusProperty().get().startsWith("PCA: "), vm.statusProperty().get());
        double[] p = map.embedding().xy()[3];
        vm.decodeAt(p[0], p[1]);
        assertEquals(784, vm.decodedProperty().get().image().length);
        vm.pick(p[0], p[1]);
        assertEquals(3, vm.selectedProperty().get());
        assertEquals(LatentViewModel.NEIGHBOURS, vm.neighboursProperty().get().byCode().length);
        assertEquals(4, vm.histograms().length);
    }

    @Test
    void aTwoDimensionalCodeIsShownAsItselfWithADecodedGrid() {
        t.show(PaneTestApp.model(ModelKind.VAE, 2));
        vm.activeProperty().set(true); // the pane shown: a fast map is made at once
        assertEquals(MapMethod.IDENTITY, vm.methodProperty().get());
        assertNotNull(vm.mapProperty().get());
        vm.computeManifold(6, 1);
        assertEquals(36, vm.manifoldProperty().get().images().length);
    }

    @Test
    void aMapThatCannotBeMadeSaysWhy() throws Exception {
        t.show(PaneTestApp.model(ModelKind.AE, 8));
        vm.methodProperty().set(MapMethod.IDENTITY);
        vm.compute().get();
        assertNull(vm.mapProperty().get());
        assertTrue(vm.statusProperty().get().contains("only be drawn for a 2-D code"));

        t.showBroken(PaneTestApp.model(ModelKind.AE, 8));
        vm.methodProperty().set(MapMethod.PCA);
        vm.compute().handle((v, e) -> v).get();
        assertEquals("Could not project: the model's natives failed", vm.statusProperty().get());
    }
}
