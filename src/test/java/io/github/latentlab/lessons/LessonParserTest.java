package io.github.latentlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class LessonParserTest {
    private static Lesson parse(String text) throws LessonFormatException {
        return LessonParser.parse("test.md", null, text);
    }

    private static LessonFormatException failure(String text) {
        return assertThrows(LessonFormatException.class, () -> parse(text));
    }

    @Test
    void readsTitleStepsTextCommandsAndQuestions() throws Exception {
        Lesson lesson = parse("""
                \uFEFF# Compression

                An introduction.

                ## Squeeze
                @open-model fashion-ae-latent2
                @projection tsne seed=3
                A **code** of *two* numbers: `z` and $z = μ + σ·ε$
                over two lines.

                - first
                  continued
                - second
                1. one
                ### Small heading
                ![The net](net.png)
                ? What is lost?
                ? (think first)
                = The fine detail.
                <!-- a note
                for teachers -->
                ## Next
                Done.
                """);
        assertEquals("Compression", lesson.title());
        assertEquals(List.of("Compression", "Squeeze", "Next"), lesson.steps().stream().map(Step::title).toList());
        Step squeeze = lesson.steps().get(1);
        assertEquals(List.of("open-model fashion-ae-latent2", "projection tsne seed=3"),
                squeeze.commands().stream().map(Command::toString).toList());
        assertEquals(7, squeeze.commands().get(1).line());
        assertEquals("3", squeeze.commands().get(1).option("seed").orElseThrow());
        assertEquals("tsne", squeeze.commands().get(1).word(0).orElseThrow());
        var paragraph = assertInstanceOf(Block.Paragraph.class, squeeze.blocks().get(0));
        assertEquals(List.of(new Inline("A ", Inline.Style.PLAIN), new Inline("code", Inline.Style.STRONG),
                new Inline(" of ", Inline.Style.PLAIN), new Inline("two", Inline.Style.EMPHASIS),
                new Inline(" numbers: ", Inline.Style.PLAIN), new Inline("z", Inline.Style.CODE),
                new Inline(" and ", Inline.Style.PLAIN), new Inline("z = μ + σ·ε", Inline.Style.MATH),
                new Inline(" over two lines.", Inline.Style.PLAIN)), paragraph.text());
        var bullets = assertInstanceOf(Block.Items.class, squeeze.blocks().get(1));
        assertEquals(2, bullets.items().size());
        assertEquals("first continued", bullets.items().get(0).get(0).text());
        assertTrue(assertInstanceOf(Block.Items.class, squeeze.blocks().get(2)).numbered());
        assertEquals(3, assertInstanceOf(Block.Heading.class, squeeze.blocks().get(3)).level());
        assertEquals("net.png", assertInstanceOf(Block.Picture.class, squeeze.blocks().get(4)).path());
        var q = assertInstanceOf(Block.Question.class, squeeze.blocks().get(5));
        assertEquals("What is lost? (think first)", q.prompt().get(0).text());
        assertEquals("The fine detail.", q.answer().get(0).text());
        assertEquals(6, squeeze.blocks().size());
    }

    @Test
    void unclosedMarkersAndEscapesStayText() throws Exception {
        Lesson lesson = parse("# T\n## S\n2 * 3 = 6, a \\*star\\*, **open and `tick\n");
        var text = ((Block.Paragraph) lesson.steps().get(0).blocks().get(0)).text();
        assertEquals(List.of(new Inline("2 * 3 = 6, a *star*, **open and `tick", Inline.Style.PLAIN)), text);
    }

    @Test
    void mistakesNameTheLine() {
        record Case(String text, int line, String words) { }
        for (Case c : List.of(
                new Case("", 0, "empty"),
                new Case("Hello\n", 1, "title"),
                new Case("# T\n", 0, "no steps"),
                new Case("# T\n## S\n@opne-model x\n", 3, "unknown command 'opne-model'"),
                new Case("# T\n## S\n@tab lattent\n", 3, "'lattent' is not one of"),
                new Case("# T\n## S\n@model vae latent=two\n", 3, "latent: 'two' is not a whole number"),
                new Case("# T\n## S\n@model vae colour=red\n", 3, "unknown setting 'colour'"),
                new Case("# T\n## S\n@noise gaussian\n", 3, "noise needs a kind and a level"),
                new Case("# T\n## S\ntext\n= answer\n", 4, "needs a question"),
                new Case("# T\n## S\n? question\n\ntext\n", 3, "needs its answer"),
                new Case("# T\n## S\n![x](../secret.png)\n", 3, "beside the lesson"),
                new Case("# T\n## S\n![x](notes.txt)\n", 3, "PNG, JPEG or GIF"),
                new Case("# T\n## S\n# Another title\n", 3, "one '# Title'"),
                new Case("# T\n## S\n<!-- never closed\n", 3, "never closed"),
                new Case("# T\n## S\ntext\n## Empty\n\n## Third\ntext\n", 4, "has no text"))) {
            LessonFormatException e = failure(c.text());
            assertEquals(c.line(), e.line(), c.text());
            assertTrue(e.getMessage().contains(c.words()), e.getMessage());
            assertTrue(e.getMessage().startsWith("test.md"), e.getMessage());
        }
    }

    /** The window says the same in its language: a Chinese teacher reads the mistake in Chinese. */
    @Test
    void mistakesReadInChineseToo() {
        LessonFormatException e = failure("# T\n## S\n@tab lattent\n");
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        ResourceBundle chinese = ResourceBundle.getBundle("i18n.messages", zh,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String shown = e.userMessage().render(chinese::getString, zh);
        assertEquals("test.md 第 3 行：“lattent”不在可选值 train, latent, noise, draw, runs 之中", shown);
        assertEquals("test.md, line 3: 'lattent' is not one of train, latent, noise, draw, runs", e.getMessage());
    }

    @Test
    void everyVerbHasACheckedForm() {
        for (String ok : List.of("open-model x", "tab latent", "detail anomalies", "dataset builtin-digits",
                "model dae latent=32 hidden=512,128 noise=gaussian level=0.4 loss=mse+ssim", "train", "noise mask 0.3",
                "projection umap seed=1 images=2000", "select 4 9", "sample", "compare ae-vs-vae", "codes on",
                "anomalies distance")) {
            assertEquals(null, CommandVocabulary.problemWith(Command.parse(ok, 1)), ok);
        }
        for (String bad : List.of("open-model", "tab", "train now", "select", "select 1 2 3", "select -1",
                "projection", "codes maybe", "model", "model gan", "noise gaussian 2")) {
            assertTrue(CommandVocabulary.problemWith(Command.parse(bad, 1)) != null, bad);
        }
    }
}
