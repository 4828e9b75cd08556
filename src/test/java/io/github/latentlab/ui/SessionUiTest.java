package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.IdxFormat;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.lessons.Command;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.MapRequest;
import io.github.latentlab.session.Session;
import io.github.latentlab.session.SessionFile;
import io.github.latentlab.session.SessionLesson;
import io.github.latentlab.session.SessionModel;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingService;

/**
 * A session saved here opens on "another computer" (a child JVM with a fresh app folder), after
 * the model's run folder and its dataset's folder have been moved away: every setting comes back,
 * the t-SNE layout exactly as saved, and the missing dataset is named.
 */
class SessionUiTest extends WindowTest {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aSessionOpensInAFreshAppWithEverySettingAndNamesWhatIsMissing(FxRobot robot) throws Exception {
        // the user's own data (an IDX pair in a folder) and a run trained on it in another folder
        Path data = Files.createDirectories(dir.resolve("data"));
        DatasetSplit digits = TestData.digits(600, 10);
        IdxFormat.write(data.resolve("img.idx.gz"), data.resolve("lbl.idx.gz"), digits.train().pixels(),
                digits.train().labels(), 28, true);
        String datasetId = "idx:" + data.resolve("img.idx.gz") + "," + data.resolve("lbl.idx.gz");
        Path runs = dir.resolve("runs");
        Run run;
        try (TrainingService service = new TrainingService();
             RunManager manager = new RunManager(runs, new DatasetCatalog()::load, service)) {
            run = manager.newRun(null, datasetId, null, new TrainingConfig(
                    new ModelSpec(ModelKind.AE, List.of(32), 3, LossKind.MSE, 3e-3, 0), 3, 64, 5));
            manager.submit(run).get(120, TimeUnit.SECONDS);
        }

        // a lesson at its third step, the model, epoch 1 on a t-SNE map, two picks, the noise
        robot.interact(() -> window.startLesson("01-autoencoder"));
        waitUntil(() -> window.lessonViewModel().lessonProperty().get() != null
                && !window.lessonViewModel().settingUpProperty().get() && state.model() != null);
        WaitForAsyncUtils.asyncFx(() -> window.lessonViewModel().next()).get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> window.lessonViewModel().next()).get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        waitUntil(() -> window.lessonViewModel().stepProperty().get() == 2 && !window.lessonViewModel().settingUpProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.openModelFrom(run.checkpoints().latestFile())).get(60, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        waitUntil(() -> state.timeline().timeline() != null && state.data() != null);
        robot.interact(() -> {
            window.latentViewModel().applySettings(new MapRequest(MapMethod.TSNE, MapImages.TEST, 300, 0, 1, 20, 250, 15, 7));
            window.tabs().getSelectionModel().select(1);
        });
        WaitForAsyncUtils.asyncFx(() -> window.commands().run(Command.parse("epoch 1", 0))).get(60, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        waitUntil(() -> window.latentViewModel().mapEpoch() == 1 && window.latentViewModel().epochDrawn().isDone());
        robot.interact(() -> {
            window.latentViewModel().pickRow(3);
            window.latentViewModel().pickRow(8);
            window.latentViewModel().select(5);
            window.noiseViewModel().kindProperty().set(NoiseKind.SALT_PEPPER);
            window.noiseViewModel().levelProperty().set(0.2);
        });
        double[][] layout = window.latentViewModel().mapProperty().get().embedding().xy();
        Path session = dir.resolve("class.llsession");
        WaitForAsyncUtils.asyncFx(() -> window.saveSessionTo(session)).get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        assertTrue(Files.size(session) > 1000);

        // "another computer": the run and the data are gone, the app folder is new
        Files.move(runs, dir.resolve("runs-elsewhere"));
        Files.move(data, dir.resolve("data-elsewhere"));
        JsonNode there = openInChild(session, Files.createDirectories(dir.resolve("fresh-home")));

        assertEquals(3, there.get("modelLatent").asInt(), "the model, carried in the session");
        assertEquals("[0,1,2,3]", there.get("timelineEpochs").toString(), "with its timeline");
        assertEquals(1, there.get("viewedEpoch").asInt());
        assertEquals(1, there.get("mapEpoch").asInt());
        assertEquals("TSNE", there.get("method").asText());
        assertEquals(300, there.get("points").asInt());
        assertEquals(250, there.get("iterations").asInt());
        assertEquals(20.0, there.get("perplexity").asDouble());
        assertEquals(7, there.get("seed").asInt());
        JsonNode xy = there.get("layout");
        assertEquals(layout.length, xy.size());
        for (int i = 0; i < layout.length; i++) {
            assertEquals(layout[i][0], xy.get(i).get(0).asDouble(), 0.0, "point " + i + " where the session put it");
            assertEquals(layout[i][1], xy.get(i).get(1).asDouble(), 0.0);
        }
        assertEquals("[3,8]", there.get("picks").toString());
        assertEquals(5, there.get("selected").asInt());
        assertEquals("saltpepper", there.get("noiseKind").asText());
        assertEquals(0.2, there.get("noiseLevel").asDouble(), 1e-9);
        assertEquals("tab-latent", there.get("tab").asText());
        assertEquals(window.lessonViewModel().lessonProperty().get().title(), there.get("lesson").asText());
        assertEquals(2, there.get("lessonStep").asInt());
        String missing = there.get("missing").toString();
        assertTrue(missing.contains(datasetId), "the missing dataset is named: " + missing);
        assertEquals(1, there.get("missing").size(), missing);
    }

    /** A shipped model goes by name and checksum: the session stays small and opens it again. */
    @Test
    void aShippedModelIsSavedByNameAndOpensAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.commands().run(Command.parse("open-model digits-ae-latent2", 0)))
                .get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> window.commands().run(Command.parse("epoch 3", 0))).get(10, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        Path session = dir.resolve("shipped.llsession");
        WaitForAsyncUtils.asyncFx(() -> window.saveSessionTo(session)).get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        Session saved = SessionFile.read(session);
        SessionModel.Shipped model = (SessionModel.Shipped) saved.model();
        assertEquals("digits-ae-latent2", model.name());
        try (var in = getClass().getResourceAsStream("/models/digits-ae-latent2.llab")) {
            assertEquals(SessionModel.Shipped.sha256Of(in.readAllBytes()), model.sha256());
        }
        assertTrue(Files.size(session) < 200_000, "no model inside: " + Files.size(session));

        robot.interact(() -> window.timelineViewModel().latest());
        List<String> missing = WaitForAsyncUtils.asyncFx(() -> window.openSession(session)).get(10, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), missing);
        assertEquals(3, state.timeline().viewedEpoch(), "the epoch viewed comes back");
        assertEquals(2, state.model().latentSize());
    }

    /** A lesson opened from a file travels inside the session with its pictures, and opens where the file is gone. */
    @Test
    void aLessonFileTravelsWithItsPictures(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-lessons/img"));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", folder.resolve("dot.png").toFile());
        Path lesson = dir.resolve("my-lessons/watch.md");
        Files.writeString(lesson, "# Watching\n\n## One\n@tab train\n\nFirst.\n\n## Two\n@tab latent\n\n"
                + "![A dot](img/dot.png)\n", StandardCharsets.UTF_8);
        robot.interact(() -> window.startLesson(lesson.toString()));
        waitUntil(() -> window.lessonViewModel().lessonProperty().get() != null
                && !window.lessonViewModel().settingUpProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.lessonViewModel().next()).get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        Path session = dir.resolve("lesson.llsession");
        WaitForAsyncUtils.asyncFx(() -> window.saveSessionTo(session)).get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        SessionLesson.Embedded carried = (SessionLesson.Embedded) SessionFile.read(session).lesson();
        assertEquals(List.of("img/dot.png"), List.copyOf(carried.pictures().keySet()));

        Files.move(dir.resolve("my-lessons"), dir.resolve("gone"));
        robot.interact(() -> window.lessonViewModel().close());
        List<String> missing = WaitForAsyncUtils.asyncFx(() -> window.openSession(session)).get(10, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), missing);
        assertEquals("Watching", window.lessonViewModel().lessonProperty().get().title());
        assertEquals(1, window.lessonViewModel().stepProperty().get());
        Path unpacked = io.github.latentlab.util.AppDirs.home().resolve("sessions/lesson/img/dot.png");
        assertTrue(Files.isRegularFile(unpacked), "the picture beside the lesson again: " + unpacked);
    }

    private static JsonNode openInChild(Path session, Path home) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = home.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dlatentlab.home=" + home, "-Dtestfx.headless=true", "-Dprism.order=sw",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dheadless.geometry=1920x1200-32",
                "-Djava.awt.headless=true", "-Djdk.serialFilter=!*",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", cp, SessionChild.class.getName(), session.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result from the child:\n" + out));
        return new ObjectMapper().readTree(result.substring("RESULT ".length()));
    }
}
