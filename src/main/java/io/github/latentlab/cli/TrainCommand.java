package io.github.latentlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.model.OpenMpPools;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.model.VariationalAutoencoder;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.training.Checkpoints;
import io.github.latentlab.training.ResumeRequest;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunMetadata;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * {@code train}: trains one model in a run folder (a checkpoint per epoch), prints progress on
 * stderr, optionally saves it; {@code train --resume RUN} continues a run from its last checkpoint.
 */
@Command(name = "train", sortOptions = false,
        header = "Trains a model, or resumes a stopped or crashed run.",
        description = "Trains one model in a new run folder under --runs (a checkpoint per epoch) and optionally "
                + "saves it; with --resume, continues a run from its last checkpoint.",
        footer = {"", "Examples:",
                "  latent-lab train --dataset fashion-mnist --latent 2 --out ae.llab --json",
                "  latent-lab train --dataset builtin-digits --model dae --noise mask:0.3",
                "  latent-lab train --dataset fashion-mnist --loss mse+ssim --ssim-weight 0.5",
                "  latent-lab train --resume ~/.latent-lab/runs/RUN_FOLDER --epochs 2"})
final class TrainCommand implements Callable<Integer> {
    /** Options a run folder fixes: giving one with --resume is wrong usage. */
    private static final List<String> FIXED_BY_RUN = List.of("--dataset", "--model", "--hidden", "--latent", "--loss",
            "--noise", "--beta", "--ssim-weight", "--seed", "--batch");

    private final PrintStream out;
    private final PrintStream err;
    @Spec CommandSpec commandSpec;
    @Mixin CommonOptions common;

    @Option(names = "--dataset", paramLabel = "ID",
            description = "Training data: builtin-digits, fashion-mnist, mnist, "
            + "kmnist, idx:IMAGES,LABELS or folder:PATH (required, except with --resume).")
    String dataset;
    @Option(names = "--test-dataset", paramLabel = "ID",
            description = "Test data (default: the dataset's own test split, or a seeded 10%% hold-out).")
    String testDataset;
    @Option(names = "--model", paramLabel = "KIND", defaultValue = "ae",
            description = "ae, dae (denoising), vae (variational) or conv (convolutional) (default: ${DEFAULT-VALUE}).")
    String modelId;
    @Option(names = "--hidden", paramLabel = "SIZES",
            description = "Hidden layer widths, e.g. 256 or 512,128, or none; "
            + "for conv the channels (default: 256; conv: 16,32).")
    String hidden;
    @Option(names = "--latent", paramLabel = "N", defaultValue = "8",
            description = "Latent size (default: ${DEFAULT-VALUE}).")
    int latent;
    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "mse",
            description = "mse, bce, or mse+ssim: MSE + λ·(1 − SSIM), which keeps edges and texture (ae, dae and "
            + "conv; default: ${DEFAULT-VALUE}).")
    String loss;
    @Option(names = "--ssim-weight", paramLabel = "LAMBDA",
            description = "mse+ssim: the weight λ of the SSIM term, a number ≥ 0 (default: "
            + ModelSpec.DEFAULT_SSIM_WEIGHT + ").")
    Double ssimWeight;
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Epochs to train (default: "
            + "${DEFAULT-VALUE}); with --resume, N more (default: the epochs the run has left).")
    int epochCount;
    @Option(names = "--batch", paramLabel = "N", defaultValue = "128",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001", description = "Learning rate (default: "
            + "${DEFAULT-VALUE}; with --resume, the run's own unless given).")
    double lr;
    @Option(names = "--noise", paramLabel = "SIGMA|KIND:LEVEL",
            description = "Noise on the training inputs: a Gaussian "
            + "sigma like 0.4, or gaussian|saltpepper|mask:LEVEL (default: 0.4 for dae, none for the others; "
            + "conv with noise is a denoising conv).")
    String noise;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--beta", paramLabel = "BETA", defaultValue = "1",
            description = "vae: weight of the KL term (default: ${DEFAULT-VALUE}).")
    double beta;
    @Option(names = "--out", paramLabel = "FILE.llab",
            description = "Save the trained model there (default: not saved).")
    String saveTo;
    @Option(names = "--slim", description = "Save --out without the optimizer's state: half the size or less, for "
            + "sharing; training it further starts Adam afresh.")
    boolean slim;
    @Option(names = "--runs", paramLabel = "DIR", description = "Where runs go (default: ~/.latent-lab/runs).")
    String runs;
    @Option(names = "--resume", paramLabel = "RUN_FOLDER", description = "Continue that run from its last checkpoint; "
            + "the run fixes data and model. A bare name is looked up in ~/.latent-lab/runs.")
    String resume;
    @Option(names = "--json", description = "Print the result as one JSON object on the last stdout line.")
    boolean json;

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** "0.4" is Gaussian σ 0.4; "saltpepper:0.1" or "mask:0.3" name the kind. */
    static NoiseSpec parseNoise(String text) {
        if (text.contains(":")) return NoiseSpec.parse(text);
        try {
            return new NoiseSpec(NoiseKind.GAUSSIAN, Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--noise needs a σ like 0.4 or KIND:LEVEL like saltpepper:0.1, got '"
                    + text + "'");
        }
    }

    /** "256" or "256,128" → [256] or [256, 128]; "" or "none" → no hidden layers. */
    static List<Integer> parseSizes(String text) {
        if (text.isBlank() || text.equalsIgnoreCase("none")) return List.of();
        try {
            return Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hidden needs sizes like 256 or 512,128, got '" + text + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        Path outFile = saveTo == null ? null : Path.of(saveTo);
        Path root = runs == null ? Checkpoints.defaultRoot() : Path.of(runs);
        long t0 = System.nanoTime();
        try (TrainingService service = new TrainingService();
             RunManager manager = new RunManager(root, this::load, service)) {
            ConsoleRunReport report = new ConsoleRunReport(err);
            manager.addListener(report);
            Trainer.Outcome outcome = await(resume != null ? resume(manager) : fresh(manager));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Run run = report.run();
            if (outcome.status() == RunStatus.DIVERGED) {
                err.println(outcome.message());
                err.println("Resume with a lower learning rate: train --resume " + run.checkpoints().folder() + " --lr 0.001");
                return 1;
            }
            if (outcome.status() != RunStatus.FINISHED) {
                err.println(outcome.message());
                return 1;
            }
            DatasetSplit data = report.start().data();
            TrainingConfig config = report.start().config();
            TrainableAutoencoder model = outcome.model();
            if (outFile != null) {
                ModelStore.save(outFile, model, RunMetadata.of(config, model.inputSize(), data, run.history()), slim);
                err.println("Saved " + outFile.toAbsolutePath());
                if (run.timeline() != null) { // beside the model, so the app can replay its training
                    Path timeline = TimelineFile.besideModel(outFile);
                    TimelineFile.write(timeline, run.timeline());
                    err.println("Saved " + timeline.toAbsolutePath());
                }
            }
            printResult(run, report, model, seconds, outFile);
        }
        return 0;
    }

    /** The run's outcome; a run that could not start throws what stopped it. */
    private static Trainer.Outcome await(CompletableFuture<Trainer.Outcome> outcome) throws Exception {
        OpenMpPools.releaseCurrentThread(); // this thread's OpenMP pool (from loading) would slow training's ops
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    private void printResult(Run run, ConsoleRunReport report, TrainableAutoencoder model, double seconds, Path outFile) {
        DatasetSplit data = report.start().data();
        TrainingConfig config = report.start().config();
        ModelSpec spec = config.spec();
        Evaluation test = Evaluation.of(model, data.test(), data.test().size(), true);
        List<EpochRecord> epochs = run.history().epochs();
        EpochRecord last = epochs.get(epochs.size() - 1);
        List<EpochRecord> thisRun = epochs.subList(report.resumedFrom(), epochs.size());
        double trainSeconds = thisRun.stream().mapToDouble(e -> data.train().size() / e.samplesPerSecond()).sum();
        VariationalAutoencoder.LossParts vaeLoss = model instanceof VariationalAutoencoder vae
                ? vae.lossParts(Nd4j.create(data.test().images(IntStream.range(0, data.test().size()).toArray())))
                : null;
        if (vaeLoss != null) {
            err.printf("VAE test loss per image: reconstruction %.2f + β %.2f × KL %.2f = %.2f%n", vaeLoss.reconstruction(),
                    spec.beta(), vaeLoss.kl(), vaeLoss.total(spec.beta()));
        }
        if (json) {
            out.println(new Json().put("model", spec.kind().id()).put("dataset", data.id())
                    .put("train_size", data.train().size()).put("test_size", data.test().size())
                    .put("hidden", spec.hidden()).put("latent", spec.latent()).put("loss", spec.loss().id())
                    .put("noise", spec.denoising() ? spec.noiseKind().id() + ":" + spec.noiseLevel() : null)
                    .put("epochs", epochs.size()).put("batch", config.batchSize()).put("seed", config.seed())
                    .put("train_loss", last.trainLoss()).put("test_loss", test.loss())
                    .put("test_mse", test.mse()).put("test_bce", test.bce()).put("test_psnr", test.psnr())
                    .put("test_ssim", test.ssim())
                    .put("ssim_weight", spec.loss() == LossKind.MSE_SSIM ? spec.ssimWeight() : null)
                    .put("samples_per_second", thisRun.size() * (double) data.train().size() / trainSeconds)
                    .put("beta", spec.kind() == ModelKind.VAE ? spec.beta() : null)
                    .put("seconds", seconds).put("out", outFile == null ? null : outFile.toString())
                    .put("run", run.checkpoints().folder().toString())
                    .put("resumed_from_epoch", report.resumedFrom() > 0 ? report.resumedFrom() : null)
                    .put("test_recon", vaeLoss == null ? null : vaeLoss.reconstruction())
                    .put("test_kl", vaeLoss == null ? null : vaeLoss.kl())
                    .put("test_vae_loss", vaeLoss == null ? null : vaeLoss.total(spec.beta())));
        } else {
            String loss = spec.loss() == LossKind.MSE ? "" : String.format("test %s %.5f, ", spec.loss(), test.loss());
            out.printf("%stest MSE %.5f, PSNR %.2f dB, SSIM %.4f after %d epoch%s in %.1f s%n", loss, test.mse(),
                    test.psnr(), test.ssim(), epochs.size(), epochs.size() == 1 ? "" : "s", seconds);
        }
    }

    private CompletableFuture<Trainer.Outcome> fresh(RunManager manager) {
        if (dataset == null) throw new IllegalArgumentException("--dataset is required (or --resume RUN_FOLDER)");
        ModelKind kind = ModelKind.fromId(modelId);
        NoiseSpec noiseSpec = parseNoise(noise != null ? noise : kind.trainsOnNoise() ? "0.4" : "0");
        List<Integer> sizes = hidden != null ? parseSizes(hidden) : kind.convolutional() ? List.of(16, 32) : List.of(256);
        LossKind lossKind = LossKind.fromId(loss);
        ModelSpec spec = new ModelSpec(kind, sizes, latent, lossKind, lr, noiseSpec.level(), noiseSpec.kind(),
                beta, ssimWeight(lossKind, kind));
        TrainingConfig config = new TrainingConfig(spec, epochCount, batch, seed);
        return manager.submit(manager.newRun(null, dataset, testDataset, config));
    }

    /** --ssim-weight checked: only with --loss mse+ssim, finite and ≥ 0. */
    private double ssimWeight(LossKind lossKind, ModelKind kind) {
        if (!lossKind.suits(kind)) {
            throw new IllegalArgumentException("--loss " + lossKind.id() + " is for ae, dae and conv models; a "
                    + kind.id() + " trains with --loss mse or bce");
        }
        if (ssimWeight == null) return ModelSpec.DEFAULT_SSIM_WEIGHT;
        if (lossKind != LossKind.MSE_SSIM) {
            throw new IllegalArgumentException("--ssim-weight applies to --loss mse+ssim only");
        }
        if (!(ssimWeight >= 0) || Double.isInfinite(ssimWeight)) {
            throw new IllegalArgumentException("--ssim-weight needs a number ≥ 0 such as 0.5, got " + ssimWeight);
        }
        return ssimWeight;
    }

    /** Continues the run in --resume from its last checkpoint: the epochs it has left, or --epochs more. */
    private CompletableFuture<Trainer.Outcome> resume(RunManager manager) throws Exception {
        ParseResult given = commandSpec.commandLine().getParseResult();
        for (String fixed : FIXED_BY_RUN) {
            if (given.hasMatchedOption(fixed)) {
                throw new IllegalArgumentException(fixed + " cannot change when resuming: the run folder fixes it");
            }
        }
        Path folder = Path.of(resume);
        if (!Files.isDirectory(folder) && Files.isDirectory(Checkpoints.defaultRoot().resolve(folder))) {
            folder = Checkpoints.defaultRoot().resolve(folder);
        }
        try {
            Checkpoints.open(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resume " + folder + ": " + e.getMessage(), e);
        }
        RunManager.Listing listing = manager.open(folder, 1).get();
        if (listing.added().isEmpty()) {
            throw new IllegalArgumentException("cannot resume " + folder + ": "
                    + (listing.damaged().isEmpty() ? "it has no checkpoint yet" : listing.damaged().get(0)));
        }
        Run run = listing.added().get(0);
        ResumeRequest request = new ResumeRequest(given.hasMatchedOption("--lr") ? lr : Double.NaN,
                given.hasMatchedOption("--epochs") ? epochCount : 0);
        try {
            return manager.resume(run, request);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("cannot resume " + folder.getFileName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (add --epochs N to train N more)", e);
        }
    }

    private DatasetSplit load(String id, String testId, Progress progress, Cancellation cancel) throws Exception {
        DatasetSplit data = new DatasetCatalog().load(id, testId, ConsoleProgress.on(err), cancel);
        err.println("Data: " + data.train() + " train, " + data.test() + " test");
        err.println("ND4J: " + NativeRuntime.init().summary());
        return data;
    }
}
