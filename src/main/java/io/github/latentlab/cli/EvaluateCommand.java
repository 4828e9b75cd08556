package io.github.latentlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.github.latentlab.data.DatasetCatalog;
import io.github.latentlab.data.DatasetSplit;
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
        Args a = new Args(argv, Set.of("model", "dataset"), Set.of("json"));
        SavedModel saved = ModelStore.load(Path.of(a.required("model")));
        String datasetId = a.string("dataset", saved.metadata().datasetId());
        DatasetSplit data = new DatasetCatalog().load(datasetId, null, ConsoleProgress.on(err), new Cancellation());
        if (!data.train().fingerprint().equals(saved.metadata().datasetFingerprint())) {
            err.println("Note: the model was trained on other data (" + saved.metadata().datasetId() + ")");
        }
        Evaluation e = Evaluation.of(saved.model(), data.test());
        if (a.flag("json")) {
            out.println(new Json().put("model", a.required("model")).put("dataset", data.id())
                    .put("images", e.images()).put("test_mse", e.mse()).put("test_bce", e.bce())
                    .put("test_psnr", e.psnr()).put("epochs", saved.metadata().epochsDone()));
        } else {
            out.printf("%s on %s test (%d images): MSE %.5f, BCE %.5f, PSNR %.2f dB%n",
                    saved.metadata().spec().describe(saved.model().inputSize()), data.id(), e.images(),
                    e.mse(), e.bce(), e.psnr());
        }
        return 0;
    }
}
