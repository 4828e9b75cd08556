package io.github.latentlab.data;

import java.io.IOException;
import java.nio.file.Path;

import io.github.latentlab.util.Message;

/**
 * An IDX file that cannot be read as promised: wrong magic number, impossible dimensions, fewer
 * bytes than the header announces, a broken gzip stream, or images and labels that disagree.
 * The message always starts with the file name, so it can be shown to the user as it is; the
 * window shows it in its language ({@link #userMessage()}).
 */
public final class IdxFormatException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final transient Message problem;

    public IdxFormatException(Path file, Message problem) {
        this(file, problem, null);
    }

    public IdxFormatException(Path file, Message problem, Throwable cause) {
        super(where(name(file), problem).english(), cause);
        this.file = name(file);
        this.problem = problem;
    }

    private static Message where(String file, Message problem) {
        return Message.of("data.error.file", file, problem);
    }

    private static String name(Path file) {
        Path name = file == null ? null : file.getFileName();
        return name == null ? String.valueOf(file) : name.toString();
    }

    /** What is wrong, without the file's name. */
    public Message problem() { return problem; }

    @Override public Message userMessage() { return where(file, problem); }
}
