package io.github.latentlab.lessons;

/** A lesson file that cannot be read, with the file and line a teacher should look at. */
public final class LessonFormatException extends Exception {
    private final String source;
    private final int line;
    private final String problem;

    public LessonFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() { return source; }
    /** 1-based; 0 for the file as a whole. */
    public int line() { return line; }
    public String problem() { return problem; }
}
