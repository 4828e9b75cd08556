package io.github.latentlab.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The lesson a session was following and its step (from 0): a shipped lesson by name, or a
 * lesson file carried in the session (its Markdown, not parsed here: the app opens it with its
 * own lesson reader). A session without a lesson has none ({@code null}).
 */
public sealed interface SessionLesson {
    String EXTENSION = ".md";
    int MAX_MARKDOWN_BYTES = 1 << 20;
    int MAX_STEP = 999;
    /** A lesson's pictures travel with it: at most this many, each at most this large. */
    int MAX_PICTURES = 16;
    int MAX_PICTURE_BYTES = 4 << 20;

    int step();

    record Shipped(String name, int step) implements SessionLesson {
        public Shipped {
            Checks.shippedName("lessonName", name);
            Checks.range("lessonStep", step, 0, MAX_STEP);
        }
    }

    /**
     * The Markdown and the pictures it shows (by their path in the lesson, e.g. {@code img/a.png},
     * beside the file on the reader's computer too). The arrays are not copied: do not change them.
     */
    record Embedded(String fileName, byte[] markdown, int step, Map<String, byte[]> pictures) implements SessionLesson {
        /** A lesson without pictures. */
        public Embedded(String fileName, byte[] markdown, int step) {
            this(fileName, markdown, step, Map.of());
        }

        public Embedded {
            pictures = Collections.unmodifiableMap(new TreeMap<>(pictures));
            if (pictures.size() > MAX_PICTURES) throw Checks.refused("session.error.pictures", MAX_PICTURES);
            for (var p : pictures.entrySet()) {
                Checks.picturePath(p.getKey());
                Checks.range("lessonPictures", p.getValue().length, 1, MAX_PICTURE_BYTES);
            }
            Checks.fileName("lessonFileName", fileName, EXTENSION);
            Objects.requireNonNull(markdown, "markdown");
            Checks.range("lessonBytes", markdown.length, 1, MAX_MARKDOWN_BYTES);
            Checks.range("lessonStep", step, 0, MAX_STEP);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(markdown));
            } catch (CharacterCodingException e) {
                throw Checks.refused("session.error.notText", SessionFile.LESSON);
            }
        }

        public String text() { return new String(markdown, StandardCharsets.UTF_8); }

        @Override public boolean equals(Object o) {
            return o instanceof Embedded e && fileName.equals(e.fileName) && Arrays.equals(markdown, e.markdown)
                    && step == e.step && pictures.keySet().equals(e.pictures.keySet())
                    && pictures.keySet().stream().allMatch(k -> Arrays.equals(pictures.get(k), e.pictures.get(k)));
        }

        @Override public int hashCode() { return Objects.hash(fileName, Arrays.hashCode(markdown), step); }

        @Override public String toString() {
            return "Embedded[" + fileName + ", " + markdown.length + " bytes, step " + step + ", " + pictures.size()
                    + " pictures]";
        }
    }
}
