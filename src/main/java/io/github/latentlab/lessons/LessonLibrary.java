package io.github.latentlab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.latentlab.util.Message;

/**
 * The lessons that come with the app ({@code /lessons/} on the class path, listed in
 * {@code lessons.txt}, one file per language: {@code NAME.en.md}, {@code NAME.zh-CN.md}) and
 * lesson files a teacher opens from disk.
 */
public final class LessonLibrary {
    private static final String ROOT = "/lessons/";

    /** A shipped lesson: its name (e.g. 01-autoencoder) and its title in the chosen language. */
    public record Entry(String name, String title) { }

    private LessonLibrary() { }

    /** The shipped lessons in order, titled in {@code locale}'s language. */
    public static List<Entry> shipped(Locale locale) throws IOException, LessonFormatException {
        List<Entry> out = new ArrayList<>();
        for (String name : names()) out.add(new Entry(name, load(name, locale).title()));
        return out;
    }

    /** Whether this build comes with lessons (looked up, not read). */
    public static boolean shipsLessons() {
        return LessonLibrary.class.getResource(ROOT + "lessons.txt") != null;
    }

    /** The names in lessons.txt (blank lines and # comments skipped). */
    public static List<String> names() throws IOException {
        byte[] index = resource("lessons.txt");
        if (index == null) return List.of();
        return new String(index, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The shipped lesson {@code name} in {@code locale}'s language (English when it has no translation). */
    public static Lesson load(String name, Locale locale) throws IOException, LessonFormatException {
        for (String file : List.of(name + "." + languageTag(locale) + ".md", name + ".en.md")) {
            byte[] bytes = resource(file);
            if (bytes != null) return checked(LessonParser.parse(file, null, text(file, bytes)), null);
        }
        throw new IOException("no lesson named " + name);
    }

    /** A lesson file from disk; its pictures must be beside it. */
    public static Lesson open(Path file) throws IOException, LessonFormatException {
        String name = file.getFileName().toString();
        if (Files.size(file) > LessonParser.MAX_CHARS * 4L) {
            throw new LessonFormatException(name, 0, Message.of("lesson.error.huge"));
        }
        Path folder = file.toAbsolutePath().getParent();
        return checked(LessonParser.parse(name, folder, text(name, Files.readAllBytes(file))), folder);
    }

    /** The bytes of a shipped lesson's picture, or null. */
    public static byte[] shippedPicture(String path) throws IOException {
        return resource(path);
    }

    /** "zh-CN" for Chinese, else the language alone ("en"). */
    static String languageTag(Locale locale) {
        return locale.getLanguage().equals("zh") ? "zh-CN" : locale.getLanguage();
    }

    private static Lesson checked(Lesson lesson, Path folder) throws IOException, LessonFormatException {
        for (Block.Picture p : lesson.pictures()) {
            boolean there = folder == null ? resource(p.path()) != null : Files.isRegularFile(folder.resolve(p.path()));
            if (!there) throw new LessonFormatException(lesson.source(), p.line(), Message.of("lesson.error.pictureMissing", p.path()));
        }
        return lesson;
    }

    private static String text(String source, byte[] bytes) throws LessonFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LessonFormatException(source, 0, Message.of("lesson.error.notUtf8"));
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(ROOT + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
