package io.github.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.latentlab.util.Message;

/**
 * DL4J's and SameDiff's JSON name Java classes ({@code "@class"}) that their readers then
 * instantiate. A file from elsewhere is read only when every class it names is one Latent Lab
 * itself writes; anything else is refused before DL4J sees the file.
 */
final class JsonClassNames {
    static final String KEY = "@class";

    /** What a dense model's configuration.json names (the layers, init, activations, Adam, losses). */
    static final Set<String> DENSE = Set.of(
            "org.deeplearning4j.nn.conf.layers.DenseLayer",
            "org.deeplearning4j.nn.conf.layers.OutputLayer",
            "org.deeplearning4j.nn.weights.WeightInitXavier",
            "org.nd4j.linalg.activations.impl.ActivationIdentity",
            "org.nd4j.linalg.activations.impl.ActivationReLU",
            "org.nd4j.linalg.activations.impl.ActivationSigmoid",
            "org.nd4j.linalg.learning.config.Adam",
            "org.nd4j.linalg.lossfunctions.impl.LossMSE",
            "org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT",
            "io.github.latentlab.model.MseSsimLoss"); // our own: two numbers, and a graph built from them

    /** What a SameDiff graph's training configuration names. */
    static final Set<String> SAMEDIFF_TRAINING = Set.of("org.nd4j.linalg.learning.config.Adam");

    private JsonClassNames() { }

    /** Every {@code "@class"} value anywhere in the tree, in document order. */
    static List<String> of(JsonNode tree) {
        List<String> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    /** Refuses the first named class that is not {@code allowed}, naming it and where it was found (a name or a message). */
    static void check(JsonNode tree, Set<String> allowed, Object where) {
        for (String name : of(tree)) {
            if (!allowed.contains(name)) {
                throw ModelFileLimits.refused(Message.of("model.error.className", where, name));
            }
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(KEY)) {
                    if (!e.getValue().isTextual()) throw ModelFileLimits.refused(Message.of("model.error.classNotName"));
                    out.add(e.getValue().textValue());
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
