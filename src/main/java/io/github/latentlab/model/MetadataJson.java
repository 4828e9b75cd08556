package io.github.latentlab.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.training.EpochRecord;
import io.github.latentlab.training.LossPoint;

/**
 * The JSON form of {@link ModelMetadata}, written field by field so the file format does not
 * change when a Java class is renamed. Version 1; readers reject newer versions with a message.
 */
final class MetadataJson {
    static final String FORMAT = "latent-lab-model";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetadataJson() { }

    static byte[] write(ModelMetadata m) throws com.fasterxml.jackson.core.JsonProcessingException {
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

    /** Parses metadata; throws IllegalArgumentException with a plain reason when it is not ours or invalid. */
    static ModelMetadata read(byte[] json) throws java.io.IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a Latent Lab model (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version < 1) throw new IllegalArgumentException("format version missing");
        if (version > VERSION) {
            throw new IllegalArgumentException("written by a newer Latent Lab (format " + version
                    + "; this version reads up to " + VERSION + ")");
        }
        JsonNode s = required(root, "spec");
        List<Integer> hidden = new ArrayList<>();
        required(s, "hidden").forEach(h -> hidden.add(h.asInt()));
        ModelSpec spec = new ModelSpec(ModelKind.fromId(required(s, "kind").asText()), hidden,
                required(s, "latent").asInt(), LossKind.fromId(required(s, "loss").asText()),
                required(s, "learningRate").asDouble(), s.path("noiseLevel").asDouble(0),
                NoiseKind.fromId(s.path("noiseKind").asText("gaussian")), s.path("beta").asDouble(1));
        List<EpochRecord> epochs = new ArrayList<>();
        root.path("epochs").forEach(e -> epochs.add(new EpochRecord(e.path("epoch").asInt(),
                number(e, "trainLoss"), number(e, "testLoss"), number(e, "testMse"),
                e.path("seconds").asDouble(), e.path("samplesPerSecond").asDouble())));
        List<LossPoint> points = new ArrayList<>();
        root.path("lossPoints").forEach(p -> points.add(new LossPoint(p.path(0).asLong(), p.path(1).asDouble(),
                p.path(2).asDouble(), p.path(3).asDouble(Double.NaN), p.path(4).asDouble(Double.NaN))));
        JsonNode data = required(root, "dataset");
        return new ModelMetadata(spec, required(root, "inputSize").asInt(), required(data, "id").asText(),
                data.path("fingerprint").asText(""), root.path("seed").asLong(), root.path("batchSize").asInt(0),
                epochs, points, Instant.parse(root.path("savedAt").asText("1970-01-01T00:00:00Z")),
                root.path("appVersion").asText(""));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("metadata field \"" + field + "\" is missing");
        return v;
    }

    /** NaN is not JSON: store it as null. */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v); else o.putNull(field);
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
