package io.github.latentlab.training;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.model.Evaluation;

/**
 * The training loop, synchronous: shuffles each epoch with a seed derived from the run's seed,
 * feeds mini-batches (corrupted by the spec's noise for a denoising model, clean targets), checks
 * for divergence, measures the test loss after each epoch. The app runs it on a background
 * thread through {@link TrainingService}; the command line and the tests call it directly.
 */
public final class Trainer {
    /** How often (iterations) parameters are checked for NaN/Inf beside the loss. */
    private static final int PARAM_CHECK_EVERY = 25;

    /** Receives progress on the training thread: keep it cheap. */
    public interface Listener {
        void onIteration(long iteration, int epoch, double epochPosition, double loss, double samplesPerSecond);

        void onEpoch(EpochRecord record);
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

    public enum Status { FINISHED, STOPPED, DIVERGED }

    public record Outcome(Status status, int epochsDone, String message) { }

    private final TrainableAutoencoder model;
    private final DatasetSplit data;
    private final TrainingConfig config;
    private final TrainingHistory history;

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

        for (int e = 0; e < config.epochs(); e++) {
            int epoch = firstEpoch + e + 1;
            SplittableRandom rnd = new SplittableRandom(config.seed() * 1_000_003L + epoch);
            int[] order = permutation(n, rnd);
            long t0 = System.nanoTime();
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (control.stopRequested()) return new Outcome(Status.STOPPED, epoch - 1, "stopped during epoch " + epoch);
                control.awaitIfPaused();
                if (control.stopRequested()) return new Outcome(Status.STOPPED, epoch - 1, "stopped during epoch " + epoch);

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
                    return new Outcome(Status.DIVERGED, epoch - 1, divergenceMessage(loss, epoch, b + 1));
                }
                if (iteration % PARAM_CHECK_EVERY == 0 && collapsed(probe)) {
                    return new Outcome(Status.DIVERGED, epoch - 1, collapseMessage(epoch, b + 1));
                }
                lossSum += loss;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double sps = seconds > 0 ? (from + len) / seconds : 0;
                LossPoint point = new LossPoint(iteration, epoch - 1 + (b + 1.0) / batchesPerEpoch, loss);
                history.addPoint(point);
                listener.onIteration(iteration, epoch, point.epochPosition(), loss, sps);
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            if (!model.parametersFinite()) {
                return new Outcome(Status.DIVERGED, epoch - 1, divergenceMessage(Double.NaN, epoch, batchesPerEpoch));
            }
            Evaluation test = Evaluation.of(model, data.test());
            EpochRecord record = new EpochRecord(epoch, lossSum / batchesPerEpoch, test.loss(), test.mse(),
                    (System.nanoTime() - t0) / 1e9, n / trainSeconds);
            history.addEpoch(record);
            listener.onEpoch(record);
        }
        return new Outcome(Status.FINISHED, firstEpoch + config.epochs(), "finished " + config.epochs() + " epochs");
    }

    private String divergenceMessage(double loss, int epoch, int batchInEpoch) {
        String what = Double.isNaN(loss) ? "the loss became NaN" : Double.isInfinite(loss) ? "the loss became infinite"
                : "the weights became NaN or infinite";
        return String.format("Training diverged: %s at epoch %d, iteration %d. "
                        + "Learning rate %s is probably too high for Adam; try 0.001.",
                what, epoch, batchInEpoch, config.spec().learningRate());
    }

    private String collapseMessage(int epoch, int batchInEpoch) {
        return String.format("Training collapsed at epoch %d, iteration %d: every image now gives the same "
                        + "output (the network's units died). Learning rate %s is probably too high for Adam; try 0.001.",
                epoch, batchInEpoch, config.spec().learningRate());
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
        if (probe.length < 2 || java.util.Arrays.equals(probe[0], probe[1])) return false;
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
            full.data().setData(values);
            return full;
        }
        return Nd4j.create(java.util.Arrays.copyOf(values, rows * p), new int[] {rows, p}, 'c');
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
