package io.github.latentlab.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.util.StrictJson;

/**
 * {@code session.json} ⇄ {@link Session}. One flat object; the byte payloads live in their own
 * entries and the JSON gives each one's exact size. Reading checks types here and ranges in the
 * records; a field this version does not know is ignored, so a later version may add some.
 */
final class SessionJson {
    static final String FORMAT = "latent-lab-session";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the payload entry {@code name}, which must hold exactly {@code size} bytes. */
    @FunctionalInterface
    interface Parts {
        byte[] read(String name, long size) throws IOException;
    }

    private SessionJson() { }

    static byte[] write(Session s) throws JsonProcessingException {
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("formatVersion", SessionFile.VERSION);
        h.put("appVersion", s.appVersion());
        if (s.datasetId() != null) h.put("datasetId", s.datasetId());
        h.put("datasetFingerprint", s.datasetFingerprint());
        if (s.model() instanceof SessionModel.Shipped m) {
            h.put("shippedModel", m.name()).put("sha256", m.sha256());
        } else if (s.model() instanceof SessionModel.Embedded m) {
            h.put("modelFileName", m.fileName()).put("modelBytes", m.model().length);
            if (m.timeline() != null) h.put("timelineBytes", m.timeline().length);
        }
        MapSettings map = s.map();
        h.put("method", MapSettings.id(map.method())).put("source", MapSettings.id(map.source()))
                .put("points", map.points()).put("pcaFirst", map.pcaFirst()).put("pcaSecond", map.pcaSecond())
                .put("perplexity", map.perplexity()).put("iterations", map.iterations())
                .put("neighbours", map.neighbours()).put("seed", map.seed());
        if (s.layout() != null) h.put("layoutPoints", s.layout().size()).put("layoutEpoch", s.layout().epoch());
        h.put("selected", s.selected());
        s.picks().forEach(h.putArray("picks")::add);
        h.put("noiseKind", s.noiseKind().id()).put("noiseLevel", s.noiseLevel());
        h.put("viewedEpoch", s.viewedEpoch()).put("tab", s.tab());
        if (s.lesson() instanceof SessionLesson.Shipped l) {
            h.put("lessonName", l.name());
        } else if (s.lesson() instanceof SessionLesson.Embedded l) {
            h.put("lessonFileName", l.fileName()).put("lessonBytes", l.markdown().length);
            var pictures = h.putArray("lessonPictures");
            l.pictures().forEach((path, bytes) -> pictures.addObject().put("path", path).put("bytes", bytes.length));
        }
        if (s.lesson() != null) h.put("lessonStep", s.lesson().step());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
    }

    /** The format and version, checked before anything else so a newer file is named as such. */
    static int version(JsonNode h) {
        if (!h.isObject() || !FORMAT.equals(h.path("format").textValue())) {
            throw Checks.refused("session.error.format");
        }
        int version = StrictJson.integer(h, "formatVersion", 1, Integer.MAX_VALUE);
        if (version > SessionFile.VERSION) throw Checks.refused("session.error.newer", version, SessionFile.VERSION);
        return version;
    }

    static Session read(JsonNode h, Parts parts) throws IOException {
        int version = version(h);
        MapSettings d = MapSettings.DEFAULT;
        MapSettings map = new MapSettings(MapSettings.method(text(h, "method", MapSettings.id(d.method()))),
                MapSettings.source(text(h, "source", MapSettings.id(d.source()))),
                integer(h, "points", d.points()), integer(h, "pcaFirst", d.pcaFirst()),
                integer(h, "pcaSecond", d.pcaSecond()), number(h, "perplexity", d.perplexity()),
                integer(h, "iterations", d.iterations()), integer(h, "neighbours", d.neighbours()),
                StrictJson.longInteger(h, "seed", d.seed()));
        List<Integer> picks = h.has("picks") && !h.get("picks").isNull()
                ? StrictJson.integers(h, "picks", 2, 0, MapSettings.MAX_POINTS - 1) : List.of();
        NoiseKind noise = noiseKind(text(h, "noiseKind", NoiseKind.GAUSSIAN.id()));
        return new Session(version, text(h, "appVersion", "unknown"), text(h, "datasetId", null),
                text(h, "datasetFingerprint", ""), model(h, parts), map, layout(h, parts), integer(h, "selected", -1),
                picks, noise, number(h, "noiseLevel", 0), integer(h, "viewedEpoch", -1),
                text(h, "tab", "latent"), lesson(h, parts));
    }

    private static SessionModel model(JsonNode h, Parts parts) throws IOException {
        String shipped = text(h, "shippedModel", null), file = text(h, "modelFileName", null);
        if (shipped != null && file != null) throw Checks.refused("session.error.twoModels");
        if (shipped != null) return new SessionModel.Shipped(shipped, text(h, "sha256", ""));
        if (file == null) return null;
        Checks.fileName("modelFileName", file, ModelStore.EXTENSION);
        byte[] model = parts.read(SessionFile.MODEL, size(h, "modelBytes", SessionModel.MAX_MODEL_BYTES));
        byte[] timeline = h.has("timelineBytes") && !h.get("timelineBytes").isNull()
                ? parts.read(SessionFile.TIMELINE, size(h, "timelineBytes", SessionModel.MAX_TIMELINE_BYTES)) : null;
        return new SessionModel.Embedded(file, model, timeline);
    }

    private static MapLayout layout(JsonNode h, Parts parts) throws IOException {
        if (!h.has("layoutPoints") || h.get("layoutPoints").isNull()) return null;
        int n = size(h, "layoutPoints", MapSettings.MAX_POINTS);
        int epoch = integer(h, "layoutEpoch", MapLayout.LATEST);
        double[] xy = new double[2 * n];
        ByteBuffer.wrap(parts.read(SessionFile.LAYOUT, 16L * n)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(xy);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = Arrays.copyOfRange(xy, 2 * i, 2 * i + 2);
        return new MapLayout(points, epoch);
    }

    private static SessionLesson lesson(JsonNode h, Parts parts) throws IOException {
        String name = text(h, "lessonName", null), file = text(h, "lessonFileName", null);
        if (name != null && file != null) throw Checks.refused("session.error.twoLessons");
        int step = integer(h, "lessonStep", 0);
        if (name != null) return new SessionLesson.Shipped(name, step);
        if (file == null) return null;
        Checks.fileName("lessonFileName", file, SessionLesson.EXTENSION);
        byte[] markdown = parts.read(SessionFile.LESSON, size(h, "lessonBytes", SessionLesson.MAX_MARKDOWN_BYTES));
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        if (h.has("lessonPictures") && !h.get("lessonPictures").isNull()) {
            int i = 0;
            for (JsonNode p : StrictJson.array(h, "lessonPictures", SessionLesson.MAX_PICTURES)) {
                String path = Checks.picturePath(StrictJson.text(p, "path"));
                int bytes = StrictJson.integer(p, "bytes", 1, SessionLesson.MAX_PICTURE_BYTES);
                if (pictures.put(path, parts.read(SessionFile.picture(i++), bytes)) != null) {
                    throw Checks.refused("session.error.picturePath", Checks.clip(path));
                }
            }
        }
        return new SessionLesson.Embedded(file, markdown, step, pictures);
    }

    static byte[] layoutBytes(MapLayout layout) {
        ByteBuffer b = ByteBuffer.allocate(16 * layout.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < layout.size(); i++) b.putDouble(layout.at(i, 0)).putDouble(layout.at(i, 1));
        return b.array();
    }

    static String noiseIds() {
        return String.join(", ", Arrays.stream(NoiseKind.values()).map(NoiseKind::id).toList());
    }

    private static NoiseKind noiseKind(String id) {
        List<String> ids = new ArrayList<>();
        for (NoiseKind k : NoiseKind.values()) {
            if (k.id().equals(id)) return k;
            ids.add(k.id());
        }
        throw Checks.refused("session.error.oneOf", "noiseKind", Checks.clip(id), String.join(", ", ids));
    }

    /** A declared size, checked against its cap before anything is read or allocated. */
    private static int size(JsonNode h, String field, int max) {
        return StrictJson.integer(h, field, 1, max);
    }

    /** Any whole number: the records check the range and name the field. */
    private static int integer(JsonNode h, String field, int fallback) {
        return StrictJson.integer(h, field, Integer.MIN_VALUE, Integer.MAX_VALUE, fallback);
    }

    /** A number; absent or null reads as {@code fallback} (JSON has no NaN to mean anything else). */
    private static double number(JsonNode h, String field, double fallback) {
        return h.hasNonNull(field) ? StrictJson.number(h, field, fallback) : fallback;
    }

    private static String text(JsonNode h, String field, String fallback) {
        return StrictJson.text(h, field, fallback);
    }
}
