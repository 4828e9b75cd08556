package io.github.latentlab.timeline;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.model.ModelFileLimits;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.StrictJson;

/**
 * A timeline as one zip file ({@code .timeline}): {@code timeline.json} (the images' labels and
 * places, the epochs and kept models), {@code model.json} (the model's metadata, as in a model
 * file), {@code images.u8}, {@code codes.f16} and {@code reconstructions.u8} (every epoch, in
 * order, little-endian) and {@code model-0003.f16} per kept model. Written atomically. Read as a
 * hostile file: every size is checked against the header before it is used, entries are read
 * within that size, and a wrong one is refused with a {@link TimelineFileException}.
 */
public final class TimelineFile {
    public static final String EXTENSION = ".timeline";
    static final String FORMAT = "latent-lab-timeline";
    static final int VERSION = 1;
    static final String HEADER = "timeline.json", MODEL = "model.json", IMAGES = "images.u8", CODES = "codes.f16",
            RECONSTRUCTIONS = "reconstructions.u8";
    private static final long MAX_HEADER_BYTES = 1 << 20;
    private static final long MAX_MODEL_JSON_BYTES = 64L << 20;
    /** A snapshot of the largest spec the app builds is under 100 M parameters. */
    private static final int MAX_PARAMETERS = 100_000_000;
    private static final int MAX_MODELS = 8;
    private static final int MAX_SIDE = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TimelineFile() { }

    /** The timeline kept beside a model file: {@code digits.llab} → {@code digits.timeline}. */
    public static Path besideModel(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + EXTENSION);
    }

    public static void write(Path file, Timeline t) throws IOException {
        TimelineImages images = t.images();
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("formatVersion", VERSION);
        h.put("dataset", images.datasetId());
        h.put("side", images.side());
        h.put("images", images.size());
        h.put("reconstructed", images.reconstructed());
        h.put("latent", t.model().spec().latent());
        ArrayNode names = h.putArray("classNames");
        images.classNames().forEach(names::add);
        ArrayNode idx = h.putArray("indices");
        for (int i : images.indices()) idx.add(i);
        ArrayNode labels = h.putArray("labels");
        for (int l : images.labels()) labels.add(l);
        ArrayNode epochs = h.putArray("epochs");
        t.epochs().forEach(epochs::add);
        ArrayNode models = h.putArray("models");
        t.snapshots().forEach((epoch, params) -> models.addObject().put("epoch", epoch).put("parameters", params.length));
        byte[] header = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
        byte[] model = ModelStore.metadataBytes(t.model());
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        ByteArrayOutputStream recon = new ByteArrayOutputStream();
        for (Timeline.Frame f : t.frames()) {
            codes.write(halves(f.codes()));
            recon.write(f.reconstructions());
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, HEADER, header);
            put(zip, MODEL, model);
            put(zip, IMAGES, images.pixels());
            put(zip, CODES, codes.toByteArray());
            put(zip, RECONSTRUCTIONS, recon.toByteArray());
            for (var e : t.snapshots().entrySet()) put(zip, modelEntry(e.getKey()), halves(e.getValue()));
            zip.finish();
        });
    }

    /** Reads a timeline, checking everything; a {@link TimelineFileException} says what is wrong. */
    public static Timeline read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new TimelineFileException(file, Message.of("timeline.error.noFile"), null);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (entries.size() >= 8 + MAX_MODELS) throw refused("timeline.error.tooManyEntries");
                if (entries.put(e.getName(), e) != null) {
                    throw refused("timeline.error.entryTwice", ModelFileLimits.clip(e.getName(), 60));
                }
            }
            JsonNode h = StrictJson.parse(entry(zip, entries, HEADER, MAX_HEADER_BYTES, -1), MAX_HEADER_BYTES, HEADER);
            if (!h.isObject() || !FORMAT.equals(h.path("format").asText())) throw refused("timeline.error.format");
            int version = StrictJson.integer(h, "formatVersion", 1, Integer.MAX_VALUE);
            if (version > VERSION) throw refused("timeline.error.newer", version, VERSION);
            ModelMetadata model = ModelStore.parseMetadata(entry(zip, entries, MODEL, MAX_MODEL_JSON_BYTES, -1));
            int side = StrictJson.integer(h, "side", 1, MAX_SIDE);
            if (side * side != model.inputSize()) throw refused("timeline.error.side", side, model.inputSize());
            int n = StrictJson.integer(h, "images", 1, TimelineImages.COUNT);
            int r = StrictJson.integer(h, "reconstructed", 0, n);
            if (r != Math.min(TimelineImages.RECONSTRUCTED, n)) throw refused("timeline.error.field", "reconstructed");
            int latent = StrictJson.integer(h, "latent", 1, Integer.MAX_VALUE);
            if (latent != model.spec().latent()) throw refused("timeline.error.latent", latent, model.spec().latent());
            List<String> classNames = new ArrayList<>();
            for (JsonNode c : StrictJson.array(h, "classNames", 1_000)) {
                if (!c.isTextual()) throw refused("timeline.error.field", "classNames");
                classNames.add(ModelFileLimits.clip(c.asText(), 60));
            }
            int[] indices = ints(h, "indices", n, 0, Integer.MAX_VALUE);
            int[] labels = ints(h, "labels", n, 0, Math.max(0, classNames.size() - 1));
            List<Integer> epochs = StrictJson.integers(h, "epochs", Timeline.MAX_FRAMES, 0, 1_000_000);
            for (int i = 1; i < epochs.size(); i++) {
                if (epochs.get(i) <= epochs.get(i - 1)) throw refused("timeline.error.field", "epochs");
            }
            int p = side * side;
            byte[] pixels = entry(zip, entries, IMAGES, -1, (long) n * p);
            TimelineImages images = new TimelineImages(StrictJson.text(h, "dataset"), side, indices, labels, classNames,
                    pixels);
            short[] codes = shorts(entry(zip, entries, CODES, -1, 2L * epochs.size() * n * latent));
            byte[] recon = entry(zip, entries, RECONSTRUCTIONS, -1, (long) epochs.size() * r * p);
            List<Timeline.Frame> frames = new ArrayList<>();
            for (int i = 0; i < epochs.size(); i++) {
                short[] c = new short[n * latent];
                System.arraycopy(codes, i * n * latent, c, 0, c.length);
                byte[] b = new byte[r * p];
                System.arraycopy(recon, i * r * p, b, 0, b.length);
                frames.add(new Timeline.Frame(epochs.get(i), c, b));
            }
            NavigableMap<Integer, short[]> snapshots = new TreeMap<>();
            for (JsonNode m : StrictJson.array(h, "models", MAX_MODELS)) {
                int epoch = StrictJson.integer(m, "epoch", 1, 1_000_000);
                int count = StrictJson.integer(m, "parameters", 1, MAX_PARAMETERS);
                if (snapshots.containsKey(epoch)) throw refused("timeline.error.field", "models");
                ZipEntry e = entries.get(modelEntry(epoch));
                // the count is checked against the spec only when the model is built: until then a
                // claimed count must be backed by the file's own bytes (parameters hardly deflate)
                if (e != null && 2L * count > 32 * Math.max(0, e.getCompressedSize()) + 65_536) {
                    throw refused("timeline.error.size", modelEntry(epoch));
                }
                snapshots.put(epoch, shorts(entry(zip, entries, modelEntry(epoch), -1, 2L * count)));
            }
            return new Timeline(model, images, frames, snapshots);
        } catch (ZipException | EOFException e) {
            throw new TimelineFileException(file, Files.size(file) == 0 ? Message.of("timeline.error.empty")
                    : Message.of("timeline.error.damaged", ModelFileLimits.reason(e)), e);
        } catch (IllegalArgumentException e) {
            throw new TimelineFileException(file, Problems.messageOf(e), e);
        }
    }

    /**
     * An entry's bytes: at most {@code limit}, or exactly {@code exact} when that is given (not
     * negative); refused when missing, larger, or (exact) shorter.
     */
    private static byte[] entry(ZipFile zip, Map<String, ZipEntry> entries, String name, long limit, long exact)
            throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) throw refused("timeline.error.missing", name);
        long max = exact >= 0 ? exact : limit;
        if (max > Integer.MAX_VALUE - 16) throw refused("timeline.error.size", name);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = ModelFileLimits.readAtMost(in, max, name);
        }
        if (exact >= 0 && bytes.length != exact) throw refused("timeline.error.size", name);
        return bytes;
    }

    private static int[] ints(JsonNode h, String field, int count, int min, int max) {
        List<Integer> values = StrictJson.integers(h, field, count, min, max);
        if (values.size() != count) throw refused("timeline.error.field", field);
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static String modelEntry(int epoch) {
        return String.format(Locale.ROOT, "model-%04d.f16", epoch);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] halves(short[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return b.array();
    }

    private static short[] shorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    private static Problems.BadArgument refused(String key, Object... args) {
        return new Problems.BadArgument(Message.of(key, args));
    }
}
