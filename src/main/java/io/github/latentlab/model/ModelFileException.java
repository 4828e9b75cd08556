package io.github.latentlab.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read: the message names the file and says what is wrong. */
public class ModelFileException extends IOException {
    public ModelFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
