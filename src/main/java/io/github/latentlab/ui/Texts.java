package io.github.latentlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the window shows, from the {@code i18n/messages} bundle (English now; a translation
 * is a {@code messages_zh_CN.properties} beside it). Values are {@link MessageFormat} patterns:
 * {@code {0}} is the first argument, {@code {0,choice,1#1 epoch|1<{0} epochs}} picks the plural,
 * and an apostrophe is written twice.
 */
public final class Texts {
    private static final String BUNDLE = "i18n.messages";

    private Texts() { }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The text for {@code key}, or the key itself in brackets when it is missing (visible, never a crash). */
    public static String get(String key) {
        return format(key);
    }

    /** The text for {@code key} with its arguments filled in. */
    public static String format(String key, Object... args) {
        return new MessageFormat(pattern(key), Locale.getDefault()).format(args);
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
