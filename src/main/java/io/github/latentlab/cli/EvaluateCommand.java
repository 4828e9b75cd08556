package io.github.latentlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.github.latentlab.data.DatasetCatalog;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.DenoisingEvaluation;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.util.Cancellation;

/** {@code evaluate}: a saved model's reconstruction quality on a dataset's test split. */
final class EvaluateCommand {
    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) throws Exception {
        Args a = new Args(argv, Set.of("model", "dataset", "noise", "seed"), Set.of("json"));
        NoiseSpec noise = a.string("noise", null) == null ? null : NoiseSpec.parse(a.string("noise", null));
        SavedModel saved = ModelStore.load(Path.of(a.required("model")));
        String datasetId = a.string("dataset", saved.metadata().datasetId());
        DatasetSplit data = new DatasetCatalog().load(datasetId, null, ConsoleProgress.on(err), new Cancellation());
        if (!data.train().fingerprint().equals(saved.metadata().datasetFingerprint())) {
            err.println("Note: the model was trained on other data (" + saved.metadata().datasetId() + ")");
        }
        Evaluation e = Evaluation.of(saved.model(), data.test());
        DenoisingEvaluation d = noise == null ? null
                : DenoisingEvaluation.of(saved.model(), data.test(), noise, a.longValue("seed", 42), Integer.MAX_VALUE);
        if (a.flag("json")) {
            Json json = new Json().put("model", a.required("model")).put("dataset", data.id())
                    .put("images", e.images()).put("test_mse", e.mse()).put("test_bce", e.bce())
                    .put("test_psnr", e.psnr()).put("epochs", saved.metadata().epochsDone());
            if (d != null) {
                json.put("noise", noise.toString()).put("noisy_psnr", d.noisyPsnr()).put("denoised_psnr", d.denoisedPsnr())
                        .put("noisy_ssim", d.noisySsim()).put("denoised_ssim", d.denoisedSsim());
                double[] slider = sliderMillis(saved.model(), data.test(), noise);
                json.put("slider_images", SLIDER_IMAGES).put("slider_ms_p50", slider[0]).put("slider_ms_p99", slider[1]);
            }
            out.println(json);
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
    static double[] sliderMillis(io.github.latentlab.model.Autoencoder model, io.github.latentlab.data.Dataset test,
                                 NoiseSpec noise) {
        int[] idx = new int[Math.min(SLIDER_IMAGES, test.size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        int warmup = 100, n = 300;
        double[] ms = new double[n];
        for (int i = 0; i < warmup + n; i++) {
            double level = noise.kind().maxLevel() * (i % 50) / 49.0;
            var rows = io.github.latentlab.model.DenoisedRows.of(model, test, idx, new NoiseSpec(noise.kind(), level));
            if (i >= warmup) ms[i - warmup] = rows.millis();
        }
        java.util.Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) Math.ceil(0.99 * n) - 1]};
    }
}
