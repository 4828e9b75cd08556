package io.github.latentlab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Pointer;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;

/**
 * {@code bench --soak}: trains one model for a number of steps and samples, at the end of every
 * epoch (or every few, to keep about 40 samples), the heap in use after a full GC, the native
 * bytes javacpp tracks ({@code Pointer.totalBytes}) and the process's resident memory
 * ({@code Pointer.physicalBytes}). The verdict is the least-squares slope of resident memory per
 * step from step 1,000 on ({@link #fitFrom}): a leak grows it step after step, start-up does not.
 *
 * <p>Sampling at epoch ends keeps every sample at the same point of the training loop: between
 * them the loop holds different transient arrays (an epoch's evaluation, the rollback copy), and
 * samples taken elsewhere alternated by tens of MB. Resident memory only means something with a
 * fixed heap: run it with {@code -Xms} equal to {@code -Xmx} and {@code -XX:+AlwaysPreTouch},
 * which it checks and names when missing.
 */
final class SoakRun {
    /** One sample: the step, and bytes of heap after GC, javacpp's tracked native memory and resident memory. */
    record Sample(long step, long heap, long tracked, long resident) { }

    /** What a soak found: its samples and the resident slope in bytes per step (NaN when too short). */
    record Result(List<Sample> samples, double residentBytesPerStep, double trackedBytesPerStep, boolean fixedHeap,
                  double residentMedianSlope) { }

    private SoakRun() { }

    private static final int SETTLE_ROUNDS = 10, SETTLE_MILLIS = 25;

    static Result run(DatasetSplit data, ModelSpec spec, long steps, long from, int batch, PrintStream err) throws InterruptedException {
        boolean fixed = fixedHeap();
        if (!fixed) {
            err.println("note: the heap is not fixed; run with -Xms equal to -Xmx and -XX:+AlwaysPreTouch, "
                    + "or resident memory follows the heap's growth");
        }
        TrainingConfig config = new TrainingConfig(spec, 10_000, batch, 42);
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, data.train().pixelCount(), config.seed());
        long epochSteps = (data.train().size() + batch - 1) / batch;
        long everyEpochs = Math.max(1, steps / 40 / epochSteps);
        List<Sample> samples = new ArrayList<>();
        long[] seen = {0};
        Trainer.Listener listener = new Trainer.Listener() {
            @Override public void onIteration(long it, int epoch, double pos, double loss, double sps) {
                seen[0]++;
            }

            @Override public void onEpoch(EpochRecord r) {
                if (r.epoch() % everyEpochs != 0) return;
                Sample s = sample(seen[0]);
                samples.add(s);
                err.printf("epoch %4d  step %,8d  heap after GC %7.1f MB  javacpp tracked %7.1f MB  resident %7.1f MB%n",
                        r.epoch(), s.step(), s.heap() / 1e6, s.tracked() / 1e6, s.resident() / 1e6);
            }
        };
        Trainer.Control control = new Trainer.Control() {
            @Override public boolean stopRequested() { return seen[0] >= steps; }

            @Override public void awaitIfPaused() { }
        };
        new Trainer(model, data, config, new TrainingHistory()).run(listener, control);
        return new Result(samples, slope(samples, from, true), slope(samples, from, false), fixed,
                medianSlope(samples, from));
    }

    private static Sample sample(long step) {
        // GC finds the unreachable arrays, and ND4J's deallocator threads free them a moment later:
        // wait until javacpp's tracked bytes stop falling, so each sample sees the arrays alive and
        // not the deallocators' timing (sampled at once, CI's samples swung by 13 MB with them)
        long tracked = Long.MAX_VALUE;
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            System.gc();
            Pointer.deallocateReferences();
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = Pointer.totalBytes();
            if (now >= tracked) break;
            tracked = now;
        }
        Runtime rt = Runtime.getRuntime();
        return new Sample(step, rt.totalMemory() - rt.freeMemory(), Pointer.totalBytes(), Pointer.physicalBytes());
    }

    /**
     * The first step the slope counts unless {@code --fit-from} says otherwise: 1,000 (the bar: steps 1,000 to 8,000), or the first
     * eighth of a run shorter than 2,000 steps. Before it the JIT still compiles and the allocator
     * still grows its pools, which is start-up, not a leak.
     */
    static long fitFrom(long steps) {
        return steps >= 2000 ? 1000 : steps / 8;
    }

    /** Least-squares slope of resident (or tracked) bytes per step, from step {@code from} on. */
    static double slope(List<Sample> samples, long from, boolean resident) {
        List<Sample> s = samples.stream().filter(x -> x.step() >= from).toList();
        if (s.size() < 3) return Double.NaN;
        double mx = s.stream().mapToDouble(Sample::step).average().orElseThrow();
        double my = s.stream().mapToDouble(x -> resident ? x.resident() : x.tracked()).average().orElseThrow();
        double num = 0, den = 0;
        for (Sample x : s) {
            double dx = x.step() - mx;
            num += dx * ((resident ? x.resident() : x.tracked()) - my);
            den += dx * dx;
        }
        return num / den;
    }

    /**
     * Theil–Sen's slope of resident bytes per step from step {@code from} on: the median of the
     * slopes between every two samples. One sample taken just after the allocator handed tens of
     * MB back (seen once in a conv soak) tilts the least-squares line by several KB per step; it
     * moves this median hardly at all, while memory that grows step after step moves both.
     */
    static double medianSlope(List<Sample> samples, long from) {
        List<Sample> s = samples.stream().filter(x -> x.step() >= from).toList();
        if (s.size() < 3) return Double.NaN;
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                slopes.add((double) (s.get(j).resident() - s.get(i).resident()) / (s.get(j).step() - s.get(i).step()));
            }
        }
        slopes.sort(null);
        int n = slopes.size();
        return n % 2 == 1 ? slopes.get(n / 2) : (slopes.get(n / 2 - 1) + slopes.get(n / 2)) / 2;
    }

    /** Whether -Xms equals -Xmx and the heap is pre-touched, as resident figures need. */
    private static boolean fixedHeap() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String xms = args.stream().filter(a -> a.startsWith("-Xms")).reduce((a, b) -> b).orElse(null);
        String xmx = args.stream().filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElse(null);
        return xms != null && xmx != null && xms.substring(4).equals(xmx.substring(4))
                && args.contains("-XX:+AlwaysPreTouch");
    }
}
