package io.github.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.TestUiThread;
import io.github.latentlab.ui.fx.SameThreadTaskRunner;

/** The Train tab's view model without a window: a run from the form, its curves, and a failure reaching the user. */
class TrainingViewModelTest {
    @TempDir Path runs;
    private final TestUiThread ui = new TestUiThread();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private AppState app;
    private TrainingViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        app = new AppState(new DatasetCatalog(), new TrainingService(), new SameThreadTaskRunner(errors::add), ui, runs);
        ui.run(() -> {
            app.dataProperty().set(TestData.digits(256, 64));
            vm = new TrainingViewModel(app, errors::add);
            TrainingForm form = vm.form();
            form.datasetIdProperty().set("test-digits");
            form.kindProperty().set(ModelKind.AE);
            form.hiddenProperty().set("32");
            form.latentProperty().set(4);
            form.epochsProperty().set(2);
            form.batchProperty().set(64);
        });
        // after the view model's own listener, so that what it hands to the UI thread is queued first
        app.runs().addListener(new RunManager.Listener() {
            @Override public void ended(Run run, Trainer.Outcome outcome) { ended.countDown(); }

            @Override public void failed(Run run, String message, Throwable cause) { ended.countDown(); }
        });
    }

    @AfterEach
    void tearDown() {
        app.close();
        ui.close();
    }

    @Test
    void startTrainsARunFromTheFormAndDrawsItsCurves() throws Exception {
        ui.run(vm::start);
        assertEquals(TrainingViewModel.State.LOADING, ui.call(vm::getState), "busy from the click on");
        assertTrue(ended.await(2, TimeUnit.MINUTES));
        assertEquals(TrainingViewModel.State.IDLE, ui.call(vm::getState));
        assertEquals(2, ui.call(() -> vm.testCurve().size()));
        assertFalse(ui.call(() -> vm.trainCurve().isEmpty()));
        assertTrue(ui.call(() -> vm.progressTextProperty().get()).startsWith("Done: 2 epochs"),
                ui.call(() -> vm.progressTextProperty().get()));
        assertNotNull(ui.call(app::model));
        Run run = app.runs().runs().get(0);
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals(runs, run.checkpoints().folder().getParent());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aRunWhoseDataCannotLoadSaysSoAndLeavesTheFormIdle() throws Exception {
        ui.run(() -> vm.form().datasetIdProperty().set("idx:/no/such/images,/no/such/labels"));
        ui.run(vm::start);
        assertTrue(ended.await(1, TimeUnit.MINUTES));
        assertEquals(TrainingViewModel.State.IDLE, ui.call(vm::getState));
        String message = ui.call(() -> vm.messageProperty().get());
        assertTrue(message.contains("could not start"), message);
        assertEquals(1, errors.size(), "the error dialog is shown once");
    }

    @Test
    void aBadSettingIsNamedAndNothingStarts() throws Exception {
        ui.run(() -> {
            vm.form().hiddenProperty().set("256, lots");
            vm.start();
        });
        assertEquals(TrainingViewModel.State.IDLE, ui.call(vm::getState));
        assertTrue(ui.call(() -> vm.messageProperty().get()).contains("'256, lots'"));
        assertTrue(app.runs().runs().isEmpty());
    }
}
