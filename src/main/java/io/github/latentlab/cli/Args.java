package io.github.latentlab.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and {@code --flag} switches, checked against what a command
 * accepts: an unknown or repeated option, or a missing value, is a {@link UsageException}.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Args(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) throw new UsageException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name) && inline == null) {
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                    v = args.get(++i);
                }
                if (values.put(name, v) != null) throw new UsageException("--" + name + " given twice");
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    boolean flag(String name) { return flags.contains(name); }

    String string(String name, String fallback) { return values.getOrDefault(name, fallback); }

    String required(String name) {
        String v = values.get(name);
        if (v == null) throw new UsageException("--" + name + " is required");
        return v;
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a number, got '" + v + "'");
        }
    }

    /** "256" or "256,128" → [256] or [256, 128]; "" or "none" → no hidden layers. */
    List<Integer> intList(String name, List<Integer> fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        if (v.isBlank() || v.equalsIgnoreCase("none")) return List.of();
        try {
            return java.util.Arrays.stream(v.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs sizes like 256 or 512,128, got '" + v + "'");
        }
    }

    /** Wrong use of the command line: the message is printed with the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }
}
