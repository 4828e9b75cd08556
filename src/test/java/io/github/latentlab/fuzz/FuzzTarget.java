package io.github.latentlab.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One file reader under fuzzing: the genuine files its mutations start from, how to read one
 * case, and what its own refusal looks like. A reader joins the harness with one line in
 * {@link FuzzTargets#ALL}.
 */
public interface FuzzTarget {
    /** A short name for reports and case files, e.g. {@code llab-dense}. */
    String name();

    /** Writes the genuine files to mutate into {@code dir} (runs once, in the harness JVM). */
    List<Path> seeds(Path dir) throws Exception;

    /** Reads one case as the app would (runs in a worker JVM); returns when the file was accepted. */
    void read(Path file) throws Exception;

    /** Whether {@code t} is this reader's own refusal (its message then reaches the user). */
    boolean isRefusal(Throwable t);
}
