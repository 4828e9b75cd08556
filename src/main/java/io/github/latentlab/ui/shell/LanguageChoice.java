package io.github.latentlab.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.util.AtomicFiles;

/**
 * The window's language: the system's unless the user chose one in View › Language, kept in
 * {@code language.txt} in the app's folder and applied at the next start (every text is read when
 * the window is built, so a switch needs a restart, and no screen mixes languages).
 */
public final class LanguageChoice {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageChoice.class);
    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";

    private LanguageChoice() { }

    /** Makes the chosen language the default locale; nothing when none was chosen (or the file is odd). */
    public static void apply(Path home) {
        String chosen = read(home);
        if (chosen != null) Locale.setDefault(Locale.forLanguageTag(chosen));
    }

    /** The language the window shows now: {@link #CHINESE} or {@link #ENGLISH}. */
    public static String current() {
        return Locale.getDefault().getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    /** Remembers {@code tag} for the next start (atomically; a failure is logged and returned as false). */
    static boolean choose(Path home, String tag) {
        try {
            Files.createDirectories(home);
            AtomicFiles.write(home.resolve("language.txt"), (tag + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            LOG.warn("could not save the language choice", e);
            return false;
        }
    }

    static String read(Path home) {
        Path file = home.resolve("language.txt");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64) return null;
            String tag = Files.readString(file, StandardCharsets.UTF_8).strip();
            return tag.equals(ENGLISH) || tag.equals(CHINESE) ? tag : null;
        } catch (IOException e) {
            return null;
        }
    }
}
