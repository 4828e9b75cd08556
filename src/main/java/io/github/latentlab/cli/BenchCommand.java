package io.github.latentlab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.generators.BuiltinDigits;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.util.BuildInfo;
import io.github.latentlab.util.Cancellation;

/**
 * {@code bench}: in one process, ND4J's sgemm rate on the benchmark model's own products, then
 * the training rate of the dense AE 784-256-8-256-784 (batch 128), in samples/s and GFLOP/s,
 * and their ratio: how much of what the BLAS can do training actually gets; then the VAE's and
 * the conv autoencoder's (16/32 channels, latent 8) training rates. Uses Fashion-MNIST
 * when installed, else builtin-digits.
 */
@Command(name = "bench", sortOptions = false,
        header = "Measures the GEMM rate against AE, VAE and conv training rates.",
        description = "Measures, in one process, ND4J's sgemm rate on the products of the dense AE 784-256-8-256-784 "
                + "and that AE's training rate (batch 128): how much of what the BLAS can do training gets; then the "
                + "VAE's and the conv autoencoder's training rates.")
final class BenchCommand implements Callable<Integer> {
    static final int BATCH = 128;
    static final int[] WIDTHS = {784, 256, 8, 256, 784};

    private final PrintStream out;
    private final PrintStream err;
    @Mixin CommonOptions common;

    @Option(names = "--dataset", paramLabel = "ID",
            description = "Training data (default: fashion-mnist when installed, else builtin-digits).")
    String dataset;
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "Time per measurement: the AE's and "
            + "conv's training, half of it for the VAE's, a quarter (at least 2 s) for sgemm (default: ${DEFAULT-VALUE}).")
    double seconds;
    @Option(names = "--json", description = "Print the result as one JSON object on the last stdout line.")
    boolean json;
    @Option(names = "--soak", paramLabel = "STEPS", description = "Instead: train --model for STEPS steps and print, "
            + "at epoch ends, the heap after GC, javacpp's tracked native bytes and resident memory, then resident "
            + "memory's growth per step (least squares from step 1,000, or the last 7/8 of a shorter run). Run with -Xms equal to -Xmx and "
            + "-XX:+AlwaysPreTouch.")
    Long soak;
    @Option(names = "--fit-from", paramLabel = "STEP", description = "With --soak: fit the growth from this step on "
            + "(default: 1,000, or the last 7/8 of a run shorter than 2,000 steps).")
    Long fitFrom;
    @Option(names = "--model", paramLabel = "KIND", defaultValue = "vae",
            description = "The model a soak trains: ae, vae or conv, latent 8 (default: ${DEFAULT-VALUE}).")
    String soakModel;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0)) throw new IllegalArgumentException("--seconds must be positive");
        if (soak != null) return soak();
        DatasetCatalog catalog = new DatasetCatalog();
        String datasetId = dataset != null ? dataset : catalog.defaultId();
        DatasetSplit data = catalog.load(datasetId, null, ConsoleProgress.on(err), new Cancellation());
        long g0 = System.nanoTime();
        BuiltinDigits.standard(); // a fresh generation, not the catalog's cache
        double digitsSeconds = (System.nanoTime() - g0) / 1e9;
        err.printf("built-in digits: 20,000 + 4,000 images generated in %.2f s%n", digitsSeconds);
        NativeRuntime.Info runtime = NativeRuntime.init();
        err.println("ND4J: " + runtime.summary());

        List<GemmProbe.Shape> shapes = GemmProbe.trainingStep(WIDTHS, BATCH);
        GemmProbe.Result gemm = GemmProbe.measure(shapes, Math.max(2, seconds / 4));
        err.printf("sgemm on the model's products: %.1f GFLOP/s (%.3f ms per training step's products)%n",
                gemm.gflops(), gemm.secondsPerStep() * 1e3);

        TrainingRate rate = measureTraining(data, seconds,
                new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0));
        double flopPerSample = gemm.flopPerStep() / BATCH;
        double trainGflops = rate.samplesPerSecond * flopPerSample / 1e9;
        double stepSeconds = BATCH / rate.samplesPerSecond;
        double gemmShare = gemm.secondsPerStep() / stepSeconds;
        err.printf("training: %.0f samples/s = %.1f GFLOP/s, %.1f%% of the sgemm rate; "
                        + "a step takes %.3f ms of which sgemm %.3f ms (%.0f%%), the rest is per-op overhead, "
                        + "element-wise ops and the updater%n",
                rate.samplesPerSecond, trainGflops, 100 * trainGflops / gemm.gflops(), stepSeconds * 1e3,
                gemm.secondsPerStep() * 1e3, 100 * gemmShare);
        TrainingRate vae = measureTraining(data, Math.max(1, seconds / 2), new ModelSpec(ModelKind.VAE, List.of(256), 8,
                LossKind.BCE, 1e-3, 0));
        err.printf("VAE 784-256-8 (BCE + KL): %.0f samples/s, %.2f× the dense AE%n", vae.samplesPerSecond,
                vae.samplesPerSecond / rate.samplesPerSecond);
        ModelSpec convSpec = new ModelSpec(ModelKind.CONV, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0);
        TrainingRate conv = measureTraining(data, seconds, convSpec);
        err.printf("%s (%s): %.0f samples/s, %.2f× the dense AE%n", convSpec.describe(784),
                runtime.backend(), conv.samplesPerSecond, conv.samplesPerSecond / rate.samplesPerSecond);
        if (json) {
            out.println(new Json().put("dataset", data.id()).put("model", "784-256-8-256-784")
                    .put("batch", BATCH).put("omp_threads", runtime.ompThreads())
                    .put("blas_threads", runtime.blasThreads()).put("cores", runtime.cores())
                    .put("gemm_gflops", gemm.gflops()).put("train_samples_per_second", rate.samplesPerSecond)
                    .put("train_gflops", trainGflops).put("train_to_gemm_ratio", trainGflops / gemm.gflops())
                    .put("step_ms", stepSeconds * 1e3).put("gemm_ms_per_step", gemm.secondsPerStep() * 1e3)
                    .put("gemm_share_of_step", gemmShare)
                    .put("flop_per_sample", flopPerSample).put("train_seconds", rate.seconds)
                    .put("test_mse_after", rate.testMse).put("builtin_digits_seconds", digitsSeconds)
                    .put("vae_samples_per_second", vae.samplesPerSecond)
                    .put("conv_model", convSpec.describe(784)).put("conv_samples_per_second", conv.samplesPerSecond)
                    .put("backend", runtime.backend()).put("device", runtime.device())
                    .put("gpu", runtime.onGpu() ? runtime.gpus().describe() : null)
                    .put("backend_artifact", BuildInfo.backendArtifact() + ":" + BuildInfo.backendClassifier()));
        } else {
            out.printf("gemm %.1f GFLOP/s, training %.0f samples/s (%.1f GFLOP/s, ratio %.3f), VAE %.0f, conv %.0f samples/s%n",
                    gemm.gflops(), rate.samplesPerSecond, trainGflops, trainGflops / gemm.gflops(), vae.samplesPerSecond,
                    conv.samplesPerSecond);
        }
        return 0;
    }

    /** {@code --soak}: memory per step of one model kind, on built-in digits unless --dataset says otherwise. */
    private int soak() throws Exception {
        if (soak < 100) throw new IllegalArgumentException("--soak needs at least 100 steps");
        ModelKind kind = ModelKind.fromId(soakModel);
        ModelSpec spec = switch (kind) {
            case VAE -> new ModelSpec(kind, List.of(256), 8, LossKind.BCE, 1e-3, 0);
            case CONV -> new ModelSpec(kind, List.of(16, 32), 8, LossKind.MSE, 1e-3, 0);
            case AE, DAE -> new ModelSpec(kind, List.of(256), 8, LossKind.MSE, 1e-3, kind.trainsOnNoise() ? 0.4 : 0);
        };
        DatasetSplit data = new DatasetCatalog().load(dataset != null ? dataset : DatasetCatalog.BUILTIN_DIGITS, null,
                ConsoleProgress.on(err), new Cancellation());
        NativeRuntime.init();
        long from = fitFrom != null ? fitFrom : SoakRun.fitFrom(soak);
        if (from < 0 || from >= soak) throw new IllegalArgumentException("--fit-from must be a step before the last, got " + from);
        SoakRun.Result r = SoakRun.run(data, spec, soak, from, BATCH, err);
        double kb = r.residentBytesPerStep() / 1024;
        err.printf("%s: resident memory grows %.2f KB per step (least squares; median slope %.2f KB; javacpp tracked "
                        + "%.2f KB) over steps %,d to %,d%n",
                spec.describe(784), kb, r.residentMedianSlope() / 1024, r.trackedBytesPerStep() / 1024,
                from, soak);
        if (json) {
            out.println(new Json().put("soak_model", kind.id()).put("steps", soak).put("dataset", data.id())
                    .put("fixed_heap", r.fixedHeap()).put("resident_kb_per_step", kb)
                    .put("resident_kb_per_step_median", r.residentMedianSlope() / 1024).put("fit_from_step", from)
                    .put("tracked_kb_per_step", r.trackedBytesPerStep() / 1024)
                    .put("samples", r.samples().stream().map(s -> List.of(s.step(), s.heap(), s.tracked(), s.resident()))
                            .toList()));
        }
        return 0;
    }

    private record TrainingRate(double samplesPerSecond, double seconds, double testMse) { }

    /** Trains one epoch-sized run, timing iterations after a warm-up, stopping after {@code seconds}. */
    private TrainingRate measureTraining(DatasetSplit data, double seconds, ModelSpec spec) throws InterruptedException {
        TrainingConfig config = new TrainingConfig(spec, 1000, BATCH, 42);
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, data.train().pixelCount(), config.seed());
        int warmup = 50;
        long[] marks = new long[3]; // [start of timing, iterations timed, end]
        long deadlineHolder[] = {0};
        double[] lastMse = {Double.NaN};
        Trainer.Listener listener = new Trainer.Listener() {
            private long seen;

            @Override public void onIteration(long it, int epoch, double pos, double loss, double sps) {
                seen++;
                if (seen == warmup) {
                    marks[0] = System.nanoTime();
                    deadlineHolder[0] = marks[0] + (long) (seconds * 1e9);
                } else if (seen > warmup) {
                    marks[1]++;
                    marks[2] = System.nanoTime();
                }
            }

            @Override public void onEpoch(EpochRecord r) { lastMse[0] = r.testMse(); }
        };
        Trainer.Control control = new Trainer.Control() {
            @Override public boolean stopRequested() {
                return deadlineHolder[0] != 0 && System.nanoTime() > deadlineHolder[0];
            }

            @Override public void awaitIfPaused() { }
        };
        new Trainer(model, data, config, new TrainingHistory()).run(listener, control);
        double timed = (marks[2] - marks[0]) / 1e9;
        return new TrainingRate(marks[1] * BATCH / timed, timed, lastMse[0]);
    }
}
