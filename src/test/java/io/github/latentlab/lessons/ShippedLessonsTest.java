package io.github.latentlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The lessons that come with the app: each parses in English and in Chinese, both languages set the
 * app up the same way step by step, and every model they open is shipped. (That every command also
 * resolves in the running window is LessonRunUiTest's part.)
 */
class ShippedLessonsTest {
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void sevenLessonsInBothLanguagesWithTheSameCommands() throws Exception {
        List<String> names = LessonLibrary.names();
        assertEquals(7, names.size(), names.toString());
        for (String name : names) {
            Lesson en = LessonLibrary.load(name, Locale.ENGLISH);
            Lesson zh = LessonLibrary.load(name, CHINESE);
            assertTrue(en.source().endsWith(".en.md"), en.source());
            assertTrue(zh.source().endsWith(".zh-CN.md"), zh.source());
            assertNotEquals(en.title(), zh.title(), name);
            assertEquals(en.steps().size(), zh.steps().size(), name + ": steps");
            for (int i = 0; i < en.steps().size(); i++) {
                assertEquals(en.steps().get(i).commands().stream().map(Command::toString).toList(),
                        zh.steps().get(i).commands().stream().map(Command::toString).toList(), name + " step " + (i + 1));
                assertEquals(questions(en.steps().get(i)), questions(zh.steps().get(i)), name + " step " + (i + 1) + ": questions");
            }
            assertTrue(en.steps().stream().anyMatch(s -> questions(s) > 0), name + " asks nothing");
        }
    }

    @Test
    void everyOpenedModelIsShipped() throws Exception {
        String index = Files.readString(Path.of("models/models.json"));
        for (String name : LessonLibrary.names()) {
            for (Step step : LessonLibrary.load(name, Locale.ENGLISH).steps()) {
                for (Command c : step.commands()) {
                    if (c.verb().equals("open-model")) {
                        assertTrue(index.contains("\"" + c.word(0).orElseThrow() + ".llab\""), name + ": " + c);
                    }
                    if (c.verb().equals("compare")) {
                        assertTrue(Set.of("latent-2-vs-64", "ae-vs-dae", "ae-vs-vae", "dense-vs-conv")
                                .contains(c.word(0).orElseThrow()), name + ": " + c);
                    }
                }
            }
        }
    }

    @Test
    void aLessonWithoutATranslationFallsBackToEnglish() throws Exception {
        Lesson lesson = LessonLibrary.load(LessonLibrary.names().get(0), Locale.GERMAN);
        assertTrue(lesson.source().endsWith(".en.md"));
        assertFalse(lesson.steps().isEmpty());
    }

    private static long questions(Step step) {
        return step.blocks().stream().filter(b -> b instanceof Block.Question).count();
    }
}
