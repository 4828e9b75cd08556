package io.github.latentlab.cli;

import io.github.latentlab.util.Logs;
import picocli.CommandLine.Option;

/** The options every command takes, mixed into each: its own {@code --help}, and {@code --verbose}. */
final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** A setter, not a field: picocli calls it while parsing, so the logging changes before the command runs. */
    @Option(names = "--verbose",
            description = "Show ND4J's and DL4J's INFO log lines on the console too (default: warnings only).")
    void verbose(boolean on) {
        if (on) Logs.verbose();
    }
}
