package io.github.latentlab.util;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file a reader refuses: its name and what is wrong, in the reader's language, through a
 * message {@code whereKey} that takes the two ("{0}: {1}"). Each reader has its own subclass, so
 * its refusals are told apart from other failures (the fuzzing harness counts on that).
 */
public abstract class FileRefusal extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final String whereKey;
    private final String file;
    private final transient Message problem;

    protected FileRefusal(String whereKey, Path file, Message problem, Throwable cause) {
        super(Message.of(whereKey, String.valueOf(file.getFileName()), problem).english(), cause);
        this.whereKey = whereKey;
        this.file = String.valueOf(file.getFileName());
        this.problem = problem;
    }

    /** What is wrong, without the file's name. */
    public Message problem() { return problem; }

    @Override public Message userMessage() { return Message.of(whereKey, file, problem); }
}
