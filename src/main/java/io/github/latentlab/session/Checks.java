package io.github.latentlab.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.latentlab.model.ModelFileLimits;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * The checks a session's values pass, whether the app made them or a file did: one set of rules,
 * so a session the app writes is always one it can read. Each refusal names the JSON field.
 */
final class Checks {
    /** Names of shipped models and lessons: what the app ships, nothing a path could hide in. */
    private static final Pattern SHIPPED_NAME = Pattern.compile("[a-z0-9-]{1,100}");
    /** A name the app may give a file it writes on the reader's machine: no folders, no control or bidi characters. */
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\:*?\"<>|\\p{Cc}\\p{Cf}]{1,120}");
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private Checks() { }

    static Problems.BadArgument refused(String key, Object... args) {
        return new Problems.BadArgument(Message.of(key, args));
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) throw refused("model.error.json.outside", field, value, min, max);
        return value;
    }

    /** NaN is outside every range. */
    static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) throw refused("session.error.outside", field, plain(value), plain(min), plain(max));
        return value;
    }

    /** As a person writes it (0.0001, not the 0 a number format rounds it to). */
    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw refused("session.error.oneOf", field, clip(value), String.join(", ", allowed));
        }
        return value;
    }

    static String shippedName(String field, String name) {
        if (name == null || !SHIPPED_NAME.matcher(name).matches()) throw refused("session.error.name", field, clip(name));
        return name;
    }

    /** A plain file name ending in {@code extension}, safe to create in a folder on any system. */
    static String fileName(String field, String name, String extension) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(" ")
                || !name.toLowerCase(Locale.ROOT).endsWith(extension) || name.length() == extension.length()
                || WINDOWS_DEVICES.contains(name.substring(0, name.indexOf('.')).toLowerCase(Locale.ROOT).strip())) {
            throw refused("session.error.name", field, clip(name));
        }
        return name;
    }

    private static final Pattern PICTURE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._ -]{0,99}");
    private static final Pattern PICTURE_FILE = Pattern.compile("(?i).*\\.(png|jpe?g|gif)");

    /**
     * A lesson picture's path as the lesson names it: relative, at most 8 plain folder and file
     * names (no "..", no leading dot or device name), a PNG, JPEG or GIF; it becomes a file on the
     * reader's computer, so nothing else passes.
     */
    static String picturePath(String path) {
        String[] parts = path.split("/", -1);
        boolean ok = parts.length <= 8 && PICTURE_FILE.matcher(path).matches();
        for (String part : parts) {
            ok &= PICTURE_SEGMENT.matcher(part).matches() && !part.endsWith(".") && !part.endsWith(" ")
                    && !WINDOWS_DEVICES.contains(part.toLowerCase(java.util.Locale.ROOT).replaceAll("\\..*", ""));
        }
        if (!ok) throw refused("session.error.picturePath", clip(path));
        return path;
    }

    static String clip(String s) {
        return s == null ? "" : ModelFileLimits.clip(s, 60);
    }
}
