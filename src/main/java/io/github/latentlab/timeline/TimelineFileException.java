package io.github.latentlab.timeline;

import java.nio.file.Path;

import io.github.latentlab.util.FileRefusal;
import io.github.latentlab.util.Message;

/** A timeline file that cannot be read: names the file and what is wrong, in the reader's language. */
public class TimelineFileException extends FileRefusal {
    private static final long serialVersionUID = 1L;

    public TimelineFileException(Path file, Message problem, Throwable cause) {
        super("timeline.error.file", file, problem, cause);
    }
}
