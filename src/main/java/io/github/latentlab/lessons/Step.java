package io.github.latentlab.lessons;

import java.util.List;

/** One page of a lesson: its title, its text, and the commands that set the app up when it is entered. */
public record Step(String title, List<Block> blocks, List<Command> commands, int line) {
    public Step {
        blocks = List.copyOf(blocks);
        commands = List.copyOf(commands);
    }
}
