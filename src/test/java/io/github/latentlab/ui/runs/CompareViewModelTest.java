package io.github.latentlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.fx.SameThreadTaskRunner;

/** The comparison view model under plain JUnit: no window, background work on the test's thread. */
class CompareViewModelTest {
    private final List<Throwable> errors = new ArrayList<>();
    private AppState app;
    private CompareViewModel vm;
    private final ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(16), 4, LossKind.MSE, 1e-3, 0);

    @BeforeEach
    void setUp() {
        app = new AppState(new DatasetCatalog(), new TrainingService(), new SameThreadTaskRunner(errors::add), Runnable::run);
        app.dataProperty().set(TestData.digits(200, 40));
        vm = new CompareViewModel(app);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private Run finishedRun(String name, long seed, double... testMse) {
        TrainingHistory h = new TrainingHistory();
        for (int e = 0; e < testMse.length; e++) {
            h.addEpoch(new EpochRecord(e + 1, 0.1, testMse[e], testMse[e], 1, 1000));
            h.addPoint(new LossPoint(e + 1, e + 1.0, 0.1 / (e + 1)));
        }
        Run run = new Run(name, "builtin-digits", new TrainingConfig(spec, testMse.length, 32, seed), h, RunStatus.FINISHED);
        run.setModel(DenseAutoencoder.create(spec, 784, seed));
        return run;
    }

    @Test
    void twoRunsGiveTwoCurvesAndTheSameImagesReconstructedByEach() {
        vm.compare(List.of(finishedRun("a", 1, 0.05, 0.04), finishedRun("b", 2, 0.06, 0.03, 0.02)));
        assertEquals(2, vm.curves().size());
        assertArrayEquals(new double[] {0.06, 0.03, 0.02}, vm.curves().get(1).y());
        CompareViewModel.Result r = vm.resultProperty().get();
        assertNotNull(r);
        assertEquals(2, r.rows().size());
        for (CompareViewModel.RunRow row : r.rows()) {
            assertEquals(CompareViewModel.IMAGES, row.reconstructions().length);
            assertTrue(row.mse() > 0 && Double.isFinite(row.psnr()), row.toString());
        }
        assertTrue(vm.statusProperty().get().startsWith("Same 8 test images"), vm.statusProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void switchingTheMeasureRedrawsTheCurvesFromTheTrainingLoss() {
        vm.compare(List.of(finishedRun("a", 1, 0.05, 0.04)));
        vm.measureProperty().set(CompareViewModel.Measure.TRAIN_LOSS);
        assertArrayEquals(new double[] {1.0, 2.0}, vm.curves().get(0).x());
    }

    @Test
    void aQueuedRunHasNoRowYetAndTheStatusSaysSo() {
        Run queued = new Run("later", "builtin-digits", new TrainingConfig(spec, 2, 32, 3), new TrainingHistory(), RunStatus.QUEUED);
        vm.compare(List.of(finishedRun("a", 1, 0.05), queued));
        CompareViewModel.Result r = vm.resultProperty().get();
        assertNull(r.rows().get(1).reconstructions());
        assertTrue(vm.statusProperty().get().contains("no model yet"), vm.statusProperty().get());
    }

    @Test
    void noisyInputsAreNamedAndDifferFromTheCleanOnes() {
        vm.noiseLevelProperty().set(0.4);
        vm.compare(List.of(finishedRun("a", 1, 0.05)));
        CompareViewModel.Result r = vm.resultProperty().get();
        assertEquals("Gaussian 0.4", r.noise()); // the noise as the window names it
        assertTrue(!java.util.Arrays.equals(r.clean()[0], r.inputs()[0]));
    }

    @Test
    void withoutDataThereIsNoResult() {
        app.dataProperty().set(null);
        vm.compare(List.of(finishedRun("a", 1, 0.05)));
        assertNull(vm.resultProperty().get());
        assertEquals(1, vm.curves().size());
    }
}
