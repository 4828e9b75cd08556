package io.github.latentlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.latentlab.data.DatasetCatalog;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.model.VariationalAutoencoder;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.training.EpochRecord;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.util.AppVersion;
import io.github.latentlab.util.Cancellation;

/** {@code train}: trains one model, prints progress on stderr, optionally saves it. */
final class TrainCommand {
    private final PrintStream out;
    private final PrintStream err;

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
            throw new Args.UsageException("--noise needs a σ like 0.4 or KIND:LEVEL like saltpepper:0.1, got '" + text + "'");
        }
    }

    int run(List<String> argv) throws Exception {
        Args a = new Args(argv, Set.of("dataset", "test-dataset", "model", "hidden", "latent", "loss",
                "epochs", "batch", "lr", "noise", "seed", "out", "beta"), Set.of("json"));
        ModelKind kind = ModelKind.fromId(a.string("model", "ae"));
        NoiseSpec noise = parseNoise(a.string("noise", kind.trainsOnNoise() ? "0.4" : "0"));
        ModelSpec spec = new ModelSpec(kind, a.intList("hidden", List.of(256)), a.integer("latent", 8),
                LossKind.fromId(a.string("loss", "mse")), a.number("lr", 1e-3), noise.level(), noise.kind(),
                a.number("beta", 1));
        TrainingConfig config = new TrainingConfig(spec, a.integer("epochs", 5), a.integer("batch", 128),
                a.longValue("seed", 42));
        Path outFile = a.string("out", null) == null ? null : Path.of(a.string("out", null));

        DatasetCatalog catalog = new DatasetCatalog();
        DatasetSplit data = catalog.load(a.required("dataset"), a.string("test-dataset", null),
                ConsoleProgress.on(err), new Cancellation());
        err.println("Data: " + data.train() + " train, " + data.test() + " test");
        err.println("ND4J: " + NativeRuntime.init().summary());
        TrainableAutoencoder model = TrainableAutoencoder.create(spec, data.train().pixelCount(), config.seed());
        err.println("Model: " + spec.describe(data.train().pixelCount()) + ", batch " + config.batchSize()
                + ", seed " + config.seed());

        TrainingHistory history = new TrainingHistory();
        long t0 = System.nanoTime();
        Trainer.Outcome outcome = new Trainer(model, data, config, history).run(new Trainer.Listener() {
            private long lastPrint;

            @Override public void onIteration(long it, int epoch, double pos, double loss, double sps) {
                long now = System.nanoTime();
                if (now - lastPrint < 1_000_000_000L) return;
                lastPrint = now;
                err.printf("epoch %d  %.0f%%  loss %.5f  %.0f samples/s%n", epoch, (pos - (epoch - 1)) * 100, loss, sps);
            }

            @Override public void onEpoch(EpochRecord r) {
                err.printf("epoch %d/%d done: train %s %.5f, test %s %.5f, test MSE %.5f, %.1f s, %.0f samples/s%n",
                        r.epoch(), config.epochs(), spec.loss(), r.trainLoss(), spec.loss(), r.testLoss(),
                        r.testMse(), r.seconds(), r.samplesPerSecond());
            }
        }, Trainer.Control.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (outcome.status() == Trainer.Status.DIVERGED) {
            err.println(outcome.message());
            return 1;
        }
        if (outFile != null) {
            ModelStore.save(outFile, model, new ModelMetadata(spec, model.inputSize(), data.id(),
                    data.train().fingerprint(), config.seed(), config.batchSize(), history.epochs(),
                    history.points(), Instant.now(), AppVersion.get()));
            err.println("Saved " + outFile.toAbsolutePath());
        }
        Evaluation test = Evaluation.of(model, data.test());
        List<EpochRecord> epochs = history.epochs();
        EpochRecord last = epochs.get(epochs.size() - 1);
        double trainSeconds = epochs.stream().mapToDouble(e -> data.train().size() / e.samplesPerSecond()).sum();
        VariationalAutoencoder.LossParts vaeLoss = model instanceof VariationalAutoencoder vae
                ? vae.lossParts(org.nd4j.linalg.factory.Nd4j.create(data.test().images(
                        java.util.stream.IntStream.range(0, data.test().size()).toArray())))
                : null;
        if (vaeLoss != null) {
            err.printf("VAE test loss per image: reconstruction %.2f + β %.2f × KL %.2f = %.2f%n", vaeLoss.reconstruction(),
                    spec.beta(), vaeLoss.kl(), vaeLoss.total(spec.beta()));
        }
        if (a.flag("json")) {
            out.println(new Json().put("model", kind.id()).put("dataset", data.id())
                    .put("train_size", data.train().size()).put("test_size", data.test().size())
                    .put("hidden", spec.hidden()).put("latent", spec.latent()).put("loss", spec.loss().id())
                    .put("epochs", epochs.size()).put("batch", config.batchSize()).put("seed", config.seed())
                    .put("train_loss", last.trainLoss()).put("test_loss", test.loss())
                    .put("test_mse", test.mse()).put("test_bce", test.bce()).put("test_psnr", test.psnr())
                    .put("samples_per_second", epochs.size() * (double) data.train().size() / trainSeconds)
                    .put("beta", kind == ModelKind.VAE ? spec.beta() : null)
                    .put("seconds", seconds).put("out", outFile == null ? null : outFile.toString())
                    .put("test_recon", vaeLoss == null ? null : vaeLoss.reconstruction())
                    .put("test_kl", vaeLoss == null ? null : vaeLoss.kl())
                    .put("test_vae_loss", vaeLoss == null ? null : vaeLoss.total(spec.beta())));
        } else {
            out.printf("test %s %.5f, test MSE %.5f, PSNR %.2f dB after %d epochs in %.1f s%n", spec.loss(),
                    test.loss(), test.mse(), test.psnr(), epochs.size(), seconds);
        }
        return 0;
    }
}
