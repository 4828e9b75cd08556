package io.github.latentlab.util;

/**
 * Receives progress of long work (loading, downloading, projecting) from any thread.
 * {@code fraction} is in [0, 1], or negative when the total is unknown.
 */
@FunctionalInterface
public interface Progress {
    void update(double fraction, String message);

    Progress NONE = (fraction, message) -> { };
}
