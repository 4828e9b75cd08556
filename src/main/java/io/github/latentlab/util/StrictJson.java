package io.github.latentlab.util;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reading JSON that came from a file someone else may have made: parsed only into a tree (no
 * class is ever named by the file), with limits on size, nesting and string length, duplicate
 * keys refused, and typed field access that names the field and what it should be instead of
 * quietly reading {@code "abc"} as 0. Every failure is a {@link BadJson} with that message.
 */
public final class StrictJson {
    /** Deeper than anything the app writes (its metadata nests 4 levels, DL4J's configuration 8). */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(64).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictJson() { }

    /** A refusal: what is wrong, naming the field, in words a window shows in its language. */
    public static final class BadJson extends IllegalArgumentException implements Message.Carrier {
        private static final long serialVersionUID = 1L;
        private final transient Message problem;

        public BadJson(Message problem) {
            super(problem.english());
            this.problem = problem;
        }

        @Override public Message userMessage() { return problem; }
    }

    /** Parses {@code json} (at most {@code maxBytes}) into a tree of objects, arrays and values; {@code what} names it. */
    public static JsonNode parse(byte[] json, long maxBytes, String what) {
        return parse(json, maxBytes, Message.of("plain.text", what));
    }

    /** The same, with what is parsed named in words ("the metadata"). */
    public static JsonNode parse(byte[] json, long maxBytes, Message what) {
        if (json.length > maxBytes) throw new BadJson(Message.of("model.error.json.tooLarge", what, json.length, maxBytes));
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) throw new BadJson(Message.of("model.error.json.empty", what));
            return root;
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            throw new BadJson(m.contains("nesting") ? Message.of("model.error.json.deep", what, MAX_DEPTH)
                    : m.contains("number") ? Message.of("model.error.json.longNumber", what)
                    : Message.of("model.error.json.longString", what, MAX_STRING));
        } catch (IOException e) {
            // the parser's own wording lists tokens such as 'null': say where, in our words
            throw new BadJson(e instanceof JsonProcessingException j && j.getLocation() != null
                    ? Message.of("model.error.json.invalidAt", what, j.getLocation().getLineNr(), j.getLocation().getColumnNr())
                    : Message.of("model.error.json.invalid", what));
        }
    }

    public static JsonNode object(JsonNode parent, String field) {
        JsonNode v = present(parent, field);
        if (!v.isObject()) throw wrongType(field, Message.of("model.error.json.anObject"), v);
        return v;
    }

    public static JsonNode array(JsonNode parent, String field, int maxLength) {
        JsonNode v = present(parent, field);
        if (!v.isArray()) throw wrongType(field, Message.of("model.error.json.anArray"), v);
        if (v.size() > maxLength) throw new BadJson(Message.of("model.error.json.tooMany", field, v.size(), maxLength));
        return v;
    }

    public static String text(JsonNode parent, String field) {
        JsonNode v = present(parent, field);
        if (!v.isTextual()) throw wrongType(field, Message.of("model.error.json.aString"), v);
        return v.textValue();
    }

    public static String text(JsonNode parent, String field, String fallback) {
        return parent.has(field) && !parent.get(field).isNull() ? text(parent, field) : fallback;
    }

    public static int integer(JsonNode parent, String field, int min, int max) {
        JsonNode v = present(parent, field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrongType(field, Message.of("model.error.json.aWholeNumber"), v);
        int i = v.intValue();
        if (i < min || i > max) throw new BadJson(Message.of("model.error.json.outside", field, i, min, max));
        return i;
    }

    public static int integer(JsonNode parent, String field, int min, int max, int fallback) {
        return parent.has(field) && !parent.get(field).isNull() ? integer(parent, field, min, max) : fallback;
    }

    public static long longInteger(JsonNode parent, String field, long fallback) {
        if (!parent.has(field) || parent.get(field).isNull()) return fallback;
        JsonNode v = parent.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(field, Message.of("model.error.json.aWholeNumber"), v);
        return v.longValue();
    }

    /** A number; JSON null (how NaN is stored) reads as NaN. */
    public static double number(JsonNode parent, String field, double fallback) {
        if (!parent.has(field)) return fallback;
        JsonNode v = parent.get(field);
        if (v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw wrongType(field, Message.of("model.error.json.aNumber"), v);
        return v.doubleValue();
    }

    /** Element {@code i} of an array as a number (null as NaN). */
    public static double number(JsonNode array, int i, String what) {
        JsonNode v = array.get(i);
        if (v == null || v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new BadJson(Message.of("model.error.json.notNumber", what, describe(v)));
        return v.doubleValue();
    }

    public static List<Integer> integers(JsonNode parent, String field, int maxLength, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : array(parent, field, maxLength)) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new BadJson(Message.of("model.error.json.notWhole", field, describe(v)));
            int i = v.intValue();
            if (i < min || i > max) throw new BadJson(Message.of("model.error.json.holdsOutside", field, i, min, max));
            out.add(i);
        }
        return out;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) throw new BadJson(Message.of("model.error.json.missing", field));
        return v;
    }

    private static BadJson wrongType(String field, Message expected, JsonNode v) {
        return new BadJson(Message.of("model.error.json.wrongType", field, expected, describe(v)));
    }

    private static Message describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return Message.of("model.error.json.theString", t.length() > 40 ? t.substring(0, 40) + "…" : t);
        }
        if (v.isObject()) return Message.of("model.error.json.anObject");
        if (v.isArray()) return Message.of("model.error.json.anArray");
        if (v.isBoolean()) return Message.of("plain.text", v.asText());
        String t = v.asText();
        return Message.of("plain.text", t.length() > 40 ? t.substring(0, 40) + "…" : t);
    }
}
