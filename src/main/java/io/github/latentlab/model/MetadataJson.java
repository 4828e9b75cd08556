package io.github.latentlab.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.StrictJson;

/**
 * The JSON form of {@link ModelMetadata}, written field by field so the file format does not
 * change when a Java class is renamed. Version 1; readers reject newer versions with a message.
 */
final class MetadataJson {
    static final String FORMAT = "latent-lab-model";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetadataJson() { }

    static byte[] write(ModelMetadata m) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("appVersion", m.appVersion());
        root.put("savedAt", m.savedAt().toString());
        ObjectNode spec = root.putObject("spec");
        spec.put("kind", m.spec().kind().id());
        ArrayNode hidden = spec.putArray("hidden");
        m.spec().hidden().forEach(hidden::add);
        spec.put("latent", m.spec().latent());
        spec.put("loss", m.spec().loss().id());
        spec.put("learningRate", m.spec().learningRate());
        spec.put("noiseLevel", m.spec().noiseLevel());
        spec.put("noiseKind", m.spec().noiseKind().id());
        spec.put("beta", m.spec().beta());
        if (m.spec().loss() == LossKind.MSE_SSIM) spec.put("ssimWeight", m.spec().ssimWeight());
        root.put("inputSize", m.inputSize());
        ObjectNode data = root.putObject("dataset");
        data.put("id", m.datasetId());
        data.put("fingerprint", m.datasetFingerprint());
        root.put("seed", m.seed());
        root.put("batchSize", m.batchSize());
        ArrayNode epochs = root.putArray("epochs");
        for (EpochRecord e : m.epochs()) {
            ObjectNode o = epochs.addObject();
            o.put("epoch", e.epoch());
            putNumber(o, "trainLoss", e.trainLoss());
            putNumber(o, "testLoss", e.testLoss());
            putNumber(o, "testMse", e.testMse());
            o.put("seconds", e.seconds());
            o.put("samplesPerSecond", e.samplesPerSecond());
        }
        ArrayNode points = root.putArray("lossPoints");
        for (LossPoint p : m.points()) {
            ArrayNode a = points.addArray();
            a.add(p.iteration());
            a.add(p.epochPosition());
            a.add(p.loss());
            if (p.hasParts()) {
                a.add(p.recon());
                a.add(p.kl());
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** At most this many bytes of metadata: a 1,000-epoch history with every loss point fits in a few MB. */
    static final long MAX_BYTES = 64L << 20;
    static final int MAX_EPOCHS = 100_000;
    static final int MAX_LOSS_POINTS = 2_000_000;
    /** Every Latent Lab model takes 28×28 images. */
    static final int INPUT_SIZE = 28 * 28;

    /**
     * Parses metadata, checking the type and range of every field; throws IllegalArgumentException
     * with a plain reason (naming the field) when it is not ours or invalid.
     */
    static ModelMetadata read(byte[] json) {
        JsonNode root = StrictJson.parse(json, MAX_BYTES, Message.of("model.error.meta.theMetadata"));
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw ModelFileLimits.refused(Message.of("model.error.meta.format", FORMAT));
        }
        int version = StrictJson.integer(root, "formatVersion", 1, Integer.MAX_VALUE);
        if (version > VERSION) {
            throw ModelFileLimits.refused(Message.of("model.error.meta.newer", version, VERSION));
        }
        JsonNode s = StrictJson.object(root, "spec");
        List<Integer> hidden = StrictJson.integers(s, "hidden", 8, 1, ModelSpec.MAX_HIDDEN);
        ModelSpec spec = new ModelSpec(ModelKind.fromId(StrictJson.text(s, "kind")), hidden,
                StrictJson.integer(s, "latent", ModelSpec.MIN_LATENT, ModelSpec.MAX_LATENT),
                LossKind.fromId(StrictJson.text(s, "loss")), StrictJson.number(s, "learningRate", Double.NaN),
                StrictJson.number(s, "noiseLevel", 0), NoiseKind.fromId(StrictJson.text(s, "noiseKind", "gaussian")),
                StrictJson.number(s, "beta", 1), StrictJson.number(s, "ssimWeight", ModelSpec.DEFAULT_SSIM_WEIGHT));
        int inputSize = StrictJson.integer(root, "inputSize", 1, Integer.MAX_VALUE);
        if (inputSize != INPUT_SIZE) {
            throw ModelFileLimits.refused(Message.of("model.error.meta.inputSize", inputSize, INPUT_SIZE));
        }
        List<EpochRecord> epochs = new ArrayList<>();
        if (root.has("epochs")) {
            for (JsonNode e : StrictJson.array(root, "epochs", MAX_EPOCHS)) {
                epochs.add(new EpochRecord(StrictJson.integer(e, "epoch", 1, Integer.MAX_VALUE),
                        StrictJson.number(e, "trainLoss", Double.NaN), StrictJson.number(e, "testLoss", Double.NaN),
                        StrictJson.number(e, "testMse", Double.NaN), StrictJson.number(e, "seconds", 0),
                        StrictJson.number(e, "samplesPerSecond", 0)));
            }
        }
        List<LossPoint> points = new ArrayList<>();
        if (root.has("lossPoints")) {
            for (JsonNode p : StrictJson.array(root, "lossPoints", MAX_LOSS_POINTS)) {
                if (!p.isArray() || p.size() < 3 || p.size() > 5 || !p.get(0).canConvertToLong()) {
                    throw ModelFileLimits.refused(Message.of("model.error.meta.lossPoint"));
                }
                points.add(new LossPoint(p.get(0).longValue(), StrictJson.number(p, 1, "lossPoints"),
                        StrictJson.number(p, 2, "lossPoints"), StrictJson.number(p, 3, "lossPoints"),
                        StrictJson.number(p, 4, "lossPoints")));
            }
        }
        JsonNode data = StrictJson.object(root, "dataset");
        Instant savedAt;
        try {
            savedAt = Instant.parse(StrictJson.text(root, "savedAt", "1970-01-01T00:00:00Z"));
        } catch (DateTimeParseException e) {
            throw ModelFileLimits.refused(Message.of("model.error.meta.savedAt"));
        }
        return new ModelMetadata(spec, inputSize, StrictJson.text(data, "id"), StrictJson.text(data, "fingerprint", ""),
                StrictJson.longInteger(root, "seed", 0), StrictJson.integer(root, "batchSize", 0, 1 << 20, 0),
                epochs, points, savedAt, StrictJson.text(root, "appVersion", ""));
    }

    /** NaN is not JSON: store it as null. */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v); else o.putNull(field);
    }
}
