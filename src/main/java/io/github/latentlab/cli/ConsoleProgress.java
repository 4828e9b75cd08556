package io.github.latentlab.cli;

import java.io.PrintStream;

import io.github.latentlab.util.Progress;

/** Progress lines on stderr, at most one every half second (plus the last). */
final class ConsoleProgress {
    private ConsoleProgress() { }

    static Progress on(PrintStream err) {
        return Progress.throttled((fraction, message) -> err.println(
                fraction >= 0 ? String.format("%3.0f%% %s", fraction * 100, message) : message), 500);
    }
}
