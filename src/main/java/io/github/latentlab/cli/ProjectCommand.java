package io.github.latentlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.EmbeddingExport;
import io.github.latentlab.projection.IdentityProjector;
import io.github.latentlab.projection.PcaProjector;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.projection.Trustworthiness;
import io.github.latentlab.projection.TsneProjector;
import io.github.latentlab.projection.UmapProjector;
import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Cancellation;

/**
 * {@code project}: encodes N images of a dataset with a saved model and lays the codes out in
 * 2-D, timing it and scoring how well the map keeps latent neighbourhoods (trustworthiness, k 10,
 * over every point up to {@value #TRUST_ALL_MAX}, above that on a {@value #TRUST_SAMPLE}-point
 * sample; the JSON names the points it was measured on).
 */
@Command(name = "project", sortOptions = false,
        header = "Lays a saved model's codes out in 2-D (the latent map).",
        description = "Encodes images with a saved model and lays their codes out in 2-D, timing it and scoring how "
                + "well the map keeps latent neighbourhoods (trustworthiness, k 10, over all points up to 10,000, "
                + "above that on a 5,000-point sample); "
                + "writes the map as CSV, and the codes for the TensorFlow Embedding Projector, if asked.")
final class ProjectCommand implements Callable<Integer> {
    static final int TRUST_K = 10;
    /** Trustworthiness over every point up to this many; above, over a sample. */
    static final int TRUST_ALL_MAX = 10_000;
    static final int TRUST_SAMPLE = 5_000;
    private final PrintStream out;
    private final PrintStream err;
    @Mixin CommonOptions common;

    @Option(names = "--model", paramLabel = "FILE.llab", required = true, description = "The saved model (required).")
    String modelFile;
    @Option(names = "--dataset", paramLabel = "ID",
            description = "Images to encode (default: the model's own dataset).")
    String dataset;
    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "test, train or all (the training images, then the test ones) (default: ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--n", paramLabel = "N", defaultValue = "10000",
            description = "How many images, at least 20; at most the split's size (default: ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "pca",
            description = "pca, tsne, umap or identity (a 2-D code as it is) (default: ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--perplexity", paramLabel = "P", defaultValue = "30",
            description = "tsne: perplexity (default: ${DEFAULT-VALUE}).")
    double perplexity;
    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
            description = "tsne: iterations (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--landmarks", paramLabel = "N",
            description = "tsne: lay out only N points drawn at random, the others placed among them "
            + "(default: every point laid out by t-SNE).")
    Integer landmarks;
    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "15",
            description = "umap: neighbours (default: ${DEFAULT-VALUE}).")
    int neighbours;
    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write the map as CSV: index,label,class,x,y (default: not written).")
    String outFile;
    @Option(names = "--export", paramLabel = "DIR",
            description = "Write the codes and labels there as TSV files for the "
            + "TensorFlow Embedding Projector (default: not written).")
    String exportDir;
    @Option(names = "--json", description = "Print the result as one JSON object on the last stdout line.")
    boolean json;

    ProjectCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        SavedModel saved = ModelStore.load(Path.of(modelFile));
        Projector projector = switch (method) {
            case "pca" -> new PcaProjector(0, 1);
            case "identity" -> new IdentityProjector();
            case "tsne" -> landmarks == null ? new TsneProjector(perplexity, iterations, seed)
                    : new TsneProjector(perplexity, iterations, landmarks, seed);
            case "umap" -> new UmapProjector(neighbours, seed);
            default -> throw new IllegalArgumentException("--method must be pca, tsne, umap or identity, got '" + method + "'");
        };
        DatasetSplit data = new DatasetCatalog().load(dataset != null ? dataset : saved.metadata().datasetId(), null,
                ConsoleProgress.on(err), new Cancellation());
        Dataset d = switch (split) {
            case "test" -> data.test();
            case "train" -> data.train();
            case "all" -> Dataset.concat(data.train().id(), data.train(), data.test());
            default -> throw new IllegalArgumentException("--split must be test, train or all, got '" + split + "'");
        };
        int n = Math.min(count, d.size());
        if (n < 20) throw new IllegalArgumentException("--n must be at least 20");
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        long t0 = System.nanoTime();
        float[][] codes = saved.model().encode(d.images(idx));
        double encodeSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double[] firstPicture = {Double.NaN};
        Embedding e = projector.fit(codes, ConsoleProgress.on(err), new Cancellation(), partial -> {
            if (Double.isNaN(firstPicture[0])) firstPicture[0] = (System.nanoTime() - t1) / 1e9;
        });
        double seconds = (System.nanoTime() - t1) / 1e9;
        if (Double.isNaN(firstPicture[0])) firstPicture[0] = seconds;
        double[][] codesD = new double[n][];
        for (int i = 0; i < n; i++) {
            codesD[i] = new double[codes[i].length];
            for (int j = 0; j < codes[i].length; j++) codesD[i][j] = codes[i][j];
        }
        int trustPoints = n <= TRUST_ALL_MAX ? n : TRUST_SAMPLE;
        long t2 = System.nanoTime();
        double trust = Trustworthiness.of(codesD, e.xy(), TRUST_K, trustPoints, seed);
        double trustSeconds = (System.nanoTime() - t2) / 1e9;
        err.printf("%s: %d points in %.1f s (first picture after %.1f s, encoding %.1f s); %s; trustworthiness@%d %.4f "
                + "over %s (%.1f s)%n", method, n, seconds, firstPicture[0], encodeSeconds, e.note().english(), TRUST_K,
                trust, trustPoints == n ? "all " + n + " points" : "a sample of " + trustPoints, trustSeconds);
        if (outFile != null) writeCsv(Path.of(outFile), d, e);
        if (exportDir != null) {
            err.println("Wrote " + EmbeddingExport.write(Path.of(exportDir), codes, d, e.xy()));
        }
        DecodeTiming decode = DecodeTiming.measure(saved.model(), codesD, e,
                method.equals("pca") ? (PcaProjector) projector : null, seed);
        err.printf("decode at a map point (inverse + decoder): median %.3f ms, p99 %.3f ms over %d points; "
                        + "the decoder alone: median %.3f ms, p99 %.3f ms%n",
                decode.p50Millis(), decode.p99Millis(), decode.samples(), decode.decoderP50Millis(), decode.decoderP99Millis());
        if (json) {
            out.println(new Json().put("method", method).put("dataset", data.id()).put("split", split)
                    .put("n", n).put("points", e.xy().length).put("fitted", e.fitted()).put("seconds", seconds)
                    .put("first_picture_seconds", firstPicture[0]).put("encode_seconds", encodeSeconds)
                    .put("trustworthiness", trust).put("trustworthiness_k", TRUST_K)
                    .put("trustworthiness_sample", trustPoints).put("trustworthiness_all", trustPoints == n)
                    .put("seed", seed)
                    .put("latent", codes[0].length).put("note", e.note().english()).put("out", outFile)
                    .put("decode_p50_ms", decode.p50Millis()).put("decode_p99_ms", decode.p99Millis())
                    .put("decoder_p50_ms", decode.decoderP50Millis()).put("decoder_p99_ms", decode.decoderP99Millis()));
        }
        return 0;
    }

    private static void writeCsv(Path file, Dataset d, Embedding e) throws IOException {
        StringBuilder sb = new StringBuilder("index,label,class,x,y\n");
        for (int i = 0; i < e.xy().length; i++) {
            sb.append(i).append(',').append(d.label(i)).append(',').append(d.classNames().get(d.label(i)).replace(",", " "))
                    .append(',').append(e.xy()[i][0]).append(',').append(e.xy()[i][1]).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
