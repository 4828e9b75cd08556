package io.github.latentlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javafx.util.StringConverter;

import io.github.latentlab.util.Message;

/**
 * The words the window shows, in the default locale's language, from the {@code i18n/messages}
 * bundle: English in {@code messages.properties}, Simplified Chinese in {@code messages_zh_CN.properties}. Values are {@link MessageFormat} patterns:
 * {@code {0}} is the first argument, {@code {0,choice,1#1 epoch|1<{0} epochs}} picks the plural,
 * and an apostrophe is written twice.
 */
public final class Texts {
    private static final String BUNDLE = "i18n.messages";

    private Texts() { }

    /** Without the JDK's fallback to the default locale: English is the root bundle, used for any language not translated. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault(), NO_FALLBACK);
    }

    /** The text for {@code key}, or the key itself in brackets when it is missing (visible, never a crash). */
    public static String get(String key) {
        return format(key);
    }

    /** The text for {@code key} with its arguments filled in. */
    public static String format(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) shown[i] = args[i] instanceof Message m ? render(m) : args[i]; // core words too
        return new MessageFormat(pattern(key), Locale.getDefault()).format(shown);
    }

    /**
     * What went wrong, in words for the window: the core's message in the window's language when the
     * failure (or one of its causes) carries one, else the first message in the chain of causes.
     */
    public static String problem(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof Message.Carrier carrier && carrier.userMessage() != null) return render(carrier.userMessage());
        }
        Throwable e = error;
        while ((e.getMessage() == null || e.getMessage().isBlank()) && e.getCause() != null) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A message from the core, in the window's language. */
    public static String render(Message message) {
        return message.render(Texts::pattern, Locale.getDefault());
    }

    /**
     * How the window names a core enum's value: key {@code enum.<Type>.<VALUE>}
     * ({@code enum.ModelKind.VAE}); the value's own (English) name when the bundle has none.
     */
    public static String name(Enum<?> value) {
        if (value == null) return "";
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return bundle().containsKey(key) ? format(key) : value.toString();
    }

    /** For a choice box of enum values: each shown by {@link #name}. */
    public static <E extends Enum<E>> StringConverter<E> names() {
        return new StringConverter<>() {
            @Override public String toString(E value) { return name(value); }

            @Override public E fromString(String text) { throw new UnsupportedOperationException("choices are not typed"); }
        };
    }

    /**
     * How the window names a dataset's class: key {@code class.<name>}, the name lowercased with every
     * run of other characters than letters and digits written {@code _} ("T-shirt/top" reads
     * {@code class.t_shirt_top}); the name itself when the bundle has none (digits, a user's folder names).
     */
    public static String className(String name) {
        if (name == null) return "";
        String key = "class." + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        return bundle().containsKey(key) ? format(key) : name;
    }

    /** The raw pattern for {@code key} (apostrophes still doubled). */
    static String pattern(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }
}
