package io.github.latentlab.session;

import java.nio.file.Path;

import io.github.latentlab.util.FileRefusal;
import io.github.latentlab.util.Message;

/** A session file that cannot be opened: names the file and what is wrong, in the reader's language. */
public class SessionFileException extends FileRefusal {
    private static final long serialVersionUID = 1L;

    public SessionFileException(Path file, Message problem, Throwable cause) {
        super("session.error.file", file, problem, cause);
    }
}
