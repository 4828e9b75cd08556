package io.github.latentlab.session;

import java.io.IOException;
import java.nio.file.Path;

import io.github.latentlab.util.Message;

/** A session file that cannot be opened: names the file and what is wrong, in the reader's language. */
public class SessionFileException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final transient Message problem;

    public SessionFileException(Path file, Message problem, Throwable cause) {
        super(where(String.valueOf(file.getFileName()), problem).english(), cause);
        this.file = String.valueOf(file.getFileName());
        this.problem = problem;
    }

    private static Message where(String file, Message problem) {
        return Message.of("session.error.file", file, problem);
    }

    /** What is wrong, without the file's name. */
    public Message problem() { return problem; }

    @Override public Message userMessage() { return where(file, problem); }
}
