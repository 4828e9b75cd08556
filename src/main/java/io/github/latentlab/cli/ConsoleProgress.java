package io.github.latentlab.cli;

import java.io.PrintStream;

import io.github.latentlab.util.Progress;

/** Progress lines on stderr, at most one every half second (plus the last). */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private long last;

    ConsoleProgress(PrintStream err) { this.err = err; }

    @Override
    public synchronized void update(double fraction, String message) {
        long now = System.nanoTime();
        if (fraction < 1 && now - last < 500_000_000L) return;
        last = now;
        err.println(fraction >= 0 ? String.format("%3.0f%% %s", fraction * 100, message) : message);
    }
}
