package io.github.latentlab.training;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.util.AppDirs;
import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.StrictJson;

/**
 * One run's folder: {@code run.json} (its {@link RunPlan}), a checkpoint per epoch
 * ({@code epoch-0003.llab}: parameters, Adam state and history, so training resumes exactly), of
 * which the last {@link #KEEP_LAST} are kept, {@code best.llab}, the epoch with the lowest test
 * loss, and {@code run.timeline} (see {@link TimelineRecorder}). Every file is replaced atomically, so killing the process mid-save leaves the previous
 * checkpoint whole.
 */
public final class Checkpoints {
    public static final int KEEP_LAST = 3;
    static final String PLAN_FILE = "run.json";
    static final String BEST_FILE = "best" + ModelStore.EXTENSION;
    static final String TIMELINE_FILE = "run" + TimelineFile.EXTENSION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_PLAN_BYTES = 1 << 20;
    private static final int MAX_EPOCHS = 100_000;

    private final Path folder;
    private RunPlan plan;

    private Checkpoints(Path folder, RunPlan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    /** Where runs are kept unless said otherwise: {@code ~/.latent-lab/runs}. */
    public static Path defaultRoot() { return AppDirs.home().resolve("runs"); }

    /** Makes a new run folder under {@code root}, named after the time and the plan's name. */
    public static Checkpoints create(Path root, RunPlan plan) throws IOException {
        Files.createDirectories(root);
        String stem = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss")) + "-"
                + plan.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Path folder = root.resolve(stem);
        for (int i = 2; Files.exists(folder); i++) folder = root.resolve(stem + "-" + i);
        Files.createDirectories(folder);
        Checkpoints c = new Checkpoints(folder, plan);
        c.writePlan();
        return c;
    }

    /** Opens an existing run folder; fails with a plain message when it is not one. */
    public static Checkpoints open(Path folder) throws IOException {
        Path planFile = folder.resolve(PLAN_FILE);
        if (!Files.isRegularFile(planFile)) {
            throw new IOException(folder + " is not a Latent Lab run folder (it has no " + PLAN_FILE + ")");
        }
        try {
            return new Checkpoints(folder, readPlan(Files.readAllBytes(planFile), folder.getFileName().toString()));
        } catch (IllegalArgumentException e) {
            throw new IOException(planFile + " is damaged: " + e.getMessage(), e);
        }
    }

    /** A run.json's plan, every field type-checked (a plan is only a few hundred bytes). */
    static RunPlan readPlan(byte[] json, String folderName) {
        JsonNode n = StrictJson.parse(json, MAX_PLAN_BYTES, PLAN_FILE);
        if (!n.isObject()) throw new IllegalArgumentException(PLAN_FILE + " is not a JSON object");
        RunStatus status = RunStatus.fromStored(StrictJson.text(n, "status", RunStatus.RUNNING.id()));
        return new RunPlan(StrictJson.text(n, "name", folderName), StrictJson.text(n, "dataset"),
                StrictJson.text(n, "testDataset", null), StrictJson.integer(n, "targetEpochs", 1, MAX_EPOCHS),
                StrictJson.integer(n, "batchSize", 1, 1 << 16, 128), StrictJson.longInteger(n, "seed", 42),
                status, StrictJson.text(n, "message", ""));
    }

    /**
     * The run folders under {@code root}, newest first. Folders without a run.json are not runs
     * and are skipped; a run folder whose run.json is damaged is left as it is and reported to
     * {@code damaged} (its name and why), so the user hears of it.
     */
    public static List<Checkpoints> list(Path root, BiConsumer<Path, String> damaged) {
        List<Checkpoints> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) return runs;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    if (Files.isRegularFile(p.resolve(PLAN_FILE))) runs.add(open(p));
                } catch (IOException e) {
                    damaged.accept(p, e.getMessage());
                }
            }
        } catch (IOException e) {
            damaged.accept(root, "the runs folder could not be listed: " + e.getMessage());
        }
        return runs;
    }

    public Path folder() { return folder; }
    public synchronized RunPlan plan() { return plan; }

    public synchronized void updatePlan(RunPlan newPlan) throws IOException {
        plan = newPlan;
        writePlan();
    }

    /** Writes the checkpoint for the model's epoch, refreshes {@code best.llab} and drops old checkpoints. */
    public void save(TrainableAutoencoder model, ModelMetadata metadata) throws IOException {
        int epoch = metadata.epochsDone();
        Path file = epochFile(epoch);
        ModelStore.save(file, model, metadata);
        EpochRecord last = metadata.epochs().isEmpty() ? null : metadata.epochs().get(metadata.epochs().size() - 1);
        EpochRecord best = metadata.epochs().stream().filter(e -> Double.isFinite(e.testLoss()))
                .min(Comparator.comparingDouble(EpochRecord::testLoss)).orElse(null);
        if (last != null && last == best) {
            Path tmp = folder.resolve(BEST_FILE + ".tmp");
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, folder.resolve(BEST_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Path> all = epochFiles();
        for (int i = 0; i < all.size() - KEEP_LAST; i++) Files.deleteIfExists(all.get(i));
    }

    /**
     * Where the timeline of a model file is: its run folder's, when it is a checkpoint, else the
     * one beside it ({@code NAME.timeline}). It may not exist.
     */
    public static Path timelineFor(Path modelFile) {
        Path folder = modelFile.toAbsolutePath().getParent();
        if (folder != null && Files.isRegularFile(folder.resolve(PLAN_FILE))) return folder.resolve(TIMELINE_FILE);
        return TimelineFile.besideModel(modelFile);
    }

    /** Where the run's timeline is kept (it may not exist yet). */
    public Path timelineFile() { return folder.resolve(TIMELINE_FILE); }

    /** The newest checkpoint, or null when none was written. */
    public Path latestFile() {
        List<Path> all = epochFiles();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public Path bestFile() {
        Path best = folder.resolve(BEST_FILE);
        return Files.isRegularFile(best) ? best : null;
    }

    /** Loads the newest checkpoint (model, Adam state and history). */
    public SavedModel loadLatest() throws IOException {
        Path latest = latestFile();
        if (latest == null) throw new IOException("run " + folder.getFileName() + " has no checkpoint yet");
        return ModelStore.load(latest);
    }

    /** Deletes the run folder: its checkpoints, best model, timeline and plan (only files this class writes, then the folder). */
    public void delete() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(PLAN_FILE) || name.endsWith(ModelStore.EXTENSION) || name.equals(TIMELINE_FILE)
                        || name.endsWith(".tmp")) Files.delete(p);
            }
        }
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException e) {
            // the user put files of their own there: they stay
        }
    }

    Path epochFile(int epoch) {
        return folder.resolve(String.format(Locale.ROOT, "epoch-%04d%s", epoch, ModelStore.EXTENSION));
    }

    private List<Path> epochFiles() {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}\\.llab")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void writePlan() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", "latent-lab-run");
        n.put("name", plan.name());
        n.put("dataset", plan.datasetId());
        if (plan.testDatasetId() != null) n.put("testDataset", plan.testDatasetId());
        n.put("targetEpochs", plan.targetEpochs());
        n.put("batchSize", plan.batchSize());
        n.put("seed", plan.seed());
        n.put("status", plan.status().id());
        n.put("message", plan.message());
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        AtomicFiles.write(folder.resolve(PLAN_FILE), out -> out.write(bytes));
    }
}
