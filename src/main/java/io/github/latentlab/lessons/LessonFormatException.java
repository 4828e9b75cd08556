package io.github.latentlab.lessons;

import io.github.latentlab.util.Message;

/** A lesson file that cannot be read, with the file and line a teacher should look at, in their language. */
public final class LessonFormatException extends Exception implements Message.Carrier {
    private final String source;
    private final int line;
    private final Message problem;

    public LessonFormatException(String source, int line, Message problem) {
        super(where(source, line, problem).english());
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    private static Message where(String source, int line, Message problem) {
        return line > 0 ? Message.of("lesson.error.at", source, line, problem) : Message.of("lesson.error.file", source, problem);
    }

    public String source() { return source; }
    /** 1-based; 0 for the file as a whole. */
    public int line() { return line; }
    public Message problem() { return problem; }

    @Override public Message userMessage() { return where(source, line, problem); }
}
