package io.github.latentlab.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.OpenMpPools;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

/**
 * The runs a user has, and the one that trains. It lists the runs of a runs folder (and of any
 * other folder opened), queues runs and trains them one at a time on the {@link TrainingService}:
 * loading their data, building or resuming their model, keeping their folder's {@code run.json}
 * in step with how they stand, and starting the next queued run when one ends. Other panes get a
 * run's model through {@link #modelOf}. The app and the {@code train} command both work through it.
 *
 * <p>Threads: its methods may be called from any thread. Preparing a run (data, model, folder)
 * happens on its own worker thread, training on the service's thread; {@link Listener}s are called
 * on those threads and hand over to their own (the app's view models to the FX thread).
 */
public final class RunManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);
    /** Runs listed from one folder at most; older ones stay on disk. */
    static final int MAX_LISTED = 200;

    /** Loads a dataset by catalog id; {@code DatasetCatalog::load} is one. */
    @FunctionalInterface
    public interface DataLoader {
        DatasetSplit load(String id, String testId, Progress progress, Cancellation cancel) throws Exception;
    }

    /** What the manager reports. Called on its worker or the training thread: hand over, do not block. */
    public interface Listener {
        /** A run was added to the list, or its status, epochs or model changed. */
        default void runChanged(Run run) { }

        default void runsRemoved(List<Run> runs) { }

        /** {@code run} is being prepared: loading data (fraction negative while unknown), building its model. */
        default void preparing(Run run, double fraction, String text) { }

        /** The same in words a window shows in its language; by default passed on in English. */
        default void preparing(Run run, double fraction, Message text) { preparing(run, fraction, text.english()); }

        /** {@code run} starts to train; {@code start.model()} belongs to the training thread from now on. */
        default void started(Run run, Start start) { }

        /** The run's timeline gained an epoch (on the training thread, once per epoch). */
        default void timelineChanged(Run run, Timeline timeline) { }

        /** One of the training run's events (on the training thread, about ten a second). */
        default void trainingEvent(Run run, TrainingEvent event) { }

        /** The run ended: finished, stopped (also before it started) or diverged and rolled back. */
        default void ended(Run run, Trainer.Outcome outcome) { }

        /** The run could not start (its data, checkpoint or folder): a message for the user, the cause for the log. */
        default void failed(Run run, String message, Throwable cause) { }

        /** The same in words a window shows in its language; by default passed on in English. */
        default void failed(Run run, Message message, Throwable cause) { failed(run, message.english(), cause); }
    }

    /**
     * A run about to train: its data, its model (the training thread's from now on) with a copy
     * views may use, its history so far, and the config it trains with now ({@code epochs} being
     * the epochs still to train).
     */
    public record Start(DatasetSplit data, TrainableAutoencoder model, TrainableAutoencoder viewCopy,
                        TrainingHistory history, TrainingConfig config) { }

    /** The runs a folder listing added, and the damaged folders it left out (name: why). */
    public record Listing(List<Run> added, List<String> damaged) { }

    private record Job(Run run, ResumeRequest resume, CompletableFuture<Trainer.Outcome> outcome) { }

    private final Path root;
    private final DataLoader data;
    private final TrainingService service;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = OpenMpPools.releasingExecutor(1, r -> {
        Thread t = new Thread(r, "latent-lab-runs");
        t.setDaemon(true);
        return t;
    });
    // guarded by this
    private final List<Run> runs = new ArrayList<>();
    private final Deque<Job> queue = new ArrayDeque<>();
    private Job current;
    private Cancellation preparing;

    /** Runs go to {@code root}; data comes from {@code data}; training happens on {@code service}. */
    public RunManager(Path root, DataLoader data, TrainingService service) {
        this.root = Objects.requireNonNull(root, "root");
        this.data = Objects.requireNonNull(data, "data");
        this.service = Objects.requireNonNull(service, "service");
    }

    public void addListener(Listener l) { listeners.add(l); }

    /** Where new runs get their folder. */
    public Path root() { return root; }

    /** The runs known, newest first (a copy). */
    public synchronized List<Run> runs() { return List.copyOf(runs); }

    /** Whether a run is being prepared or trained. */
    public synchronized boolean busy() { return current != null; }

    /** The run being prepared or trained, or null. */
    public synchronized Run currentRun() { return current == null ? null : current.run(); }

    /** A new run, not yet listed or started; {@code name} null names it after its spec. */
    public Run newRun(String name, String datasetId, String testDatasetId, TrainingConfig config) {
        return new Run(name == null ? Run.defaultName(config.spec()) : name, datasetId, testDatasetId, config,
                new TrainingHistory(), RunStatus.QUEUED);
    }

    /**
     * Lists {@code run} (first) and trains it when the runs before it in the queue are done. The
     * future completes with how it ended, or fails when it could not start.
     */
    public CompletableFuture<Trainer.Outcome> submit(Run run) {
        Job job = new Job(run, null, new CompletableFuture<>());
        synchronized (this) {
            if (!runs.contains(run)) runs.add(0, run);
            queue.add(job);
        }
        notify(l -> l.runChanged(run));
        startNextIfIdle();
        return job.outcome();
    }

    /**
     * Continues a stopped, interrupted or diverged run from its latest checkpoint (a finished one
     * when more epochs are asked for). Fails at once
     * (IllegalStateException, IllegalArgumentException) when it cannot: not resumable, training
     * busy, or no epochs asked for beyond a target it already reached.
     */
    public CompletableFuture<Trainer.Outcome> resume(Run run, ResumeRequest request) {
        int done = run.history().epochsDone();
        if (request.targetEpochs(done, run.targetEpochs()) <= done) {
            throw new Problems.BadArgument(Message.of("training.refused.hasEpochs", run.name(), run.targetEpochs()));
        }
        // a finished run can go on for more epochs than it was meant to
        if (!run.resumable() && !(run.status() == RunStatus.FINISHED && run.checkpoints() != null
                && run.checkpoints().latestFile() != null)) {
            throw new Problems.BadState(Message.of("training.refused.notResumable", run.name(), statusName(run.status())));
        }
        Job job = new Job(run, request, new CompletableFuture<>());
        synchronized (this) {
            if (current != null) throw new Problems.BadState(Message.of("training.refused.busy"));
            if (!runs.contains(run)) runs.add(0, run);
            queue.addFirst(job);
        }
        startNextIfIdle();
        return job.outcome();
    }

    public void pause() { service.pause(); }

    public void continueTraining() { service.resume(); }

    /** Stops the current run: one being prepared at once, one training after its current batch. Queued runs go on. */
    public void stop() {
        synchronized (this) {
            if (preparing != null) preparing.cancel();
        }
        service.stop();
    }

    /** Drops queued runs from the queue and the list, and deletes the folders of the others (not the current run). */
    public CompletableFuture<Integer> delete(List<Run> toDelete) {
        List<Run> removed;
        synchronized (this) {
            removed = toDelete.stream().filter(r -> current == null || r != current.run()).toList();
            runs.removeAll(removed);
            queue.removeIf(j -> removed.contains(j.run()));
        }
        notify(l -> l.runsRemoved(removed));
        return CompletableFuture.supplyAsync(() -> {
            for (Run r : removed) {
                try {
                    if (r.checkpoints() != null) r.checkpoints().delete();
                } catch (IOException e) {
                    throw new Problems.BadState(Message.of("training.deleteFailed", r.checkpoints().folder().toString(),
                            Problems.messageOf(e)), e);
                }
            }
            return removed.size();
        }, worker);
    }

    /**
     * Lists the runs in {@code folder} (a runs folder, or one run's folder) newest first, adding
     * those not listed yet. A damaged run folder is left as it is and named in the listing.
     */
    public CompletableFuture<Listing> open(Path folder, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> damaged = new ArrayList<>();
            List<Run> found = RunFolders.read(folder, Math.min(limit, MAX_LISTED), damaged);
            List<Run> added = new ArrayList<>();
            synchronized (this) {
                for (Run r : found) {
                    if (runs.stream().noneMatch(x -> x.checkpoints() != null
                            && x.checkpoints().folder().toAbsolutePath().equals(r.checkpoints().folder().toAbsolutePath()))) {
                        runs.add(r);
                        added.add(r);
                    }
                }
            }
            added.forEach(r -> notify(l -> l.runChanged(r)));
            return new Listing(added, damaged);
        }, worker);
    }

    /**
     * A private copy of a run's model: the training run's current weights (copied between two
     * batches), a run's model in memory, or its best (else latest) checkpoint read from disk.
     * Fails for a queued run and one with no checkpoint yet.
     */
    public CompletableFuture<TrainableAutoencoder> modelOf(Run run) {
        if (run == currentRun() && run.status() == RunStatus.RUNNING) return service.snapshot();
        if (run.status() == RunStatus.QUEUED) {
            return CompletableFuture.failedFuture(new Problems.BadState(Message.of("training.noModel.queued", run.name())));
        }
        TrainableAutoencoder m = run.model();
        if (m != null) return CompletableFuture.completedFuture(m.copy());
        Checkpoints c = run.checkpoints();
        if (c == null) return CompletableFuture.failedFuture(new Problems.BadState(Message.of("training.noModel", run.name())));
        return CompletableFuture.supplyAsync(() -> {
            Path file = c.bestFile() != null ? c.bestFile() : c.latestFile();
            if (file == null) throw new Problems.BadState(Message.of("training.noModel.checkpoint", run.name()));
            try {
                TrainableAutoencoder loaded = ModelStore.load(file).model();
                run.setModel(loaded);
                return loaded.copy();
            } catch (IOException e) {
                throw new Problems.BadState(Message.of("training.readFailed", file.toString(), Problems.messageOf(e)), e);
            }
        }, worker);
    }

    /**
     * A run's timeline: the one in memory, else its folder's (read on the worker), or null when it
     * has none (a run from before timelines, or queued). Fails when the file is damaged.
     */
    public CompletableFuture<Timeline> timelineOf(Run run) {
        Timeline t = run.timeline();
        if (t != null || run.checkpoints() == null) return CompletableFuture.completedFuture(t);
        Path file = run.checkpoints().timelineFile();
        return CompletableFuture.supplyAsync(() -> {
            if (!Files.isRegularFile(file)) return null;
            try {
                Timeline read = TimelineFile.read(file);
                run.setTimeline(read);
                return read;
            } catch (IOException e) {
                throw new Problems.BadState(Problems.messageOf(e), e);
            }
        }, worker);
    }

    private void startNextIfIdle() {
        Job next;
        Cancellation cancel;
        synchronized (this) {
            if (current != null || queue.isEmpty()) return;
            next = queue.poll();
            current = next;
            cancel = new Cancellation();
            preparing = cancel;
        }
        worker.execute(() -> prepareAndTrain(next, cancel));
    }

    /** On the worker: data, model, folder; then hands the run to the training service. */
    private void prepareAndTrain(Job job, Cancellation cancel) {
        Run run = job.run();
        try {
            Progress progress = Progress.throttled(Progress.ofMessages((f, text) -> notify(l -> l.preparing(run, f, text))), 100);
            progress.update(-1, Message.of("training.loading", run.datasetId()));
            DatasetSplit split = data.load(run.datasetId(), run.testDatasetId(), progress, cancel);
            cancel.check();
            progress.update(-1, Message.of(job.resume() == null ? "training.building" : "training.resuming"));
            Start start = job.resume() == null ? fresh(run, split) : resumed(run, split, job.resume());
            cancel.check();
            synchronized (this) {
                preparing = null;
            }
            run.setModel(start.model());
            run.setStatus(RunStatus.RUNNING, "");
            notify(l -> l.runChanged(run));
            notify(l -> l.started(run, start));
            TimelineRecorder timeline = new TimelineRecorder(run.checkpoints().timelineFile(), t -> {
                run.setTimeline(t);
                notify(l -> l.timelineChanged(run, t));
            });
            service.start(start.model(), split, start.config(), start.history(), run.checkpoints(), timeline,
                            e -> onEvent(run, e))
                    .whenCompleteAsync((outcome, error) -> ended(job, outcome != null ? outcome
                            : new Trainer.Outcome(RunStatus.STOPPED, run.history().epochsDone(),
                                    Message.of("training.failed", String.valueOf(error)), start.model())), worker);
        } catch (CancellationException e) {
            ended(job, new Trainer.Outcome(RunStatus.STOPPED, run.history().epochsDone(),
                    Message.of("training.stoppedBeforeStart"), run.model()));
        } catch (Exception | OutOfMemoryError e) {
            couldNotStart(job, e);
        }
    }

    private Start fresh(Run run, DatasetSplit split) throws IOException {
        TrainingConfig config = run.config();
        TrainableAutoencoder model = TrainableAutoencoder.create(config.spec(), split.train().pixelCount(), config.seed());
        if (run.checkpoints() == null) {
            run.setCheckpoints(Checkpoints.create(root, new RunPlan(run.name(), run.datasetId(), run.testDatasetId(),
                    run.targetEpochs(), config.batchSize(), config.seed(), RunStatus.RUNNING, "")));
        }
        return new Start(split, model, model.copy(), run.history(), config);
    }

    /** The latest checkpoint with the request's rate; the run's history becomes the checkpoint's. */
    private Start resumed(Run run, DatasetSplit split, ResumeRequest request) throws IOException {
        ResumePoint point = request.apply(ResumePoint.latest(run.checkpoints()), run.status());
        int done = point.epochsDone();
        run.history().replaceWith(point.history().epochs(), point.history().points());
        run.setTargetEpochs(Math.max(done + 1, request.targetEpochs(done, run.targetEpochs())));
        Checkpoints folder = run.checkpoints();
        folder.updatePlan(folder.plan().withTargetEpochs(run.targetEpochs()).withStatus(RunStatus.RUNNING, ""));
        TrainingConfig config = new TrainingConfig(point.spec(), run.targetEpochs() - done, run.config().batchSize(),
                run.config().seed());
        return new Start(split, point.model(), point.model().copy(), run.history(), config);
    }

    private void onEvent(Run run, TrainingEvent e) {
        notify(l -> l.trainingEvent(run, e));
        if (e.type() == TrainingEvent.Type.EPOCH) notify(l -> l.runChanged(run));
    }

    /** On the worker: records how the run ended in its folder, tells listeners, starts the next queued run. */
    private void ended(Job job, Trainer.Outcome outcome) {
        Run run = job.run();
        run.setStatus(outcome.status(), outcome.message());
        if (outcome.model() != null) run.setModel(outcome.model());
        Checkpoints folder = run.checkpoints();
        if (folder != null) {
            try {
                folder.updatePlan(folder.plan().withTargetEpochs(run.targetEpochs())
                        .withStatus(outcome.status(), outcome.message()));
            } catch (IOException e) {
                LOG.warn("could not update {}", folder.folder(), e);
            }
        }
        finishJob(job);
        notify(l -> l.runChanged(run));
        notify(l -> l.ended(run, outcome));
        job.outcome().complete(outcome);
        startNextIfIdle();
    }

    private void couldNotStart(Job job, Throwable error) {
        Run run = job.run();
        LOG.warn("run {} could not start", run.name(), error);
        Message why = Problems.messageOf(error);
        // a run resumed keeps its status (it can be tried again); a new one never trained
        run.setStatus(job.resume() != null ? run.status() : RunStatus.STOPPED, Message.of("training.couldNotStart", why).english());
        finishJob(job);
        notify(l -> l.runChanged(run));
        notify(l -> l.failed(run, Message.of("training.runCouldNotStart", run.name(), why), error));
        job.outcome().completeExceptionally(error);
        startNextIfIdle();
    }

    /** How the window names a run's status ({@code enum.RunStatus.*}, whose English is the status's own word). */
    static Message statusName(RunStatus status) {
        return Message.of(switch (status) {
            case QUEUED -> "enum.RunStatus.QUEUED";
            case RUNNING -> "enum.RunStatus.RUNNING";
            case FINISHED -> "enum.RunStatus.FINISHED";
            case STOPPED -> "enum.RunStatus.STOPPED";
            case DIVERGED -> "enum.RunStatus.DIVERGED";
            case INTERRUPTED -> "enum.RunStatus.INTERRUPTED";
        });
    }

    private synchronized void finishJob(Job job) {
        if (current == job) {
            current = null;
            preparing = null;
        }
    }

    private void notify(Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed", e);
            }
        }
    }

    /** Stops any training and the worker. */
    @Override
    public void close() {
        stop();
        worker.shutdownNow();
    }
}
