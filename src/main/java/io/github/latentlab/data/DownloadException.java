package io.github.latentlab.data;

import java.io.IOException;

/**
 * A download that did not produce a verified file. {@link #offline()} tells whether no mirror
 * could even be reached (no network, unknown host, connection refused or timed out), in which
 * case the user's remedy is to copy the files by hand, not to retry later.
 */
public final class DownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean offline;

    public DownloadException(String message, boolean offline) {
        super(message);
        this.offline = offline;
    }

    public DownloadException(String message, boolean offline, Throwable cause) {
        super(message, cause);
        this.offline = offline;
    }

    public boolean offline() { return offline; }
}
