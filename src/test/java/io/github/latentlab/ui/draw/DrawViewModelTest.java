package io.github.latentlab.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.model.ModelKind;
import io.github.latentlab.ui.PaneTestApp;
import io.github.latentlab.ui.latent.LatentViewModel;

/** The draw pane's view model without a window: a drawing reconstructed, a bad file and a broken model reported. */
class DrawViewModelTest {
    private final PaneTestApp t = new PaneTestApp();
    private final DrawViewModel vm = new DrawViewModel(t.app, new LatentViewModel(t.app));

    @AfterEach
    void close() { t.close(); }

    @Test
    void aDrawingIsReconstructedWithItsNearestTrainingImages() {
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        vm.activeProperty().set(true);
        vm.setImage(PaneTestApp.DATA.test().image(0));
        DrawViewModel.Result r = vm.resultProperty().get();
        assertNotNull(r.reconstruction());
        assertEquals(784, r.reconstruction().length);
        assertTrue(vm.messageProperty().get().startsWith("Reconstruction PSNR"), vm.messageProperty().get());
    }

    @Test
    void aFileThatIsNotAnImageAndABrokenModelAreReported(@TempDir Path dir) throws Exception {
        t.show(PaneTestApp.model(ModelKind.AE, 4));
        vm.activeProperty().set(true);
        Path notImage = Files.writeString(dir.resolve("notes.png"), "these are notes, not pixels");
        vm.load(notImage);
        assertTrue(vm.messageProperty().get().startsWith("Could not read notes.png: "), vm.messageProperty().get());

        t.showBroken(PaneTestApp.model(ModelKind.AE, 4));
        vm.setImage(PaneTestApp.DATA.test().image(1));
        assertEquals("Could not reconstruct: the model's natives failed", vm.messageProperty().get());
    }
}
