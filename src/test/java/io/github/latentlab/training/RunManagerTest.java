package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.ChineseWords;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

/** The run manager without a window: queue, folders, stop, resume, listing folders, a run's model. */
class RunManagerTest {
    private static final DatasetSplit DATA = TestData.digits(320, 100);
    private static final ModelSpec SPEC = new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0);

    @TempDir Path root;
    private final TrainingService service = new TrainingService();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private RunManager manager;

    private RunManager manager(Path runsRoot, RunManager.DataLoader loader) {
        RunManager m = new RunManager(runsRoot, loader, service);
        m.addListener(new RunManager.Listener() {
            @Override public void started(Run run, RunManager.Start start) { heard.add("started " + run.name()); }

            @Override public void ended(Run run, Trainer.Outcome outcome) { heard.add("ended " + run.name() + " " + outcome.status()); }

            @Override public void failed(Run run, String message, Throwable cause) { heard.add("failed " + run.name()); }
        });
        return m;
    }

    private static DatasetSplit digits(String id, String testId, Progress p, Cancellation c) {
        return DATA;
    }

    private Run run(RunManager m, String name, int epochs) {
        return m.newRun(name, DATA.id(), null, new TrainingConfig(SPEC, epochs, 64, 7));
    }

    @AfterEach
    void close() {
        if (manager != null) manager.close();
        service.close();
    }

    @Test
    void queuedRunsTrainOneAfterAnotherEachInItsFolder() throws Exception {
        manager = manager(root, RunManagerTest::digits);
        Run first = run(manager, "first", 2);
        Run second = run(manager, "second", 1);
        CompletableFuture<Trainer.Outcome> a = manager.submit(first);
        CompletableFuture<Trainer.Outcome> b = manager.submit(second);
        assertEquals(List.of(second, first), manager.runs(), "newest first");

        assertEquals(RunStatus.FINISHED, b.get(2, TimeUnit.MINUTES).status());
        assertEquals(RunStatus.FINISHED, a.get().status());
        assertEquals(List.of("started first", "ended first finished", "started second", "ended second finished"), heard);
        assertEquals(2, first.history().epochsDone());
        assertEquals(RunStatus.FINISHED, Checkpoints.open(first.checkpoints().folder()).plan().status());
        assertTrue(Files.exists(first.checkpoints().folder().resolve("epoch-0002.llab")));
        assertEquals(root, second.checkpoints().folder().getParent());
        assertFalse(manager.busy());
    }

    @Test
    void aRunStoppedWhileItsDataLoadsEndsStoppedAndTheNextStarts() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        manager = manager(root, (id, testId, p, cancel) -> {
            loading.countDown();
            while (!cancel.isCancelled()) Thread.onSpinWait();
            cancel.check();
            return DATA;
        });
        Run slow = run(manager, "slow", 1);
        CompletableFuture<Trainer.Outcome> outcome = manager.submit(slow);
        assertTrue(loading.await(30, TimeUnit.SECONDS));
        manager.stop();
        Trainer.Outcome o = outcome.get(30, TimeUnit.SECONDS);
        assertEquals(RunStatus.STOPPED, o.status());
        assertEquals("stopped before it started", slow.message());
        assertEquals(List.of("ended slow stopped"), heard);
    }

    @Test
    void aRunWhoseDataFailsIsReportedAndTheQueueGoesOn() throws Exception {
        manager = manager(root, (id, testId, p, c) -> {
            if (id.equals("missing")) throw new IOException("no such dataset: missing");
            return DATA;
        });
        Run broken = manager.newRun("broken", "missing", null, new TrainingConfig(SPEC, 1, 64, 7));
        CompletableFuture<Trainer.Outcome> failed = manager.submit(broken);
        CompletableFuture<Trainer.Outcome> next = manager.submit(run(manager, "next", 1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(1, TimeUnit.MINUTES));
        assertTrue(e.getCause().getMessage().contains("no such dataset"));
        assertTrue(broken.message().contains("no such dataset"), broken.message());
        assertEquals(RunStatus.FINISHED, next.get(2, TimeUnit.MINUTES).status());
        assertEquals(List.of("failed broken", "started next", "ended next finished"), heard);
    }

    /** Why a run could not start reaches the window as words it shows in its language; the run folder keeps English. */
    @Test
    void whyARunCouldNotStartReadsInChineseToo() throws Exception {
        manager = manager(root, (id, testId, p, c) -> {
            throw new Problems.BadInput(Message.of("data.error.folder.notFolder", "/nowhere"));
        });
        List<Message> told = new CopyOnWriteArrayList<>();
        manager.addListener(new RunManager.Listener() {
            @Override public void failed(Run run, Message message, Throwable cause) { told.add(message); }
        });
        Run broken = manager.newRun("broken", "folder:/nowhere", null, new TrainingConfig(SPEC, 1, 64, 7));
        assertThrows(ExecutionException.class, () -> manager.submit(broken).get(1, TimeUnit.MINUTES));
        assertEquals("could not start: Not a folder: /nowhere", broken.message());
        assertEquals(List.of("broken 无法开始：不是文件夹：/nowhere"), told.stream().map(ChineseWords::of).toList());
        assertEquals(List.of("failed broken"), heard); // listeners that take text get the English
    }

    @Test
    void aStoppedRunResumesWithItsHistoryAndAFinishedOneOnlyForMoreEpochs() throws Exception {
        manager = manager(root, RunManagerTest::digits);
        Run run = run(manager, "resumable", 3);
        manager.addListener(new RunManager.Listener() {
            @Override public void trainingEvent(Run r, TrainingEvent e) {
                if (e.type() == TrainingEvent.Type.EPOCH) manager.stop(); // stops after its first epoch
            }
        });
        assertEquals(RunStatus.STOPPED, manager.submit(run).get(2, TimeUnit.MINUTES).status());
        assertEquals(1, run.history().epochsDone());
        assertTrue(run.resumable());

        RunManager other = manager(root, RunManagerTest::digits); // as a later session would
        Run again = other.open(root, 10).get().added().get(0);
        assertEquals(RunStatus.STOPPED, again.status());
        assertEquals(3, again.targetEpochs());
        Trainer.Outcome o = other.resume(again, new ResumeRequest(5e-4, 0)).get(2, TimeUnit.MINUTES);
        other.close();
        assertEquals(RunStatus.FINISHED, o.status());
        assertEquals(3, again.history().epochsDone());
        assertEquals(5e-4, ModelStore.readMetadata(again.checkpoints().latestFile()).spec().learningRate(), 1e-12,
                "it went on at the rate asked for");
        assertThrows(IllegalArgumentException.class, () -> manager.resume(again, ResumeRequest.asPlanned()),
                "a finished run has its epochs");
    }

    @Test
    void runsOfAnyFolderAreListedOnceAndADamagedOneIsNamed() throws Exception {
        Path elsewhere = root.resolve("elsewhere");
        manager = manager(elsewhere, RunManagerTest::digits);
        manager.submit(run(manager, "trained elsewhere", 1)).get(2, TimeUnit.MINUTES);
        Path damaged = Files.createDirectories(elsewhere.resolve("2026-01-01_00-00-00-damaged"));
        Files.writeString(damaged.resolve("run.json"), "{ not json");

        RunManager app = manager(root.resolve("default"), RunManagerTest::digits);
        RunManager.Listing listing = app.open(elsewhere, 100).get();
        assertEquals(1, listing.added().size());
        assertEquals("trained elsewhere", listing.added().get(0).name());
        assertEquals(1, listing.damaged().size());
        assertTrue(listing.damaged().get(0).startsWith("2026-01-01_00-00-00-damaged: "), listing.damaged().toString());
        assertTrue(app.open(elsewhere, 100).get().added().isEmpty(), "listed once");
        Run one = listing.added().get(0);
        assertTrue(app.open(one.checkpoints().folder(), 1).get().added().isEmpty(), "a run's own folder opens it");

        TrainableAutoencoder model = app.modelOf(one).get(1, TimeUnit.MINUTES);
        assertNotNull(model);
        assertSame(RunStatus.FINISHED, one.status());
        app.close();
    }

    @Test
    void aQueuedRunHasNoModelAndDeletingItDropsItFromTheQueue() throws Exception {
        manager = manager(root, RunManagerTest::digits);
        Run training = run(manager, "long", 50);
        Run queued = run(manager, "queued", 1);
        CompletableFuture<Trainer.Outcome> first = manager.submit(training);
        manager.submit(queued);
        ExecutionException e = assertThrows(ExecutionException.class, () -> manager.modelOf(queued).get());
        assertTrue(e.getCause().getMessage().contains("queued"));
        assertEquals(1, manager.delete(List.of(queued)).get());
        assertEquals(List.of(training), manager.runs());
        manager.stop();
        assertEquals(RunStatus.STOPPED, first.get(2, TimeUnit.MINUTES).status());
        assertFalse(heard.contains("started queued"), heard.toString());
    }
}
