package io.github.latentlab.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;

/**
 * The commands the app understands, with what each takes. Checks a command's form here (a lesson
 * file is checked line by line before it runs); names only the running app knows (a shipped model,
 * a comparison) are checked when the app resolves them. docs/lessons.md lists the same.
 */
public final class CommandVocabulary {
    /** The Train tab settings {@code model} may set, with a check of each value. */
    static final Map<String, Function<String, String>> MODEL_OPTIONS = Map.of(
            "latent", v -> wholeNumber(v, 1, 1024),
            "hidden", CommandVocabulary::sizes,
            "epochs", v -> wholeNumber(v, 1, 1000),
            "batch", v -> wholeNumber(v, 1, 4096),
            "seed", v -> wholeNumber(v, 0, Integer.MAX_VALUE),
            "lr", v -> number(v, 1e-6, 1),
            "beta", v -> number(v, 0, 100),
            "loss", v -> oneOf(v, Arrays.stream(LossKind.values()).map(LossKind::id).toList()),
            "noise", v -> oneOf(v, Arrays.stream(NoiseKind.values()).map(NoiseKind::id).toList()),
            "level", v -> number(v, 0, 1));

    public static final List<String> TABS = List.of("train", "latent", "noise", "draw", "runs");
    public static final List<String> DETAILS = List.of("walk", "traverse", "neighbours", "selection", "anomalies");
    public static final List<String> PROJECTIONS = List.of("latent", "pca", "tsne", "umap");

    private enum Verb {
        OPEN_MODEL("open-model", c -> words(c, 1, 1)),
        TAB("tab", c -> words(c, 1, 1) == null ? oneOf(c.word(0).orElseThrow(), TABS) : words(c, 1, 1)),
        DETAIL("detail", c -> words(c, 1, 1) == null ? oneOf(c.word(0).orElseThrow(), DETAILS) : words(c, 1, 1)),
        DATASET("dataset", c -> words(c, 1, 1)),
        MODEL("model", CommandVocabulary::model),
        TRAIN("train", c -> words(c, 0, 0)),
        NOISE("noise", CommandVocabulary::noise),
        PROJECTION("projection", CommandVocabulary::projection),
        SELECT("select", CommandVocabulary::select),
        SAMPLE("sample", c -> words(c, 0, 0)),
        COMPARE("compare", c -> words(c, 1, 1)),
        CODES("codes", c -> words(c, 1, 1) == null ? oneOf(c.word(0).orElseThrow(), List.of("on", "off")) : words(c, 1, 1)),
        ANOMALIES("anomalies", c -> words(c, 1, 1) == null
                ? oneOf(c.word(0).orElseThrow(), List.of("error", "distance", "off")) : words(c, 1, 1));

        final String id;
        final Function<Command, String> check;

        Verb(String id, Function<Command, String> check) {
            this.id = id;
            this.check = check;
        }
    }

    private CommandVocabulary() { }

    /** Every verb, as written in a file. */
    public static List<String> verbs() {
        return Arrays.stream(Verb.values()).map(v -> v.id).toList();
    }

    /** What is wrong with {@code c}'s form, or null when nothing is. */
    public static String problemWith(Command c) {
        for (Verb v : Verb.values()) {
            if (v.id.equals(c.verb())) return v.check.apply(c);
        }
        return "unknown command '" + c.verb() + "': expected one of " + String.join(", ", verbs());
    }

    private static String model(Command c) {
        String count = words(c, 1, 1);
        if (count != null) return "model needs the kind (" + kinds() + ") and then key=value settings";
        String kind = oneOf(c.word(0).orElseThrow(), Arrays.stream(ModelKind.values()).map(ModelKind::id).toList());
        if (kind != null) return kind;
        return options(c, MODEL_OPTIONS);
    }

    private static String noise(Command c) {
        String count = words(c, 2, 2);
        if (count != null) return "noise needs a kind and a level, e.g. noise gaussian 0.4";
        String kind = oneOf(c.word(0).orElseThrow(), Arrays.stream(NoiseKind.values()).map(NoiseKind::id).toList());
        return kind != null ? kind : number(c.word(1).orElseThrow(), 0, 1);
    }

    private static String projection(Command c) {
        String count = words(c, 1, 1);
        if (count != null) return "projection needs a method (" + String.join(", ", PROJECTIONS) + ")";
        String method = oneOf(c.word(0).orElseThrow(), PROJECTIONS);
        if (method != null) return method;
        return options(c, Map.of("seed", v -> wholeNumber(v, 0, Integer.MAX_VALUE),
                "images", v -> wholeNumber(v, 10, 100_000)));
    }

    private static String select(Command c) {
        if (c.args().isEmpty() || c.args().size() > 2) return "select takes one or two image numbers";
        for (String a : c.args()) {
            String p = wholeNumber(a, 0, Integer.MAX_VALUE);
            if (p != null) return p;
        }
        return null;
    }

    private static String options(Command c, Map<String, Function<String, String>> known) {
        for (String a : c.args()) {
            int eq = a.indexOf('=');
            if (eq < 0) continue;
            String key = a.substring(0, eq);
            var check = known.get(key);
            if (check == null) return "unknown setting '" + key + "': expected one of " + String.join(", ", known.keySet().stream().sorted().toList());
            String p = check.apply(a.substring(eq + 1));
            if (p != null) return key + ": " + p;
        }
        return null;
    }

    /** Between {@code min} and {@code max} plain words (not key=value). */
    private static String words(Command c, int min, int max) {
        long n = c.args().stream().filter(a -> !a.contains("=")).count();
        if (n < min || n > max) {
            return c.verb() + (max == 0 ? " takes no words" : " takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + (max == 1 ? " word" : " words")) + ", got " + n;
        }
        return null;
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(ModelKind.values()).map(ModelKind::id).toList());
    }

    private static String oneOf(String value, List<String> allowed) {
        return allowed.contains(value.toLowerCase(Locale.ROOT)) ? null
                : "'" + value + "' is not one of " + String.join(", ", allowed);
    }

    private static String wholeNumber(String v, long min, long max) {
        try {
            long n = Long.parseLong(v);
            return n >= min && n <= max ? null : "'" + v + "' is not between " + min + " and " + max;
        } catch (NumberFormatException e) {
            return "'" + v + "' is not a whole number";
        }
    }

    private static String number(String v, double min, double max) {
        try {
            double d = Double.parseDouble(v);
            return d >= min && d <= max ? null : "'" + v + "' is not between " + min + " and " + max;
        } catch (NumberFormatException e) {
            return "'" + v + "' is not a number";
        }
    }

    private static String sizes(String v) {
        for (String s : v.split(",")) {
            String p = wholeNumber(s.trim(), 1, 4096);
            if (p != null) return p;
        }
        return null;
    }

    /** For tests and docs: every model setting key. */
    static Set<String> modelOptions() { return MODEL_OPTIONS.keySet(); }
}
