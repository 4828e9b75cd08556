package io.github.latentlab.lessons;

import java.util.List;

/** One piece of a step's text, in the small Markdown subset lessons use (docs/lessons.md). */
public sealed interface Block {
    /** {@code ### Heading} (level 3 or more inside a step). */
    record Heading(int level, List<Inline> text) implements Block { }

    /** Lines of text up to a blank line. */
    record Paragraph(List<Inline> text) implements Block { }

    /** {@code - item} or {@code 1. item} lines. */
    record Items(boolean numbered, List<List<Inline>> items) implements Block { }

    /** {@code ![alt](file.png)}: a picture beside the lesson file. */
    record Picture(String alt, String path, int line) implements Block { }

    /** {@code ? question} then {@code = answer}: the learner predicts, then reveals the answer. */
    record Question(List<Inline> prompt, List<Inline> answer) implements Block { }
}
