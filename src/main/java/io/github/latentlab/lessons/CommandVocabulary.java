package io.github.latentlab.lessons;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.util.Message;

/**
 * The commands the app understands, with what each takes. Checks a command's form here (a lesson
 * file is checked line by line before it runs); names only the running app knows (a shipped model,
 * a comparison) are checked when the app resolves them. docs/lessons.md lists the same.
 */
public final class CommandVocabulary {
    /** The Train tab settings {@code model} may set, with a check of each value. */
    static final Map<String, Function<String, Message>> MODEL_OPTIONS = Map.ofEntries(
            Map.entry("latent", v -> wholeNumber(v, ModelSpec.MIN_LATENT, ModelSpec.MAX_LATENT)),
            Map.entry("hidden", CommandVocabulary::sizes), // the limits ModelSpec checks too
            Map.entry("epochs", v -> wholeNumber(v, 1, 1000)),
            Map.entry("batch", v -> wholeNumber(v, 1, 4096)),
            Map.entry("seed", v -> wholeNumber(v, 0, Integer.MAX_VALUE)),
            Map.entry("lr", v -> number(v, 1e-6, 1)),
            Map.entry("beta", v -> number(v, 0, 100)),
            Map.entry("loss", v -> oneOf(v, Arrays.stream(LossKind.values()).map(LossKind::id).toList())),
            Map.entry("noise", v -> oneOf(v, Arrays.stream(NoiseKind.values()).map(NoiseKind::id).toList())),
            Map.entry("level", v -> number(v, 0, 1)),
            Map.entry("ssim", v -> number(v, 0, 10)));

    public static final List<String> TABS = List.of("train", "latent", "noise", "draw", "runs");
    public static final List<String> DETAILS = List.of("walk", "traverse", "neighbours", "selection", "anomalies");
    public static final List<String> PROJECTIONS = List.of("latent", "pca", "tsne", "umap");

    private enum Verb {
        OPEN_MODEL("open-model", c -> words(c, 1, 1)),
        TAB("tab", c -> oneWordOf(c, TABS)),
        DETAIL("detail", c -> oneWordOf(c, DETAILS)),
        DATASET("dataset", c -> words(c, 1, 1)),
        MODEL("model", CommandVocabulary::model),
        TRAIN("train", c -> words(c, 0, 0)),
        NOISE("noise", CommandVocabulary::noise),
        PROJECTION("projection", CommandVocabulary::projection),
        SELECT("select", CommandVocabulary::select),
        SAMPLE("sample", c -> words(c, 0, 0)),
        COMPARE("compare", c -> words(c, 1, 1)),
        CODES("codes", c -> oneWordOf(c, List.of("on", "off"))),
        ANOMALIES("anomalies", c -> oneWordOf(c, List.of("error", "distance", "off"))),
        EPOCH("epoch", CommandVocabulary::epoch),
        PLAY("play", c -> words(c, 0, 0));

        final String id;
        final Function<Command, Message> check;

        Verb(String id, Function<Command, Message> check) {
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
    public static Message problemWith(Command c) {
        for (Verb v : Verb.values()) {
            if (v.id.equals(c.verb())) return v.check.apply(c);
        }
        return Message.of("command.error.unknown", c.verb(), String.join(", ", verbs()));
    }

    private static Message model(Command c) {
        Message count = words(c, 1, 1);
        if (count != null) return Message.of("command.error.modelUsage", kinds());
        Message kind = oneOf(c.word(0).orElseThrow(), Arrays.stream(ModelKind.values()).map(ModelKind::id).toList());
        if (kind != null) return kind;
        return options(c, MODEL_OPTIONS);
    }

    private static Message noise(Command c) {
        Message count = words(c, 2, 2);
        if (count != null) return Message.of("command.error.noiseUsage");
        Message kind = oneOf(c.word(0).orElseThrow(), Arrays.stream(NoiseKind.values()).map(NoiseKind::id).toList());
        return kind != null ? kind : number(c.word(1).orElseThrow(), 0, 1);
    }

    private static Message projection(Command c) {
        Message count = words(c, 1, 1);
        if (count != null) return Message.of("command.error.projectionUsage", String.join(", ", PROJECTIONS));
        Message method = oneOf(c.word(0).orElseThrow(), PROJECTIONS);
        if (method != null) return method;
        return options(c, Map.of("seed", v -> wholeNumber(v, 0, Integer.MAX_VALUE),
                "images", v -> wholeNumber(v, 10, 100_000)));
    }

    /** {@code epoch N} (a stored epoch of the timeline) or {@code epoch latest}. */
    private static Message epoch(Command c) {
        Message count = words(c, 1, 1);
        if (count != null) return count;
        String which = c.word(0).orElseThrow();
        return which.equals("latest") ? null : wholeNumber(which, 0, 1_000_000);
    }

    private static Message select(Command c) {
        if (c.args().isEmpty() || c.args().size() > 2) return Message.of("command.error.selectUsage");
        for (String a : c.args()) {
            Message p = wholeNumber(a, 0, Integer.MAX_VALUE);
            if (p != null) return p;
        }
        return null;
    }

    private static Message options(Command c, Map<String, Function<String, Message>> known) {
        for (String a : c.args()) {
            int eq = a.indexOf('=');
            if (eq < 0) continue;
            String key = a.substring(0, eq);
            var check = known.get(key);
            if (check == null) {
                return Message.of("command.error.setting", key, String.join(", ", known.keySet().stream().sorted().toList()));
            }
            Message p = check.apply(a.substring(eq + 1));
            if (p != null) return Message.of("command.error.settingValue", key, p);
        }
        return null;
    }

    /** Between {@code min} and {@code max} plain words (not key=value). */
    private static Message words(Command c, int min, int max) {
        long n = c.args().stream().filter(a -> !a.contains("=")).count();
        if (n >= min && n <= max) return null;
        if (max == 0) return Message.of("command.error.noWords", c.verb(), n);
        return min == max ? Message.of("command.error.wordCount", c.verb(), min, n)
                : Message.of("command.error.wordRange", c.verb(), min, max, n);
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(ModelKind.values()).map(ModelKind::id).toList());
    }

    /** Exactly one word, from {@code allowed}. */
    private static Message oneWordOf(Command c, List<String> allowed) {
        Message count = words(c, 1, 1);
        return count != null ? count : oneOf(c.word(0).orElseThrow(), allowed);
    }

    private static Message oneOf(String value, List<String> allowed) {
        return allowed.contains(value.toLowerCase(Locale.ROOT)) ? null
                : Message.of("command.error.oneOf", value, String.join(", ", allowed));
    }

    private static Message wholeNumber(String v, long min, long max) {
        try {
            long n = Long.parseLong(v);
            return n >= min && n <= max ? null : Message.of("command.error.range", v, plain(min), plain(max));
        } catch (NumberFormatException e) {
            return Message.of("command.error.whole", v);
        }
    }

    private static Message number(String v, double min, double max) {
        try {
            double d = Double.parseDouble(v);
            return d >= min && d <= max ? null : Message.of("command.error.range", v, plain(min), plain(max));
        } catch (NumberFormatException e) {
            return Message.of("command.error.number", v);
        }
    }

    /** A bound as a person writes it: 1, 0.000001, 2147483647. */
    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    private static Message sizes(String v) {
        for (String s : v.split(",")) {
            Message p = wholeNumber(s.trim(), 1, ModelSpec.MAX_HIDDEN);
            if (p != null) return p;
        }
        return null;
    }

}
