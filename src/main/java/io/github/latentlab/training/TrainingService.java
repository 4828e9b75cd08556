package io.github.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.util.Message;

/**
 * Runs one training job at a time on its own background thread, with start, pause, resume and
 * stop (honoured between batches, so within one batch). Observers get {@link TrainingEvent}s on
 * the training thread, progress throttled to {@link #PROGRESS_INTERVAL_NANOS} so that a slow
 * observer cannot slow training; each event carries the loss points since the last one.
 *
 * <p>The model belongs to the training thread while a job runs: other threads ask for a copy
 * with {@link #snapshot()}, which the training thread makes between two batches.
 */
public final class TrainingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latent-lab-training");
        t.setDaemon(true);
        return t;
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unpaused = lock.newCondition();
    private final ConcurrentLinkedQueue<CompletableFuture<TrainableAutoencoder>> snapshotRequests = new ConcurrentLinkedQueue<>();
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private volatile TrainableAutoencoder current;
    private volatile CompletableFuture<Trainer.Outcome> job;

    /** Starts training; fails if a job is already running. The returned future completes with the outcome. */
    public synchronized CompletableFuture<Trainer.Outcome> start(TrainableAutoencoder model, DatasetSplit data,
            TrainingConfig config, TrainingHistory history, Consumer<TrainingEvent> listener) {
        return start(model, data, config, history, null, listener);
    }

    /** Starts training with a checkpoint per epoch in {@code checkpoints} (null: none). */
    public synchronized CompletableFuture<Trainer.Outcome> start(TrainableAutoencoder model, DatasetSplit data,
            TrainingConfig config, TrainingHistory history, Checkpoints checkpoints, Consumer<TrainingEvent> listener) {
        return start(model, data, config, history, checkpoints, null, listener);
    }

    /** As above, recording the run's timeline with {@code timeline} (null: none). */
    public synchronized CompletableFuture<Trainer.Outcome> start(TrainableAutoencoder model, DatasetSplit data,
            TrainingConfig config, TrainingHistory history, Checkpoints checkpoints, TimelineRecorder timeline,
            Consumer<TrainingEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (isRunning()) throw new IllegalStateException("a training run is already in progress");
        Trainer trainer = new Trainer(model, data, config, history).checkpointTo(checkpoints).recordTimeline(timeline);
        paused = false;
        stopRequested = false;
        current = model;
        CompletableFuture<Trainer.Outcome> future = new CompletableFuture<>();
        job = future;
        executor.execute(() -> runJob(trainer, config, history, listener, future));
        return future;
    }

    public boolean isRunning() {
        CompletableFuture<Trainer.Outcome> j = job;
        return j != null && !j.isDone();
    }

    public boolean isPaused() { return paused && isRunning(); }

    public void pause() {
        lock.lock();
        try { paused = true; } finally { lock.unlock(); }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            unpaused.signalAll();
        } finally { lock.unlock(); }
    }

    /** Asks the run to stop after the current batch; a paused run stops at once. */
    public void stop() {
        lock.lock();
        try {
            stopRequested = true;
            unpaused.signalAll();
        } finally { lock.unlock(); }
    }

    /**
     * A copy of the model being trained, made between two batches; completes at once with a copy
     * of the last model when nothing runs.
     */
    public CompletableFuture<TrainableAutoencoder> snapshot() {
        TrainableAutoencoder model = current;
        if (model == null) return CompletableFuture.failedFuture(new IllegalStateException("no model"));
        if (!isRunning()) return CompletableFuture.completedFuture(model.copy());
        CompletableFuture<TrainableAutoencoder> f = new CompletableFuture<>();
        snapshotRequests.add(f);
        lock.lock();
        try { unpaused.signalAll(); } finally { lock.unlock(); }
        if (!isRunning()) serveSnapshots(); // the run ended between the check and the add
        return f;
    }

    private void serveSnapshots() {
        CompletableFuture<TrainableAutoencoder> f;
        while ((f = snapshotRequests.poll()) != null) {
            try {
                f.complete(current.copy());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }
    }

    private void runJob(Trainer trainer, TrainingConfig config, TrainingHistory history,
                        Consumer<TrainingEvent> listener, CompletableFuture<Trainer.Outcome> future) {
        ThrottledEmitter emitter = new ThrottledEmitter(config, history, listener);
        Trainer.Control control = new Trainer.Control() {
            @Override public boolean stopRequested() { return stopRequested; }

            @Override public void awaitIfPaused() throws InterruptedException {
                serveSnapshots();
                if (!paused) return;
                emitter.emitState(TrainingEvent.Type.PAUSED, Message.of("training.paused"));
                lock.lock();
                try {
                    while (paused && !stopRequested) {
                        unpaused.await(50, TimeUnit.MILLISECONDS);
                        serveSnapshots();
                    }
                } finally { lock.unlock(); }
                if (!stopRequested) emitter.emitState(TrainingEvent.Type.RESUMED, Message.of("training.resumed"));
            }
        };
        Trainer.Outcome outcome;
        try {
            emitter.emitState(TrainingEvent.Type.STARTED, Message.of("training.started"));
            outcome = trainer.run(emitter, control);
            current = outcome.model(); // after divergence, the rolled-back copy
            TrainingEvent.Type type = switch (outcome.status()) {
                case FINISHED -> TrainingEvent.Type.FINISHED;
                case STOPPED -> TrainingEvent.Type.STOPPED;
                case DIVERGED -> TrainingEvent.Type.FAILED;
                default -> throw new IllegalStateException("a trainer ends finished, stopped or diverged, not " + outcome.status());
            };
            emitter.emitState(type, outcome.note());
        } catch (Throwable t) {
            LOG.error("training failed", t);
            outcome = new Trainer.Outcome(RunStatus.STOPPED, history.epochsDone(),
                    Message.of("training.failed", String.valueOf(t)), current);
            emitter.emitState(TrainingEvent.Type.FAILED, outcome.note());
        } finally {
            serveSnapshots();
        }
        future.complete(outcome);
    }

    /** Stops any run and waits up to {@code timeoutMillis} for it to end. */
    public boolean stopAndWait(long timeoutMillis) throws InterruptedException {
        stop();
        CompletableFuture<Trainer.Outcome> j = job;
        if (j == null) return true;
        try {
            j.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return j.isDone();
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Turns per-iteration callbacks into at most ~10 progress events a second. */
    private static final class ThrottledEmitter implements Trainer.Listener {
        private final TrainingConfig config;
        private final TrainingHistory history;
        private final Consumer<TrainingEvent> listener;
        private final int firstEpoch;
        private final long startNanos = System.nanoTime();
        private final List<LossPoint> pending = new ArrayList<>();
        private long lastEmit;
        private long iteration;
        private int epoch;
        private double epochPosition;
        private double loss = Double.NaN;
        private double samplesPerSecond;

        ThrottledEmitter(TrainingConfig config, TrainingHistory history, Consumer<TrainingEvent> listener) {
            this.config = config;
            this.history = history;
            this.listener = listener;
            this.firstEpoch = history.epochsDone();
            this.epoch = firstEpoch;
            this.epochPosition = firstEpoch;
        }

        @Override
        public void onPoint(LossPoint point) { pending.add(point); }

        @Override
        public void onIteration(long iteration, int epoch, double epochPosition, double loss, double sps) {
            this.iteration = iteration;
            this.epoch = epoch;
            this.epochPosition = epochPosition;
            this.loss = loss;
            this.samplesPerSecond = sps;
            long now = System.nanoTime();
            if (now - lastEmit >= PROGRESS_INTERVAL_NANOS) {
                lastEmit = now;
                emit(TrainingEvent.Type.PROGRESS, null, null);
            }
        }

        @Override
        public void onEpoch(EpochRecord record) {
            emit(TrainingEvent.Type.EPOCH, record, Message.of("training.epochDone", record.epoch()));
        }

        void emitState(TrainingEvent.Type type, Message message) {
            emit(type, null, message);
        }

        private void emit(TrainingEvent.Type type, EpochRecord record, Message message) {
            double done = (epochPosition - firstEpoch) / config.epochs();
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            double eta = done > 0.005 ? elapsed * (1 - done) / done : Double.NaN;
            TrainingEvent event = new TrainingEvent(type, iteration, Math.max(epoch, firstEpoch + 1),
                    firstEpoch + config.epochs(), Math.min(1, done), loss, samplesPerSecond,
                    type.equals(TrainingEvent.Type.FINISHED) ? 0 : eta, pending, record, message);
            pending.clear();
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a training listener failed; training goes on", e);
            }
        }
    }
}
