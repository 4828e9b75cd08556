package io.github.latentlab.training;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.HostUpload;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.NativeAllocator;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.util.Message;

/**
 * The training loop, synchronous: shuffles each epoch with a seed derived from the run's seed and
 * the epoch number, feeds mini-batches (corrupted by the spec's noise for a denoising model, clean
 * targets), checks for divergence, measures the test loss after each epoch and, given a run folder
 * ({@link #checkpointTo}), writes a checkpoint. Every random choice derives from (seed, epoch), so a
 * run resumed from a checkpoint follows the loss trajectory the uninterrupted run would have.
 * On divergence the model and history roll back to the last good epoch ({@link Outcome#model()}).
 * The app runs it on a background thread through {@link TrainingService}; the command line and the
 * tests call it directly.
 */
public final class Trainer {
    /** How often (iterations) parameters are checked for NaN/Inf beside the loss. */
    private static final int PARAM_CHECK_EVERY = 25;

    /** Receives progress on the training thread: keep it cheap. */
    public interface Listener {
        void onIteration(long iteration, int epoch, double epochPosition, double loss, double samplesPerSecond);

        void onEpoch(EpochRecord record);

        /** The point just recorded (with a VAE's loss parts), before {@link #onIteration}. */
        default void onPoint(LossPoint point) { }

        /** Ignores everything. */
        Listener NONE = new Listener() {
            @Override public void onIteration(long i, int e, double p, double l, double s) { }
            @Override public void onEpoch(EpochRecord r) { }
        };
    }

    /** Lets the owner pause or stop the loop between batches. */
    public interface Control {
        boolean stopRequested();

        /** Blocks while paused. */
        void awaitIfPaused() throws InterruptedException;

        Control NONE = new Control() {
            @Override public boolean stopRequested() { return Thread.currentThread().isInterrupted(); }
            @Override public void awaitIfPaused() { }
        };
    }


    /**
     * How a run ended: {@code model} is the model to keep (the trained one, or after divergence a
     * copy rolled back to the last good epoch, the history truncated to match); {@code note} says
     * how in words a window shows in its language.
     */
    public record Outcome(RunStatus status, int epochsDone, Message note, TrainableAutoencoder model) {
        /** How the run ended in English, as the command line and run.json say it. */
        public String message() { return note.english(); }
    }

    private final TrainableAutoencoder model;
    private final DatasetSplit data;
    private final TrainingConfig config;
    private final TrainingHistory history;
    private Checkpoints checkpoints;
    private TimelineRecorder timeline;

    public Trainer(TrainableAutoencoder model, DatasetSplit data, TrainingConfig config, TrainingHistory history) {
        if (data.train().pixelCount() != model.inputSize()) {
            throw new IllegalArgumentException("model expects " + model.inputSize() + " pixels, dataset "
                    + data.train().id() + " has " + data.train().pixelCount());
        }
        this.model = model;
        this.data = data;
        this.config = config;
        this.history = history;
    }

    /** Writes a checkpoint into this run folder at the start (epoch 0) and after every epoch. */
    public Trainer checkpointTo(Checkpoints folder) {
        this.checkpoints = folder;
        return this;
    }

    /** Records the run's timeline (codes, reconstructions, some whole models) at the start and after every epoch. */
    public Trainer recordTimeline(TimelineRecorder recorder) {
        this.timeline = recorder;
        return this;
    }

    /** Trains {@code config.epochs()} more epochs (continuing the history's epoch count). */
    public Outcome run(Listener listener, Control control) throws InterruptedException {
        Dataset train = data.train();
        int n = train.size();
        int p = train.pixelCount();
        int batch = Math.min(config.batchSize(), n);
        int batchesPerEpoch = (n + batch - 1) / batch;
        double noiseLevel = config.spec().noiseLevel();
        NoiseKind noise = config.spec().noiseKind();
        int side = train.side();
        float[] src = train.pixels();
        float[] cleanBuf = new float[batch * p];
        float[] noisyBuf = new float[batch * p];
        INDArray cleanFull = Nd4j.create(new int[] {batch, p}, 'c');
        INDArray noisyFull = noiseLevel > 0 ? Nd4j.create(new int[] {batch, p}, 'c') : null;
        float[][] probe = probePair(train);
        long iteration = history.lastIteration();
        int firstEpoch = history.epochsDone();
        TrainableAutoencoder lastGood = model.copy();
        int lastGoodEpoch = firstEpoch;
        if (checkpoints != null && firstEpoch == 0) saveCheckpoint();
        if (timeline != null) timeline.begin(model, data.test(), metadata());

        for (int e = 0; e < config.epochs(); e++) {
            int epoch = firstEpoch + e + 1;
            SplittableRandom rnd = new SplittableRandom(config.seed() * 1_000_003L + epoch);
            model.beginEpoch(epoch);
            int[] order = permutation(n, rnd);
            long t0 = System.nanoTime();
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (control.stopRequested()) return stopped(epoch);
                control.awaitIfPaused();
                if (control.stopRequested()) return stopped(epoch);

                int from = b * batch;
                int len = Math.min(batch, n - from);
                for (int k = 0; k < len; k++) System.arraycopy(src, order[from + k] * p, cleanBuf, k * p, p);
                INDArray clean = toBatch(cleanFull, cleanBuf, len);
                INDArray input = clean;
                if (noiseLevel > 0) {
                    for (int k = 0; k < len; k++) noise.applyInto(cleanBuf, k * p, noisyBuf, k * p, side, noiseLevel, rnd);
                    input = toBatch(noisyFull, noisyBuf, len);
                }
                double loss = model.fit(input, clean);
                iteration++;
                if (!Double.isFinite(loss) || (iteration % PARAM_CHECK_EVERY == 0 && !model.parametersFinite())) {
                    return rolledBack(divergenceMessage(loss, epoch, b + 1), lastGood, lastGoodEpoch);
                }
                if (iteration % PARAM_CHECK_EVERY == 0 && collapsed(probe)) {
                    return rolledBack(collapseMessage(epoch, b + 1), lastGood, lastGoodEpoch);
                }
                lossSum += loss;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double sps = seconds > 0 ? (from + len) / seconds : 0;
                double[] parts = model.lastLossParts();
                double position = epoch - 1 + (b + 1.0) / batchesPerEpoch;
                LossPoint point = parts == null ? new LossPoint(iteration, position, loss)
                        : new LossPoint(iteration, position, loss, parts[0], parts[1]);
                history.addPoint(point);
                listener.onPoint(point);
                listener.onIteration(iteration, epoch, point.epochPosition(), loss, sps);
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            if (!model.parametersFinite()) {
                return rolledBack(divergenceMessage(Double.NaN, epoch, batchesPerEpoch), lastGood, lastGoodEpoch);
            }
            // also at each epoch's end: an epoch shorter than the check interval is checked too
            if (collapsed(probe)) return rolledBack(collapseMessage(epoch, batchesPerEpoch), lastGood, lastGoodEpoch);
            Evaluation test = Evaluation.of(model, data.test());
            EpochRecord record = new EpochRecord(epoch, lossSum / batchesPerEpoch, test.loss(), test.mse(),
                    (System.nanoTime() - t0) / 1e9, n / trainSeconds);
            history.addEpoch(record);
            if (checkpoints != null) saveCheckpoint();
            if (timeline != null) timeline.record(epoch, model, metadata());
            // hand the C heap's free pages back (1-5 ms): freed memory otherwise stays resident,
            // the JIT's early arenas included; untrimmed, an 8,000-step VAE soak rose by 28 MB until
            // step 3,300 (0.80 KB per step from step 1,000), trimmed here 0.06 (docs/benchmarks.md)
            NativeAllocator.trim();
            listener.onEpoch(record);
            if (e + 1 < config.epochs()) { // a copy to roll back to, while epochs remain
                lastGood = model.copy();
                lastGoodEpoch = epoch;
            }
        }
        return new Outcome(RunStatus.FINISHED, firstEpoch + config.epochs(),
                config.epochs() == 1 ? Message.of("training.finished.one")
                        : Message.of("training.finished", config.epochs()), model);
    }

    private Outcome stopped(int epoch) {
        return new Outcome(RunStatus.STOPPED, epoch - 1, Message.of("training.stoppedDuring", epoch), model);
    }

    /** The model as it was after {@code goodEpoch}, with the history cut back to match. */
    private Outcome rolledBack(Message message, TrainableAutoencoder lastGood, int goodEpoch) {
        history.truncateToEpochs(goodEpoch);
        return new Outcome(RunStatus.DIVERGED, goodEpoch, goodEpoch == 0 ? Message.of("training.rolledBackToStart", message)
                : Message.of("training.rolledBack", message, goodEpoch), lastGood);
    }

    private void saveCheckpoint() {
        try {
            checkpoints.save(model, metadata());
        } catch (IOException e) {
            // training goes on; the run folder keeps its previous checkpoint
            org.slf4j.LoggerFactory.getLogger(Trainer.class).warn("could not write a checkpoint in {}", checkpoints.folder(), e);
        }
    }

    private ModelMetadata metadata() {
        return RunMetadata.of(config, model.inputSize(), data, history);
    }

    private Message divergenceMessage(double loss, int epoch, int batchInEpoch) {
        Message what = Message.of(Double.isNaN(loss) ? "training.diverged.lossNaN"
                : Double.isInfinite(loss) ? "training.diverged.lossInfinite" : "training.diverged.weights");
        return Message.of("training.diverged", String.valueOf(config.spec().learningRate()), what, epoch, batchInEpoch);
    }

    private Message collapseMessage(int epoch, int batchInEpoch) {
        return Message.of("training.collapsed", String.valueOf(config.spec().learningRate()), epoch, batchInEpoch);
    }

    /** Two training images of different classes (or the first two): a live model tells them apart. */
    private static float[][] probePair(Dataset train) {
        int second = Math.min(1, train.size() - 1);
        for (int i = 1; i < train.size(); i++) {
            if (train.label(i) != train.label(0)) { second = i; break; }
        }
        return train.images(new int[] {0, second});
    }

    /**
     * True when the model maps two different images to the same output: dead ReLUs after a too
     * large step. The loss stays finite then, so the NaN check alone would let it train on.
     */
    private boolean collapsed(float[][] probe) {
        if (probe.length < 2 || Arrays.equals(probe[0], probe[1])) return false;
        float[][] out = model.reconstruct(probe);
        double diff = 0;
        for (int i = 0; i < out[0].length; i++) diff = Math.max(diff, Math.abs(out[0][i] - out[1][i]));
        // exactly equal: dead units give bit-identical outputs, while a VAE whose posterior has
        // collapsed (large β) still tells images apart by a little and must not be stopped
        return diff == 0;
    }

    /**
     * The first {@code rows} rows of {@code values} as a batch: written into the reused full-size
     * array, or a new one for the shorter last batch of an epoch.
     */
    private static INDArray toBatch(INDArray full, float[] values, int rows) {
        int p = (int) full.columns();
        if (rows == full.rows()) {
            HostUpload.copy(values, 0, full);
            return full;
        }
        return Nd4j.create(Arrays.copyOf(values, rows * p), new int[] {rows, p}, 'c');
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        return order;
    }
}
