package io.github.latentlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunSettings;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.TestUiThread;
import io.github.latentlab.ui.fx.SameThreadTaskRunner;

/** The Runs tab's view model without a window: earlier runs, another runs folder, damaged folders, delete. */
class RunsViewModelTest {
    private static final DatasetSplit DATA = TestData.digits(256, 64);
    private static final ModelSpec SPEC = new ModelSpec(ModelKind.AE, List.of(16), 2, LossKind.MSE, 1e-3, 0);

    @TempDir Path home;
    private final TestUiThread ui = new TestUiThread();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private AppState app;
    private RunsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        app = new AppState(new DatasetCatalog(), new TrainingService(), new SameThreadTaskRunner(errors::add), ui,
                home.resolve("runs"));
        ui.run(() -> vm = new RunsViewModel(app, () -> new RunSettings("test-digits", 1, 64, 3, 1e-3),
                new CompareViewModel(app), errors::add));
    }

    @AfterEach
    void tearDown() {
        app.close();
        ui.close();
    }

    /** Trains a one-epoch run into {@code root}, as another session or {@code train --runs} would. */
    private static Path trainedRunIn(Path root, String name) throws Exception {
        try (TrainingService service = new TrainingService();
             RunManager other = new RunManager(root, (id, testId, p, c) -> DATA, service)) {
            Run run = other.newRun(name, "test-digits", null, new TrainingConfig(SPEC, 1, 64, 5));
            assertEquals(RunStatus.FINISHED, other.submit(run).get(2, TimeUnit.MINUTES).status());
            return run.checkpoints().folder();
        }
    }

    /** Waits for the listing handed to the UI thread: polls the manager's worker through a second listing. */
    private void settle() throws Exception {
        app.runs().open(home.resolve("nothing-here"), 1).get(1, TimeUnit.MINUTES);
        ui.run(() -> { });
        ui.run(() -> { }); // the listing's own hand-over, queued by the worker before the second listing ended
    }

    @Test
    void earlierRunsAreListedAndADamagedFolderIsNamed() throws Exception {
        trainedRunIn(home.resolve("runs"), "earlier");
        Path damaged = Files.createDirectories(home.resolve("runs").resolve("2020-01-01_00-00-00-broken"));
        Files.writeString(damaged.resolve("run.json"), "[1, 2");
        ui.run(vm::loadEarlierRuns);
        settle();
        assertEquals(List.of("earlier"), ui.call(() -> vm.runs().stream().map(Run::name).toList()));
        String message = ui.call(() -> vm.messageProperty().get());
        assertTrue(message.startsWith("1 run folder was not listed because it is damaged (2020-01-01_00-00-00-broken: "),
                message);
        assertTrue(Files.exists(damaged.resolve("run.json")), "a damaged folder is left as it is");
    }

    @Test
    void runsOfAnotherFolderOpenAndCanBeDeleted() throws Exception {
        Path folder = trainedRunIn(home.resolve("elsewhere"), "from the command line");
        ui.run(() -> vm.openFolder(home.resolve("elsewhere")));
        settle();
        Run run = ui.call(() -> vm.runs().get(0));
        assertEquals("from the command line", run.name());
        assertTrue(ui.call(() -> vm.messageProperty().get()).startsWith("Listed 1 run from "));
        assertFalse(run.resumable(), "a finished run");

        ui.run(() -> vm.resume(run));
        assertTrue(ui.call(() -> vm.messageProperty().get()).endsWith("is finished: there is nothing to resume"),
                "a run that cannot resume says why instead of failing silently");

        ui.run(() -> vm.delete(List.of(run)));
        settle();
        assertTrue(ui.call(() -> vm.runs().isEmpty()));
        assertFalse(Files.exists(folder));
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
