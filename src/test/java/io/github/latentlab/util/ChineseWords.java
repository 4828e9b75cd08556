package io.github.latentlab.util;

import java.util.Locale;
import java.util.ResourceBundle;

/** A core message as a window in Simplified Chinese shows it. */
public final class ChineseWords {
    private ChineseWords() { }

    public static String of(Message message) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        ResourceBundle chinese = ResourceBundle.getBundle("i18n.messages", zh,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return message.render(chinese::getString, zh);
    }
}
