package io.github.latentlab.model;

import java.nio.file.Path;

import io.github.latentlab.util.FileRefusal;
import io.github.latentlab.util.Message;

/** A model file that cannot be read: the message names the file and says what is wrong, in the reader's language. */
public class ModelFileException extends FileRefusal {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, Message problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, Message problem, Throwable cause) {
        super("model.error.file", file, problem, cause);
    }
}
