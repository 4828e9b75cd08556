package io.github.latentlab.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds model files the way an attacker would: a real model saved by the app, then entries
 * added, replaced or rewritten. Shared by the hostile-file tests and the fuzzing harness.
 */
public final class CraftedModels {
    private CraftedModels() { }

    public static final ModelSpec DENSE = new ModelSpec(ModelKind.AE, List.of(32), 8, LossKind.MSE, 1e-3, 0);
    public static final ModelSpec VAE = new ModelSpec(ModelKind.VAE, List.of(16), 2, LossKind.BCE, 1e-3, 0);

    public static ModelMetadata metadata(ModelSpec spec, int inputSize) {
        return new ModelMetadata(spec, inputSize, "builtin-digits", "f", 7, 64, List.of(), List.of(), Instant.EPOCH, "test");
    }

    /** A genuine model file of {@code spec}. */
    public static Path genuine(Path file, ModelSpec spec) throws IOException {
        ModelStore.save(file, TrainableAutoencoder.create(spec, 784, 3), metadata(spec, 784));
        return file;
    }

    /** The zip's entries in order (name → bytes). */
    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Rewrites a model file's outer entries. */
    public static Path rewrite(Path from, Path to, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Files.write(to, zip(change.apply(entries(Files.readAllBytes(from)))));
        return to;
    }

    /** Rewrites the entries of a dense model's inner network.zip. */
    public static Path rewriteNetwork(Path from, Path to, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        return rewrite(from, to, outer -> {
            try {
                outer.put(ModelStore.NETWORK_ENTRY, zip(change.apply(entries(outer.get(ModelStore.NETWORK_ENTRY)))));
                return outer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A dense model whose inner zip also carries DL4J's {@code preprocessor.bin}, holding a
     * serialized {@link SerializationMarker} that writes {@code marker} if it is ever deserialized.
     */
    public static Path withSerializedPreprocessor(Path genuine, Path to, Path marker) throws IOException {
        byte[] gadget = SerializationMarker.bytes(marker);
        return rewriteNetwork(genuine, to, inner -> {
            inner.put("preprocessor.bin", gadget);
            return inner;
        });
    }

    /** Replaces {@code old} by {@code replacement} in the metadata JSON text. */
    public static Path rewriteMetadata(Path from, Path to, String old, String replacement) throws IOException {
        return rewrite(from, to, outer -> {
            String json = new String(outer.get(ModelStore.METADATA_ENTRY), StandardCharsets.UTF_8);
            if (!json.contains(old)) throw new IllegalStateException("metadata has no " + old + ": " + json);
            outer.put(ModelStore.METADATA_ENTRY, json.replace(old, replacement).getBytes(StandardCharsets.UTF_8));
            return outer;
        });
    }
}
