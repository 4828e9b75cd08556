package io.github.latentlab.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.session.MapLayout;
import io.github.latentlab.session.MapSettings;
import io.github.latentlab.session.Session;
import io.github.latentlab.session.SessionFile;
import io.github.latentlab.session.SessionLesson;
import io.github.latentlab.session.SessionModel;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunMetadata;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.latent.LatentViewModel;
import io.github.latentlab.util.AppDirs;
import io.github.latentlab.util.AtomicFiles;

/**
 * File › Save session and Open session: the whole workspace in one file a teacher carries to
 * class. Saving reads the window's state on the UI thread and writes off it; a shipped model goes
 * by name and checksum, any other with its timeline inside. While a run trains, the session holds
 * its last finished epoch (the run folder's checkpoint) and says so. Opening writes what the file
 * carries to the app's folder and restores everything through the window's own commands; what
 * this computer lacks (a dataset, a shipped model or lesson, an epoch) is named, the rest opens.
 */
final class SessionFiles {
    /** What a save did: the file, and the epoch saved when a run was training (else -1). */
    record Saved(Path file, int trainingEpoch) { }

    /** What an open restored, and what it could not (in the window's language). */
    record Restored(Path file, List<String> missing) { }

    private final MainWindow window;

    SessionFiles(MainWindow window) {
        this.window = window;
    }

    CompletableFuture<Saved> save(Path target) {
        AppState app = window.app();
        DatasetSplit data = app.data();
        LatentViewModel latent = window.latentViewModel();
        MapSettings map = mapSettings(latent);
        LatentMap shown = latent.mapProperty().get();
        MapLayout layout = shown == null ? null : new MapLayout(shown.embedding().xy(), latent.mapEpoch());
        int selected = latent.selectedProperty().get();
        List<Integer> picks = latent.picks();
        NoiseKind noise = window.noiseViewModel().kindProperty().get();
        double level = Math.min(noise.maxLevel(), window.noiseViewModel().levelProperty().get());
        int viewed = app.timeline().viewedEpoch();
        String tab = window.tabs().getSelectionModel().getSelectedItem().getId().substring("tab-".length());
        String lessonName = window.lessons().shippedName();
        Path lessonFile = window.lessons().file();
        List<String> lessonPictures = lessonFile == null ? List.of()
                : window.lessonViewModel().lessonProperty().get().pictures().stream().map(p -> p.path()).distinct().toList();
        int lessonStep = Math.max(0, window.lessonViewModel().stepProperty().get());
        String shipped = ((WindowCommands) window.commands()).shippedShown();
        Run training = app.training().isRunning() ? app.runs().currentRun() : null;
        Timeline timeline = app.timeline().timeline();
        var config = app.config();
        var history = app.history();
        CompletableFuture<TrainableAutoencoder> copy = shipped != null || training != null || app.model() == null
                ? CompletableFuture.completedFuture(null) : app.modelCopy();
        return copy.thenCompose(model -> app.background().run(() -> {
            int trainingEpoch = -1;
            SessionModel carried;
            if (shipped != null && training == null) {
                carried = new SessionModel.Shipped(shipped, SessionModel.Shipped.sha256Of(ShippedModels.bytes(shipped)));
            } else if (training != null && training.checkpoints() != null && training.checkpoints().latestFile() != null) {
                // mid-epoch weights are in no file: the last finished epoch is, with its timeline
                Path checkpoint = training.checkpoints().latestFile();
                trainingEpoch = ModelStore.readMetadata(checkpoint).epochsDone();
                Timeline t = training.timeline() == null ? null : training.timeline().upTo(trainingEpoch);
                carried = new SessionModel.Embedded(checkpoint.getFileName().toString(), Files.readAllBytes(checkpoint),
                        t == null ? null : timelineBytes(t));
            } else if (model != null) {
                carried = new SessionModel.Embedded("model" + ModelStore.EXTENSION,
                        modelBytes(model, RunMetadata.of(config, model.inputSize(), data, history)),
                        timeline == null ? null : timelineBytes(timeline));
            } else {
                carried = null;
            }
            SessionLesson lesson = lessonName != null ? new SessionLesson.Shipped(lessonName, lessonStep)
                    : lessonFile != null ? new SessionLesson.Embedded(lessonFile.getFileName().toString(),
                    Files.readAllBytes(lessonFile), lessonStep, pictures(lessonFile, lessonPictures)) : null;
            Session s = Session.of(data == null ? null : data.id(), data == null ? "" : data.train().fingerprint(), carried,
                    map, layout, selected, picks, noise, level, viewed, tab, lesson);
            SessionFile.write(target, s);
            return new Saved(target, trainingEpoch);
        }, saved -> { }, error -> { }));
    }

    /** The lesson's pictures beside its file, as the session carries them (ones gone or too large are left out). */
    private static Map<String, byte[]> pictures(Path lessonFile, List<String> paths) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String path : paths) {
            Path file = lessonFile.toAbsolutePath().getParent().resolve(path);
            if (out.size() < SessionLesson.MAX_PICTURES && Files.isRegularFile(file)
                    && Files.size(file) <= SessionLesson.MAX_PICTURE_BYTES) {
                out.put(path, Files.readAllBytes(file));
            }
        }
        return out;
    }

    private static MapSettings mapSettings(LatentViewModel latent) {
        try {
            return MapSettings.of(latent.mapRequest());
        } catch (IllegalArgumentException e) {
            return MapSettings.DEFAULT; // a setting beyond what a session keeps: the defaults instead
        }
    }

    private static byte[] modelBytes(TrainableAutoencoder model, ModelMetadata metadata)
            throws IOException {
        return bytesOf(ModelStore.EXTENSION, file -> ModelStore.save(file, model, metadata));
    }

    private static byte[] timelineBytes(Timeline t) throws IOException {
        return bytesOf(TimelineFile.EXTENSION, file -> TimelineFile.write(file, t));
    }

    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** What {@code writer} puts in a file, as bytes: the stores write files, the session carries their bytes. */
    private static byte[] bytesOf(String extension, FileWriter writer) throws IOException {
        Path tmp = Files.createTempFile("latent-lab-session", extension);
        try {
            writer.write(tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a session and restores it; the future completes with what could not be. */
    CompletableFuture<Restored> open(Path file) {
        AppState app = window.app();
        CompletableFuture<Restored> done = new CompletableFuture<>();
        app.background().run(() -> unpack(file, SessionFile.read(file)),
                unpacked -> new SessionRestore(window, unpacked).run().whenComplete((missing, e) -> {
                    if (e != null) done.completeExceptionally(e);
                    else done.complete(new Restored(file, missing));
                }), done::completeExceptionally);
        return done;
    }

    /** A session with what it carries written out: the model (and timeline) and lesson files it names. */
    record Unpacked(Session session, Path modelFile, Path lessonFile, boolean shippedChanged) { }

    /** Off the UI thread: writes the carried files into the app's folder, atomically, and checks a shipped model's version. */
    private static Unpacked unpack(Path file, Session s) throws IOException {
        String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path folder = AppDirs.home().resolve("sessions").resolve(stem);
        Path modelFile = null;
        boolean shippedChanged = false;
        if (s.model() instanceof SessionModel.Embedded m) {
            Files.createDirectories(folder);
            modelFile = folder.resolve(m.fileName());
            AtomicFiles.write(modelFile, m.model());
            Path timeline = TimelineFile.besideModel(modelFile);
            if (m.timeline() != null) AtomicFiles.write(timeline, m.timeline());
            else Files.deleteIfExists(timeline); // an earlier session's of the same name is not this model's
        } else if (s.model() instanceof SessionModel.Shipped m) {
            byte[] here = ShippedModels.bytes(m.name());
            shippedChanged = here != null && !SessionModel.Shipped.sha256Of(here).equals(m.sha256());
        }
        Path lessonFile = null;
        if (s.lesson() instanceof SessionLesson.Embedded l) {
            Files.createDirectories(folder);
            lessonFile = folder.resolve(l.fileName());
            AtomicFiles.write(lessonFile, l.markdown());
            for (var p : l.pictures().entrySet()) { // beside the lesson, where its reader looks for them
                Path picture = folder.resolve(p.getKey()).normalize();
                if (!picture.startsWith(folder)) continue; // the session's reader checked the path; this is belt and braces
                Files.createDirectories(picture.getParent());
                AtomicFiles.write(picture, p.getValue());
            }
        }
        return new Unpacked(s, modelFile, lessonFile, shippedChanged);
    }
}
