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

    /** A refusal: what is wrong, naming the field. */
    public static final class BadJson extends IllegalArgumentException {
        public BadJson(String message) { super(message); }
    }

    /** Parses {@code json} (at most {@code maxBytes}) into a tree of objects, arrays and values. */
    public static JsonNode parse(byte[] json, long maxBytes, String what) {
        if (json.length > maxBytes) throw new BadJson(what + " is " + json.length + " bytes, more than the " + maxBytes + " allowed");
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) throw new BadJson(what + " is empty");
            return root;
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            String limit = m.contains("nesting") ? "nests deeper than " + MAX_DEPTH + " levels"
                    : m.contains("number") ? "holds a number with more than 64 digits"
                    : "holds a string longer than " + MAX_STRING + " characters";
            throw new BadJson(what + " " + limit);
        } catch (IOException e) {
            // the parser's own wording lists tokens such as 'null': say where, in our words
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
            throw new BadJson(what + " is not valid JSON" + where);
        }
    }

    public static JsonNode object(JsonNode parent, String field) {
        JsonNode v = present(parent, field);
        if (!v.isObject()) throw wrongType(field, "an object", v);
        return v;
    }

    public static JsonNode array(JsonNode parent, String field, int maxLength) {
        JsonNode v = present(parent, field);
        if (!v.isArray()) throw wrongType(field, "an array", v);
        if (v.size() > maxLength) throw new BadJson("\"" + field + "\" has " + v.size() + " entries, more than the " + maxLength + " allowed");
        return v;
    }

    public static String text(JsonNode parent, String field) {
        JsonNode v = present(parent, field);
        if (!v.isTextual()) throw wrongType(field, "a string", v);
        return v.textValue();
    }

    public static String text(JsonNode parent, String field, String fallback) {
        return parent.has(field) && !parent.get(field).isNull() ? text(parent, field) : fallback;
    }

    public static int integer(JsonNode parent, String field, int min, int max) {
        JsonNode v = present(parent, field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrongType(field, "a whole number", v);
        int i = v.intValue();
        if (i < min || i > max) throw new BadJson("\"" + field + "\" is " + i + ", outside " + min + ".." + max);
        return i;
    }

    public static int integer(JsonNode parent, String field, int min, int max, int fallback) {
        return parent.has(field) && !parent.get(field).isNull() ? integer(parent, field, min, max) : fallback;
    }

    public static long longInteger(JsonNode parent, String field, long fallback) {
        if (!parent.has(field) || parent.get(field).isNull()) return fallback;
        JsonNode v = parent.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(field, "a whole number", v);
        return v.longValue();
    }

    /** A number; JSON null (how NaN is stored) reads as NaN. */
    public static double number(JsonNode parent, String field, double fallback) {
        if (!parent.has(field)) return fallback;
        JsonNode v = parent.get(field);
        if (v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw wrongType(field, "a number", v);
        return v.doubleValue();
    }

    /** Element {@code i} of an array as a number (null as NaN). */
    public static double number(JsonNode array, int i, String what) {
        JsonNode v = array.get(i);
        if (v == null || v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new BadJson(what + " holds " + describe(v) + " where a number belongs");
        return v.doubleValue();
    }

    public static List<Integer> integers(JsonNode parent, String field, int maxLength, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : array(parent, field, maxLength)) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new BadJson("\"" + field + "\" holds " + describe(v) + " where a whole number belongs");
            int i = v.intValue();
            if (i < min || i > max) throw new BadJson("\"" + field + "\" holds " + i + ", outside " + min + ".." + max);
            out.add(i);
        }
        return out;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) throw new BadJson("field \"" + field + "\" is missing");
        return v;
    }

    private static BadJson wrongType(String field, String expected, JsonNode v) {
        return new BadJson("\"" + field + "\" should be " + expected + ", not " + describe(v));
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (v.isBoolean()) return v.asText();
        String t = v.asText();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
