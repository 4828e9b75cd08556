package io.github.latentlab.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.StrictJson;

/**
 * Checks a dense model's inner {@code network.zip} (DL4J's ModelSerializer format) before DL4J
 * reads it: only the entries Latent Lab writes (any other, such as a {@code preprocessor.bin} that
 * DL4J would deserialize as Java objects, is refused by name), no entry larger than the spec can
 * need, a configuration naming only classes the app writes and with the layer sizes the metadata
 * says, and parameter and Adam-state arrays of exactly the spec's length. Throws
 * IllegalArgumentException with the reason.
 */
final class DenseNetworkFile {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER = "updaterState.bin";
    private static final Set<String> ENTRIES = Set.of(CONFIGURATION, COEFFICIENTS, UPDATER);
    private static final long MAX_CONFIGURATION_BYTES = 1 << 20;
    /** Adam keeps two values (M, V) per parameter. */
    private static final int ADAM_STATE_PER_PARAMETER = 2;

    private DenseNetworkFile() { }

    /** The layer widths the spec implies: input, encoder, code, decoder, output. */
    static List<Integer> widths(ModelSpec spec, int inputSize) {
        List<Integer> w = new ArrayList<>();
        w.add(inputSize);
        w.addAll(spec.hidden());
        w.add(spec.latent());
        for (int i = spec.hidden().size() - 1; i >= 0; i--) w.add(spec.hidden().get(i));
        w.add(inputSize);
        return w;
    }

    static long parameterCount(List<Integer> widths) {
        long n = 0;
        for (int i = 1; i < widths.size(); i++) n += (long) widths.get(i - 1) * widths.get(i) + widths.get(i);
        return n;
    }

    static void check(byte[] networkZip, ModelSpec spec, int inputSize) {
        List<Integer> widths = widths(spec, inputSize);
        long params = parameterCount(widths);
        Map<String, byte[]> entries = entries(networkZip, params);
        for (String required : List.of(CONFIGURATION, COEFFICIENTS)) {
            if (!entries.containsKey(required)) throw ModelFileLimits.refused(Message.of("model.error.dense.missing", required));
        }
        JsonNode conf = StrictJson.parse(entries.get(CONFIGURATION), MAX_CONFIGURATION_BYTES, CONFIGURATION);
        JsonClassNames.check(conf, JsonClassNames.DENSE, CONFIGURATION);
        List<Integer> found = widthsOf(conf);
        if (!found.equals(widths)) {
            throw ModelFileLimits.refused(Message.of("model.error.dense.mismatch", join(found), join(widths), spec.describe(inputSize)));
        }
        Nd4jBinaryHeader.checkFloatArray(entries.get(COEFFICIENTS), params, COEFFICIENTS);
        if (entries.containsKey(UPDATER)) {
            Nd4jBinaryHeader.checkFloatArray(entries.get(UPDATER), ADAM_STATE_PER_PARAMETER * params, UPDATER);
        }
    }

    /** The widths configuration.json gives: nIn of the first layer, then every layer's nOut. */
    private static List<Integer> widthsOf(JsonNode conf) {
        JsonNode confs = StrictJson.array(conf, "confs", 64);
        List<Integer> widths = new ArrayList<>();
        for (JsonNode c : confs) {
            JsonNode layer = StrictJson.object(c, "layer");
            if (widths.isEmpty()) widths.add(StrictJson.integer(layer, "nin", 1, Integer.MAX_VALUE));
            widths.add(StrictJson.integer(layer, "nout", 1, Integer.MAX_VALUE));
        }
        return widths;
    }

    /** The inner zip's entries, each read with a limit the spec sets; duplicates and strangers refused. */
    private static Map<String, byte[]> entries(byte[] zipBytes, long params) {
        long limit = Math.max(MAX_CONFIGURATION_BYTES, params * Float.BYTES * ADAM_STATE_PER_PARAMETER + 4096);
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!ENTRIES.contains(name)) {
                    throw ModelFileLimits.refused(Message.of("model.error.dense.strangeEntry", ModelFileLimits.clip(name, 60)));
                }
                if (out.containsKey(name)) throw ModelFileLimits.refused(Message.of("model.error.dense.entryTwice", name));
                out.put(name, ModelFileLimits.readAtMost(zip, name.equals(CONFIGURATION) ? MAX_CONFIGURATION_BYTES : limit, name));
            }
        } catch (IOException e) {
            throw ModelFileLimits.refused(Message.of("model.error.dense.damaged", ModelFileLimits.reason(e)));
        }
        if (out.isEmpty()) throw ModelFileLimits.refused(Message.of("model.error.dense.empty"));
        return out;
    }

    private static String join(List<Integer> widths) {
        return String.join("-", widths.stream().map(String::valueOf).toList());
    }
}
