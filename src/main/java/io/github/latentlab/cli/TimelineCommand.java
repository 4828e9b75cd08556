package io.github.latentlab.cli;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.training.Checkpoints;

/**
 * {@code timeline}: what training timelines hold and what they cost: size on disk, epochs, kept
 * models, and the error of their compact encoding, measured against the full-precision model kept
 * with them (a model file beside, or a run folder's last checkpoint) at the last epoch.
 */
@Command(name = "timeline", sortOptions = false,
        header = "Shows what training timelines hold, their size and their encoding's error.",
        description = "For each timeline (a .timeline file, a model file with one beside it, or a run folder): its size "
                + "on disk, epochs and kept models; when the full model is there too, the largest deviation of the "
                + "stored codes (float16), reconstructions (8-bit) and kept model (float16 parameters) from it.",
        footer = {"", "Example:", "  latent-lab timeline models/*.timeline"})
final class TimelineCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Timelines, model files or run folders.")
    List<Path> files;
    @Option(names = "--json", description = "Print the results as one JSON object on the last stdout line.")
    boolean json;

    TimelineCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        int failed = 0;
        if (!json) {
            out.printf("%-40s %9s %7s %-16s %11s %11s %11s%n", "timeline", "size", "epochs", "models", "code err",
                    "recon err", "decode err");
        }
        for (Path given : expanded(files)) {
            Path file = timelineOf(given);
            try {
                Map<String, Object> row = describe(file, modelOf(given, file));
                rows.add(row);
                if (!json) {
                    out.printf("%-40s %6.2f MB %7d %-16s %11s %11s %11s%n", file.getFileName(),
                            ((Long) row.get("bytes")) / 1e6, row.get("epochs"), row.get("models"), fmt(row.get("code_max_rel_error")),
                            fmt(row.get("recon_max_abs_error")), fmt(row.get("decode_max_abs_error")));
                }
            } catch (Exception e) {
                err.println(file + ": " + Cli.messageOf(e));
                failed++;
            }
        }
        if (json) out.println(new Json().put("timelines", rows));
        else out.println("code err: largest |stored - exact| over the largest |code|; recon, decode err: largest pixel difference (0..1)");
        return failed == 0 ? 0 : 1;
    }

    /**
     * The files named, a pattern such as {@code models/*.timeline} expanded here too: a shell on
     * Windows, or a program starting this one, passes it as it is.
     */
    static List<Path> expanded(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!name.contains("*") && !name.contains("?")) {
                out.add(p);
                continue;
            }
            Path folder = p.getParent() == null ? Path.of(".") : p.getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
            List<Path> matches;
            try (Stream<Path> s = Files.list(folder)) {
                matches = s.filter(f -> matcher.matches(f.getFileName())).sorted().toList();
            }
            if (matches.isEmpty()) out.add(p); // named as given, so the message says what was not found
            out.addAll(matches);
        }
        return out;
    }

    private static String fmt(Object v) {
        return v instanceof Double d ? String.format("%.2e", d) : "–";
    }

    /** A .timeline as given, a run folder's, or the one beside a model file. */
    private static Path timelineOf(Path given) {
        if (Files.isDirectory(given)) return given.resolve("run" + TimelineFile.EXTENSION);
        if (given.toString().endsWith(TimelineFile.EXTENSION)) return given;
        return Checkpoints.timelineFor(given);
    }

    /** The full-precision model of the timeline's last epoch, when it is at hand (null otherwise). */
    private static Path modelOf(Path given, Path timeline) throws Exception {
        if (Files.isDirectory(given)) return Checkpoints.open(given).latestFile();
        if (given.toString().endsWith(ModelStore.EXTENSION)) return given;
        String name = timeline.getFileName().toString();
        Path beside = timeline.resolveSibling(name.substring(0, name.length() - TimelineFile.EXTENSION.length())
                + ModelStore.EXTENSION);
        return Files.isRegularFile(beside) ? beside : null;
    }

    private static Map<String, Object> describe(Path file, Path modelFile) throws Exception {
        Timeline t = TimelineFile.read(file);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.toString());
        row.put("bytes", Files.size(file));
        row.put("raw_bytes", t.rawBytes());
        row.put("epochs", t.epochs().size());
        row.put("last_epoch", t.lastEpoch());
        row.put("models", t.modelEpochs().toString().replace(" ", ""));
        row.put("images", t.images().size());
        row.put("latent", t.model().spec().latent());
        if (modelFile == null) return row;
        if (ModelStore.readMetadata(modelFile).epochsDone() != t.lastEpoch()) return row; // another epoch's model
        TrainableAutoencoder exact = ModelStore.load(modelFile).model();
        int last = t.lastEpoch();
        float[][] images = t.images().images(t.images().size());
        float[][] codes = exact.encode(images);
        float[][] stored = t.codes(last);
        double largest = 0, codeErr = 0;
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < codes[i].length; j++) {
                largest = Math.max(largest, Math.abs(codes[i][j]));
                codeErr = Math.max(codeErr, Math.abs(codes[i][j] - stored[i][j]));
            }
        }
        row.put("code_max_abs_error", codeErr);
        row.put("code_max_rel_error", largest > 0 ? codeErr / largest : 0.0);
        row.put("recon_max_abs_error", maxDiff(exact.reconstruct(t.images().images(t.images().reconstructed())),
                t.reconstructions(last)));
        if (t.modelEpochs().contains(last)) {
            row.put("decode_max_abs_error", maxDiff(exact.decode(codes), t.modelAt(last).decode(codes)));
        }
        return row;
    }

    private static double maxDiff(float[][] a, float[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
        return d;
    }
}
