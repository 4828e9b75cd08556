package io.github.latentlab.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.github.latentlab.util.AtomicFiles;

/**
 * Saves and loads a model as one zip file ({@code .llab}): {@code latent-lab.json} (metadata)
 * and {@code network.zip} (DL4J parameters, configuration and Adam state, so training can
 * continue where it stopped; for a VAE or a conv autoencoder, the SameDiff graph with its Adam state). Writes are
 * atomic: a crash mid-save leaves the old file whole.
 * Reading checks the file is ours and complete before building anything from it.
 */
public final class ModelStore {
    public static final String EXTENSION = ".llab";
    static final String METADATA_ENTRY = "latent-lab.json";
    static final String NETWORK_ENTRY = "network.zip";
    /** Larger entries are refused rather than read into memory (a 4096-wide model is ~100 MB). */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private ModelStore() { }

    public static void save(Path file, TrainableAutoencoder model, ModelMetadata metadata) throws IOException {
        byte[] json = MetadataJson.write(metadata);
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        if (model instanceof DenseAutoencoder dense) {
            ModelSerializer.writeModel(dense.network(), network, true);
        } else if (model instanceof SameDiffAutoencoder graph) {
            network.write(graph.toBytes());
        } else {
            throw new IllegalArgumentException("cannot save a " + model.getClass().getSimpleName());
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            network.writeTo(zip);
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Only the metadata (spec, data, history) of a model file, without building the model. */
    public static ModelMetadata readMetadata(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, "no such file");
        byte[] json = readEntries(file).get(METADATA_ENTRY);
        if (json == null) throw new ModelFileException(file, "not a Latent Lab model: it has no " + METADATA_ENTRY);
        try {
            return MetadataJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "unreadable metadata: " + e.getMessage(), e);
        }
    }

    public static SavedModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, "no such file");
        Map<String, byte[]> entries = readEntries(file);
        byte[] json = entries.get(METADATA_ENTRY);
        if (json == null) {
            throw new ModelFileException(file, "not a Latent Lab model: it has no " + METADATA_ENTRY
                    + (entries.containsKey("configuration.json") ? " (it looks like a plain DL4J model)" : ""));
        }
        ModelMetadata metadata;
        try {
            metadata = MetadataJson.read(json);
        } catch (IllegalArgumentException | IOException e) {
            throw new ModelFileException(file, "unreadable metadata: " + e.getMessage(), e);
        }
        byte[] network = entries.get(NETWORK_ENTRY);
        if (network == null) throw new ModelFileException(file, "the network parameters (" + NETWORK_ENTRY + ") are missing");
        NativeRuntime.init();
        if (metadata.spec().kind() == ModelKind.VAE) {
            try {
                return new SavedModel(VariationalAutoencoder.fromBytes(metadata.spec(), metadata.inputSize(), network,
                        metadata.seed()), metadata);
            } catch (Exception e) {
                throw new ModelFileException(file, "the VAE graph is damaged: " + e.getMessage(), e);
            }
        }
        if (metadata.spec().kind() == ModelKind.CONV) {
            try {
                return new SavedModel(ConvAutoencoder.fromBytes(metadata.spec(), metadata.inputSize(), network), metadata);
            } catch (Exception e) {
                throw new ModelFileException(file, "the convolutional autoencoder's graph is damaged: " + e.getMessage(), e);
            }
        }
        MultiLayerNetwork net;
        try (InputStream in = new ByteArrayInputStream(network)) {
            net = ModelSerializer.restoreMultiLayerNetwork(in, true);
        } catch (Exception e) {
            throw new ModelFileException(file, "the network parameters are damaged: " + e.getMessage(), e);
        }
        try {
            return new SavedModel(DenseAutoencoder.wrap(metadata.spec(), metadata.inputSize(), net), metadata);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "the network does not match its metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Reads our two entries through the zip's central directory, so a file cut short anywhere
     * (even just its directory at the end) is reported as truncated; entry CRCs are checked.
     */
    private static Map<String, byte[]> readEntries(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                // other entries are only noted by name, to recognise a plain DL4J model
                if (!name.equals(METADATA_ENTRY) && !name.equals(NETWORK_ENTRY)) {
                    entries.put(name, new byte[0]);
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(name, readLimited(in, file, name));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(file, Files.size(file) == 0 ? "the file is empty"
                    : "not a Latent Lab model, or a damaged or truncated one (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) throw new ModelFileException(file, "not a Latent Lab model (an empty zip file)");
        return entries;
    }

    private static byte[] readLimited(InputStream in, Path file, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > MAX_ENTRY_BYTES) throw new ModelFileException(file, name + " is larger than 1 GiB");
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
