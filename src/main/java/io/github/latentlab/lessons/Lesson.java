package io.github.latentlab.lessons;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson: a title and its steps. {@code source} names the file in messages; {@code folder} is
 * where its pictures are (null for the lessons that come with the app, whose pictures are resources).
 */
public record Lesson(String source, Path folder, String title, List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /** Every picture the lesson shows, in order. */
    public List<Block.Picture> pictures() {
        return steps.stream().flatMap(s -> s.blocks().stream())
                .filter(b -> b instanceof Block.Picture).map(b -> (Block.Picture) b).toList();
    }
}
