package io.github.latentlab.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.ResumeRequest;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/** A run's timeline: recorded as epochs end, what it keeps and how exactly, its file, resume and delete. */
class TimelineTest {
    private static final DatasetSplit DATA = TestData.digits(256, 1200);

    @TempDir Path root;
    private final TrainingService service = new TrainingService();
    private final RunManager manager = new RunManager(Path.of("unused"), TimelineTest::digits, service);

    private static DatasetSplit digits(String id, String testId, Progress p, Cancellation c) {
        return DATA;
    }

    @AfterEach
    void close() {
        manager.close();
        service.close();
    }

    private Run train(ModelKind kind, int epochs, RunManager m, List<Integer> heard) throws Exception {
        ModelSpec spec = new ModelSpec(kind, kind.convolutional() ? List.of(4, 8) : List.of(32), 3, LossKind.MSE, 1e-3, 0);
        m.addListener(new RunManager.Listener() {
            @Override public void timelineChanged(Run run, Timeline t) { heard.add(t.lastEpoch()); }
        });
        Run run = m.newRun(null, "digits", null, new TrainingConfig(spec, epochs, 64, 7));
        assertEquals(RunStatus.FINISHED, m.submit(run).get(120, TimeUnit.SECONDS).status());
        return run;
    }

    @Test
    void aRunRecordsEveryEpochAsItEndsAndTheFileHoldsWhatMemoryHolds() throws Exception {
        RunManager m = new RunManager(root, TimelineTest::digits, service);
        List<Integer> heard = new CopyOnWriteArrayList<>();
        Run run = train(ModelKind.AE, 2, m, heard);
        assertEquals(List.of(0, 1, 2), heard, "epoch 0 before training, then each epoch as it ends");
        Timeline t = run.timeline();
        assertEquals(List.of(0, 1, 2), t.epochs());
        assertEquals(TimelineImages.COUNT, t.images().size(), "1,000 of the 1,200 test images");
        assertEquals(List.of(1, 2), t.modelEpochs(), "epoch 1 is kept for good, 2 as the latest");
        assertEquals(3, t.codes(2)[0].length);
        assertEquals(TimelineImages.RECONSTRUCTED, t.reconstructions(2).length);

        // the stored codes and reconstructions are the final model's, within float16 and 8-bit rounding
        TrainableAutoencoder model = run.model();
        float[][] exact = model.encode(t.images().images(t.images().size()));
        float[][] stored = t.codes(2);
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(exact[i][j], stored[i][j], Math.abs(exact[i][j]) * Half.RELATIVE_ERROR + 1e-7, "code " + i);
            }
        }
        float[][] recon = model.reconstruct(t.images().images(TimelineImages.RECONSTRUCTED));
        float[][] storedRecon = t.reconstructions(2);
        for (int i = 0; i < recon.length; i++) {
            for (int j = 0; j < recon[i].length; j++) assertEquals(recon[i][j], storedRecon[i][j], 0.5 / 255 + 1e-6);
        }
        // the kept model decodes as the model did, within float16 weights
        float[][] decodedNow = model.decode(new float[][] {stored[0]});
        float[][] decodedKept = t.modelAt(2).decode(new float[][] {stored[0]});
        for (int j = 0; j < decodedNow[0].length; j++) assertEquals(decodedNow[0][j], decodedKept[0][j], 0.01);

        Path file = run.checkpoints().timelineFile();
        assertTrue(Files.isRegularFile(file));
        Timeline read = TimelineFile.read(file);
        assertEquals(t.epochs(), read.epochs());
        assertEquals(t.modelEpochs(), read.modelEpochs());
        for (int e : t.epochs()) {
            assertArrayEquals(t.frame(e).codes(), read.frame(e).codes());
            assertArrayEquals(t.frame(e).reconstructions(), read.frame(e).reconstructions());
        }
        assertArrayEquals(t.images().pixels(), read.images().pixels());
        assertArrayEquals(t.images().labels(), read.images().labels());
        assertEquals(t.model().epochs(), read.model().epochs(), "with the loss history");

        m.delete(List.of(run)).get(10, TimeUnit.SECONDS);
        assertFalse(Files.exists(file), "deleting a run deletes its timeline");
    }

    @Test
    void aResumedRunGoesOnFromItsTimelineAndAFolderFromDiskReadsIt() throws Exception {
        RunManager m = new RunManager(root, TimelineTest::digits, service);
        Run run = train(ModelKind.VAE, 1, m, new CopyOnWriteArrayList<>());
        m.resume(run, new ResumeRequest(Double.NaN, 2)).get(120, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2, 3), run.timeline().epochs());
        assertEquals(List.of(1, 3), run.timeline().modelEpochs());

        try (RunManager fresh = new RunManager(root, TimelineTest::digits, service)) {
            Run listed = fresh.open(root, 10).get(10, TimeUnit.SECONDS).added().get(0);
            Timeline read = fresh.timelineOf(listed).get(10, TimeUnit.SECONDS);
            assertNotNull(read);
            assertEquals(List.of(0, 1, 2, 3), read.epochs());
        }
    }

    @Test
    void everyKindOfModelComesBackFromItsParameters() {
        for (ModelKind kind : ModelKind.values()) {
            ModelSpec spec = new ModelSpec(kind, kind.convolutional() ? List.of(4, 8) : List.of(16), 2, LossKind.MSE, 1e-3,
                    kind.trainsOnNoise() ? 0.3 : 0);
            TrainableAutoencoder a = TrainableAutoencoder.create(spec, 784, 1);
            TrainableAutoencoder b = TrainableAutoencoder.create(spec, 784, 2);
            float[][] z = {{0.5f, -1f}};
            assertFalse(java.util.Arrays.equals(a.decode(z)[0], b.decode(z)[0]), kind + ": two seeds differ");
            b.setParameters(a.parameters());
            assertArrayEquals(a.decode(z)[0], b.decode(z)[0], 1e-6f, kind + ": same parameters, same decoder");
            assertThrows(IllegalArgumentException.class, () -> b.setParameters(new float[3]));
        }
    }

    @Test
    void aKeptModelClaimingMoreParametersThanItsBytesHoldIsRefusedBeforeItIsRead() throws Exception {
        TrainableAutoencoder model = TrainableAutoencoder.create(
                new ModelSpec(ModelKind.AE, List.of(8), 2, LossKind.MSE, 1e-3, 0), DATA.test().pixelCount(), 1);
        var meta = io.github.latentlab.training.RunMetadata.of(new TrainingConfig(model.spec(), 1, 8, 1),
                model.inputSize(), DATA, new io.github.latentlab.training.TrainingHistory());
        Path good = root.resolve("good.timeline");
        TimelineFile.write(good, Timeline.start(meta, TimelineImages.choose(DATA.test())).with(0, model, meta).with(1, model, meta));
        // the same file, its kept model claiming 10 M parameters of zeros (a few KB once deflated)
        Path bomb = root.resolve("bomb.timeline");
        try (var in = new java.util.zip.ZipFile(good.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("timeline.json")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("\"parameters\" : \\d+", "\"parameters\" : 10000000")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } else if (e.getName().startsWith("model-")) {
                    bytes = new byte[20_000_000];
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        TimelineFileException refused = assertThrows(TimelineFileException.class, () -> TimelineFile.read(bomb));
        assertTrue(refused.getMessage().contains("model-0001.f16") && refused.getMessage().contains("wrong size"),
                refused.getMessage());
        assertEquals(List.of(1), TimelineFile.read(good).modelEpochs(), "a genuine kept model still reads");
    }

    @Test
    void keepsModelsAtOneThreeTenAndTheLatestAndCutsBackForAnEarlierCheckpoint() {
        TrainableAutoencoder model = TrainableAutoencoder.create(
                new ModelSpec(ModelKind.AE, List.of(8), 2, LossKind.MSE, 1e-3, 0), DATA.test().pixelCount(), 1);
        var meta = io.github.latentlab.training.RunMetadata.of(new TrainingConfig(model.spec(), 1, 8, 1),
                model.inputSize(), DATA, new io.github.latentlab.training.TrainingHistory());
        Timeline t = Timeline.start(meta, TimelineImages.choose(DATA.test()));
        for (int e = 0; e <= 12; e++) t = t.with(e, model, meta);
        assertEquals(List.of(1, 3, 10, 12), t.modelEpochs());
        assertEquals(13, t.epochs().size());
        assertEquals(10, t.nearestModelEpoch(8));
        assertEquals(3, t.nearestModelEpoch(5), "5 is nearer 3 than 10");
        assertEquals(1, t.nearestModelEpoch(0));
        Timeline cut = t.upTo(7);
        assertEquals(7, cut.lastEpoch());
        assertEquals(List.of(1, 3), cut.modelEpochs());
        Timeline again = cut.with(8, model, meta);
        assertEquals(List.of(1, 3, 8), again.modelEpochs());
        Timeline full = t;
        assertThrows(IllegalArgumentException.class, () -> full.frame(13));
    }
}
