package io.github.latentlab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An IDX file that cannot be read as promised: wrong magic number, impossible dimensions, fewer
 * bytes than the header announces, a broken gzip stream, or images and labels that disagree.
 * The message always starts with the file name, so it can be shown to the user as it is.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(Path file, String problem) {
        super(name(file) + ": " + problem);
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
    }

    private static String name(Path file) {
        Path name = file == null ? null : file.getFileName();
        return name == null ? String.valueOf(file) : name.toString();
    }
}
