package io.github.latentlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.DenoisedRows;
import io.github.latentlab.model.DenoisingEvaluation;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.util.Cancellation;

/** {@code evaluate}: a saved model's reconstruction quality on a dataset's test split. */
@Command(name = "evaluate", sortOptions = false,
        header = "Measures a saved model's reconstructions.",
        description = "Measures a saved model's reconstructions of a dataset's test split (MSE, BCE, PSNR); with "
                + "--noise, also PSNR and SSIM of the noisy against the denoised images, and the time the noise pane "
                + "takes per slider move.")
final class EvaluateCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    @Mixin CommonOptions common;

    @Option(names = "--model", paramLabel = "FILE.llab", required = true, description = "The saved model (required).")
    String modelFile;
    @Option(names = "--dataset", paramLabel = "ID", description = "Data to test on (default: the model's own dataset).")
    String dataset;
    @Option(names = "--noise", paramLabel = "KIND:LEVEL", description = "Also corrupt the test images with "
            + "gaussian|saltpepper|mask:LEVEL, e.g. gaussian:0.4 (default: no noise).")
    String noise;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--json", description = "Print the result as one JSON object on the last stdout line.")
    boolean json;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        NoiseSpec noise = this.noise == null ? null : NoiseSpec.parse(this.noise);
        SavedModel saved = ModelStore.load(Path.of(modelFile));
        String datasetId = dataset != null ? dataset : saved.metadata().datasetId();
        DatasetSplit data = new DatasetCatalog().load(datasetId, null, ConsoleProgress.on(err), new Cancellation());
        if (!data.train().fingerprint().equals(saved.metadata().datasetFingerprint())) {
            err.println("Note: the model was trained on other data (" + saved.metadata().datasetId() + ")");
        }
        Evaluation e = Evaluation.of(saved.model(), data.test());
        DenoisingEvaluation d = noise == null ? null
                : DenoisingEvaluation.of(saved.model(), data.test(), noise, seed, Integer.MAX_VALUE);
        if (json) {
            Json result = new Json().put("model", modelFile).put("dataset", data.id())
                    .put("images", e.images()).put("test_mse", e.mse()).put("test_bce", e.bce())
                    .put("test_psnr", e.psnr()).put("epochs", saved.metadata().epochsDone());
            if (d != null) {
                result.put("noise", noise.toString()).put("noisy_psnr", d.noisyPsnr()).put("denoised_psnr", d.denoisedPsnr())
                        .put("noisy_ssim", d.noisySsim()).put("denoised_ssim", d.denoisedSsim());
                double[] slider = sliderMillis(saved.model(), data.test(), noise);
                result.put("slider_images", SLIDER_IMAGES).put("slider_ms_p50", slider[0]).put("slider_ms_p99", slider[1]);
            }
            out.println(result);
        } else {
            out.printf("%s on %s test (%d images): MSE %.5f, BCE %.5f, PSNR %.2f dB%n",
                    saved.metadata().spec().describe(saved.model().inputSize()), data.id(), e.images(),
                    e.mse(), e.bce(), e.psnr());
            if (d != null) {
                out.printf("with %s noise: PSNR %.2f dB noisy → %.2f dB denoised, SSIM %.3f → %.3f%n", noise,
                        d.noisyPsnr(), d.denoisedPsnr(), d.noisySsim(), d.denoisedSsim());
                double[] slider = sliderMillis(saved.model(), data.test(), noise);
                out.printf("noise pane, one slider move for %d images (noise, reconstruction, PSNR, SSIM): "
                        + "p50 %.1f ms, p99 %.1f ms%n", SLIDER_IMAGES, slider[0], slider[1]);
            }
        }
        return 0;
    }

    static final int SLIDER_IMAGES = 16;

    /**
     * What the noise pane computes per slider move, timed over 300 positions sweeping the noise
     * kind's range (after 100 warm-up moves): {p50, p99} in milliseconds.
     */
    static double[] sliderMillis(Autoencoder model, Dataset test,
                                 NoiseSpec noise) {
        int[] idx = new int[Math.min(SLIDER_IMAGES, test.size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        int warmup = 100, n = 300;
        double[] ms = new double[n];
        for (int i = 0; i < warmup + n; i++) {
            double level = noise.kind().maxLevel() * (i % 50) / 49.0;
            var rows = DenoisedRows.of(model, test, idx, new NoiseSpec(noise.kind(), level));
            if (i >= warmup) ms[i - warmup] = rows.millis();
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) Math.ceil(0.99 * n) - 1]};
    }
}
