package io.github.latentlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One-line JSON objects for {@code --json} output; non-finite numbers become null. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Json put(String key, Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) value = null;
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
