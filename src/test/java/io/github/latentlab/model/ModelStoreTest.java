package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.util.ChineseWords;

class ModelStoreTest {
    @TempDir Path dir;

    private final ModelSpec spec = new ModelSpec(ModelKind.DAE, List.of(32), 3, LossKind.BCE, 2e-3, 0.3,
            NoiseKind.SALT_PEPPER);

    private ModelMetadata metadata() {
        return new ModelMetadata(spec, 784, "builtin-digits", "abc123", 9, 64,
                List.of(new EpochRecord(1, 0.2, 0.21, 0.05, 1.5, 9000), new EpochRecord(2, 0.15, Double.NaN, 0.04, 1.4, 9100)),
                List.of(new LossPoint(1, 0.01, 0.7), new LossPoint(2, 0.02, 0.6)), Instant.parse("2026-01-02T03:04:05Z"), "test");
    }

    private static float[][] probe() {
        float[][] x = new float[2][784];
        for (int i = 0; i < 784; i++) { x[0][i] = (i % 7) / 7f; x[1][i] = (i % 13) / 13f; }
        return x;
    }

    /** A slim file (no Adam state) is about half the size or less and rebuilds images exactly as the full one. */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"AE", "VAE", "CONV"})
    void aSlimModelIsSmallerAndGivesTheSameOutputs(ModelKind kind) throws Exception {
        ModelSpec s = kind == ModelKind.CONV ? new ModelSpec(kind, List.of(8, 16), 4, LossKind.MSE, 1e-3, 0)
                : new ModelSpec(kind, List.of(64), 4, LossKind.MSE, 1e-3, 0);
        TrainableAutoencoder model = TrainableAutoencoder.create(s, 784, 3);
        INDArray batch = Nd4j.create(probe());
        model.fit(batch, batch); // one step: Adam has state to leave out
        ModelMetadata m = new ModelMetadata(s, 784, "builtin-digits", "", 3, 64, List.of(), List.of(), Instant.now(), "test");
        Path full = dir.resolve("full.llab");
        Path slim = dir.resolve("slim.llab");
        ModelStore.save(full, model, m);
        ModelStore.save(slim, model, m, true);
        assertTrue(Files.size(slim) < Files.size(full) * 0.6, Files.size(slim) + " of " + Files.size(full));
        float[][] x = probe();
        assertArrayEquals(ModelStore.load(full).model().reconstruct(x)[0], ModelStore.load(slim).model().reconstruct(x)[0], 1e-6f);
    }

    @Test
    void saveThenLoadGivesIdenticalOutputsAndRestoresHistory() throws Exception {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 11);
        Path file = dir.resolve("m.llab");
        ModelStore.save(file, ae, metadata());
        SavedModel loaded = ModelStore.load(file);
        float[][] x = probe();
        assertArrayEquals(ae.reconstruct(x)[1], loaded.model().reconstruct(x)[1]);
        assertArrayEquals(ae.encode(x)[0], loaded.model().encode(x)[0]);
        assertEquals(spec, loaded.metadata().spec());
        assertEquals(metadata().epochs().get(0), loaded.metadata().epochs().get(0));
        assertTrue(Double.isNaN(loaded.metadata().epochs().get(1).testLoss()));
        assertEquals(metadata().points(), loaded.metadata().points());
        assertEquals("abc123", loaded.metadata().datasetFingerprint());
        assertEquals(64, loaded.metadata().batchSize());
        // the updater state travels too, so training can continue where it stopped
        assertEquals(ae.network().getUpdater().getStateViewArray(),
                ((DenseAutoencoder) loaded.model()).network().getUpdater().getStateViewArray());
    }

    @Test
    void savingOverAnExistingFileReplacesItWholeAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("m.llab");
        ModelStore.save(file, DenseAutoencoder.create(spec, 784, 1), metadata());
        DenseAutoencoder second = DenseAutoencoder.create(spec, 784, 2);
        ModelStore.save(file, second, metadata());
        assertArrayEquals(second.reconstruct(probe())[0], ModelStore.load(file).model().reconstruct(probe())[0]);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m.llab"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void randomBytesGetAClearMessage() throws Exception {
        Path file = dir.resolve("noise.llab");
        Files.write(file, "this is not a model at all".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().startsWith("noise.llab: "), e.getMessage());
        assertTrue(e.getMessage().contains("not a Latent Lab model"), e.getMessage());
    }

    @Test
    void emptyFileGetsAClearMessage() throws Exception {
        Path file = dir.resolve("empty.llab");
        Files.createFile(file);
        assertThrows(ModelFileException.class, () -> ModelStore.load(file));
    }

    @Test
    void truncatedFileGetsAClearMessage() throws Exception {
        Path file = dir.resolve("m.llab");
        ModelStore.save(file, DenseAutoencoder.create(spec, 784, 1), metadata());
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length / 3, all.length / 2, all.length - 30}) {
            Path t = dir.resolve("cut" + cut + ".llab");
            Files.write(t, Arrays.copyOf(all, cut));
            var e = assertThrows(ModelFileException.class, () -> ModelStore.load(t), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(t.getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void plainDl4jModelIsRecognisedAsForeign() throws Exception {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 1);
        Path file = dir.resolve("dl4j.zip");
        ModelSerializer.writeModel(ae.network(), file.toFile(), true);
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().contains("plain DL4J model"), e.getMessage());
    }

    @Test
    void metadataFromANewerVersionIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("future.llab");
        writeZip(file, "{\"format\":\"latent-lab-model\",\"formatVersion\":99}");
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().contains("newer Latent Lab"), e.getMessage());
    }

    /** The window says it in its language: a Chinese user reads what is wrong with the file in Chinese. */
    @Test
    void problemsReadInChineseToo() throws Exception {
        Path file = dir.resolve("future.llab");
        writeZip(file, "{\"format\":\"latent-lab-model\",\"formatVersion\":99}");
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertEquals("future.llab: unreadable metadata: written by a newer Latent Lab (format 99; this version reads up to 1)",
                e.getMessage());
        assertEquals("future.llab：元数据无法读取：由更新版本的 Latent Lab 写入（格式 99；此版本最高只能读取 1）",
                ChineseWords.of(e.userMessage()));
    }

    @Test
    void missingNetworkIsReported() throws Exception {
        Path file = dir.resolve("nonet.llab");
        writeZip(file, new String(MetadataJson.write(metadata()), StandardCharsets.UTF_8));
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void networkThatDoesNotMatchItsMetadataIsReported() throws Exception {
        Path file = dir.resolve("mismatch.llab");
        ModelSpec other = new ModelSpec(ModelKind.AE, List.of(32, 16), 3, LossKind.MSE, 1e-3, 0);
        ModelStore.save(file, DenseAutoencoder.create(spec, 784, 1),
                new ModelMetadata(other, 784, "x", "", 1, 1, List.of(), List.of(), Instant.now(), ""));
        var e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    private static void writeZip(Path file, String json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(ModelStore.METADATA_ENTRY));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(file, bytes.toByteArray());
    }
}
