package io.github.latentlab.util;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Words for a person, kept as a bundle key and its arguments so each reader gets them in their
 * language: the window renders them in its own, the command line and the logs in English
 * ({@link #english()}). The texts are in {@code i18n/messages*.properties}; an argument may itself
 * be a message, rendered in the same language.
 */
public record Message(String key, List<Object> args) {
    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args).stream().map(a -> a == null ? "null" : a).toList());
    }

    /** The message in English, as the command line and the log files say it. */
    public String english() {
        return render(key -> ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK).getString(key), Locale.ROOT);
    }

    /** The message through {@code patterns} (key → MessageFormat pattern) in {@code locale}; nested messages likewise. */
    public String render(Function<String, String> patterns, Locale locale) {
        Object[] values = args.stream().map(a -> a instanceof Message m ? m.render(patterns, locale) : a).toArray();
        String pattern;
        try {
            pattern = patterns.apply(key);
        } catch (RuntimeException e) {
            return "[" + key + "] " + Arrays.toString(values);
        }
        return new MessageFormat(pattern, locale).format(values);
    }

    @Override public String toString() { return english(); }

    /** Something that carries words for a person (an exception a user may see). */
    public interface Carrier {
        Message userMessage();
    }
}
