package io.github.latentlab.model;

import java.io.IOException;
import java.nio.file.Path;

import io.github.latentlab.util.Message;

/** A model file that cannot be read: the message names the file and says what is wrong, in the reader's language. */
public class ModelFileException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final transient Message problem;

    public ModelFileException(Path file, Message problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, Message problem, Throwable cause) {
        super(where(String.valueOf(file.getFileName()), problem).english(), cause);
        this.file = String.valueOf(file.getFileName());
        this.problem = problem;
    }

    private static Message where(String file, Message problem) {
        return Message.of("model.error.file", file, problem);
    }

    /** What is wrong, without the file's name. */
    public Message problem() { return problem; }

    @Override public Message userMessage() { return where(file, problem); }
}
