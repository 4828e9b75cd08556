package io.github.latentlab.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

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
    /**
     * The largest network entry read: the largest spec (4 hidden layers of 4,096, conv at its
     * maximum channels) with Adam's state is under 1 GiB. A tighter check against the file's own
     * spec follows once the metadata is read.
     */
    private static final long MAX_NETWORK_BYTES = 1L << 30;

    private ModelStore() { }

    /** Saves a model with its optimizer's state, so that training goes on exactly where it stopped. */
    public static void save(Path file, TrainableAutoencoder model, ModelMetadata metadata) throws IOException {
        save(file, model, metadata, false);
    }

    /**
     * Saves a model; {@code slim} leaves out Adam's state (two more numbers per parameter): half
     * the size or less, for sharing and the shipped models. Training a slim model further starts Adam afresh.
     */
    public static void save(Path file, TrainableAutoencoder model, ModelMetadata metadata, boolean slim) throws IOException {
        byte[] json = MetadataJson.write(metadata);
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        if (model instanceof DenseAutoencoder dense) {
            ModelSerializer.writeModel(dense.network(), network, !slim);
        } else if (model instanceof SameDiffAutoencoder graph) {
            network.write(graph.toBytes(slim));
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

    /** Metadata as a model file stores it (JSON), for files that carry a model's description. */
    public static byte[] metadataBytes(ModelMetadata metadata) throws IOException {
        return MetadataJson.write(metadata);
    }

    /** Metadata from {@link #metadataBytes}, every field checked; IllegalArgumentException with a reason when not. */
    public static ModelMetadata parseMetadata(byte[] json) {
        return MetadataJson.read(json);
    }

    /** Only the metadata (spec, data, history) of a model file, without building the model. */
    public static ModelMetadata readMetadata(Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(file, false);
        return metadata(file, entries);
    }

    /**
     * Loads a model for use and further training. Nothing in the file is trusted: the metadata's
     * fields are type-checked; a dense network is checked against the spec before DL4J reads it
     * (entries, class names, sizes: {@link DenseNetworkFile}); a SameDiff model is the spec's own
     * graph given the file's checked numbers ({@link SameDiffGraphFile}); the loaded network must
     * have the metadata's architecture and one batch must encode and decode to finite values.
     * Any failure is a {@link ModelFileException} naming the file and the problem; the file is
     * only read.
     */
    public static SavedModel load(Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(file, true);
        ModelMetadata metadata = metadata(file, entries);
        byte[] network = entries.get(NETWORK_ENTRY);
        if (network == null) throw new ModelFileException(file, Message.of("model.error.noNetwork", NETWORK_ENTRY));
        ModelSpec spec = metadata.spec();
        int inputSize = metadata.inputSize();
        NativeRuntime.init();
        TrainableAutoencoder model;
        try {
            model = switch (spec.kind()) {
                case VAE -> {
                    SameDiff sd = specGraph(() -> VariationalAutoencoder.graph(spec, inputSize));
                    SameDiffGraphFile.readInto(network, sd);
                    yield VariationalAutoencoder.fromGraph(spec, inputSize, sd, metadata.seed());
                }
                case CONV -> {
                    SameDiff sd = specGraph(() -> ConvAutoencoder.graph(spec, inputSize));
                    SameDiffGraphFile.readInto(network, sd);
                    yield ConvAutoencoder.fromGraph(spec, inputSize, sd);
                }
                case AE, DAE -> {
                    DenseNetworkFile.check(network, spec, inputSize);
                    try (InputStream in = new ByteArrayInputStream(network)) {
                        yield DenseAutoencoder.wrap(spec, inputSize, ModelSerializer.restoreMultiLayerNetwork(in, true));
                    }
                }
            };
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Problems.messageOf(e), e);
        } catch (Exception | LinkageError e) {
            throw new ModelFileException(file, Message.of("model.error.networkUnreadable", kindName(spec.kind()),
                    ModelFileLimits.reason(e)), e);
        }
        Optional<Message> problem = ModelHealth.check(model, spec, inputSize);
        if (problem.isPresent()) throw new ModelFileException(file, problem.get());
        return new SavedModel(model, metadata);
    }

    private static ModelMetadata metadata(Path file, Map<String, byte[]> entries) throws ModelFileException {
        byte[] json = entries.get(METADATA_ENTRY);
        if (json == null) {
            throw new ModelFileException(file, entries.containsKey("configuration.json")
                    ? Message.of("model.error.plainDl4j", METADATA_ENTRY) : Message.of("model.error.noMetadata", METADATA_ENTRY));
        }
        try {
            return MetadataJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Message.of("model.error.metadata", Problems.messageOf(e)), e);
        }
    }

    /** The model kind as the window names it ({@code enum.ModelKind.*}, whose English is the display name). */
    private static Message kindName(ModelKind kind) {
        return Message.of(switch (kind) {
            case AE -> "enum.ModelKind.AE";
            case DAE -> "enum.ModelKind.DAE";
            case VAE -> "enum.ModelKind.VAE";
            case CONV -> "enum.ModelKind.CONV";
        });
    }

    /**
     * The graph the spec builds, which receives the file's parameters: a file's own graph
     * structure is never built. Building it draws initial weights from ND4J's random generator,
     * whose state is put back so loading a model never changes what a seeded run draws next.
     */
    private static SameDiff specGraph(Supplier<SameDiff> build) {
        Random rng = Nd4j.getRandom();
        long root = rng.rootState(), node = rng.nodeState();
        try {
            return build.get();
        } finally {
            rng.setStates(root, node);
        }
    }

    /**
     * Our two entries, read through the zip's central directory so a file cut short anywhere
     * (even just its directory at the end) is reported as truncated; entry CRCs are checked.
     * Metadata and network are read within limits; any other entry, or one of ours twice, is
     * refused (a plain DL4J model is recognised by name first).
     */
    private static Map<String, byte[]> readEntries(Path file, boolean withNetwork) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, Message.of("model.error.noFile"));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var all = zip.entries();
            int count = 0;
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (++count > 16) throw new ModelFileException(file, Message.of("model.error.tooManyEntries"));
                if (entries.containsKey(name)) {
                    throw new ModelFileException(file, Message.of("model.error.entryTwice", ModelFileLimits.clip(name, 60)));
                }
                if (name.equals(METADATA_ENTRY) || (withNetwork && name.equals(NETWORK_ENTRY))) {
                    long limit = name.equals(METADATA_ENTRY) ? MetadataJson.MAX_BYTES : MAX_NETWORK_BYTES;
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(name, ModelFileLimits.readAtMost(in, limit, name));
                    }
                } else {
                    entries.put(name, new byte[0]); // noted by name only, to recognise a plain DL4J model
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFileException(file, Files.size(file) == 0 ? Message.of("model.error.empty")
                    : Message.of("model.error.damaged", ModelFileLimits.reason(e)), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Problems.messageOf(e), e);
        }
        if (entries.isEmpty()) throw new ModelFileException(file, Message.of("model.error.emptyZip"));
        if (entries.containsKey(METADATA_ENTRY)) {
            for (String name : entries.keySet()) {
                if (!name.equals(METADATA_ENTRY) && !name.equals(NETWORK_ENTRY)) {
                    throw new ModelFileException(file, Message.of("model.error.strangeEntry", ModelFileLimits.clip(name, 60)));
                }
            }
        }
        return entries;
    }
}
