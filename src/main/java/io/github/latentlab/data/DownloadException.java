package io.github.latentlab.data;

import java.io.IOException;

import io.github.latentlab.util.Message;

/**
 * A download that did not produce a verified file. {@link #offline()} tells whether no mirror
 * could even be reached (no network, unknown host, connection refused or timed out), in which
 * case the user's remedy is to copy the files by hand, not to retry later. What went wrong is a
 * {@link Message} the window shows in its language.
 */
public final class DownloadException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;

    private final boolean offline;
    private final transient Message problem;

    public DownloadException(Message problem, boolean offline) {
        this(problem, offline, null);
    }

    public DownloadException(Message problem, boolean offline, Throwable cause) {
        super(problem.english(), cause);
        this.offline = offline;
        this.problem = problem;
    }

    public boolean offline() { return offline; }

    @Override public Message userMessage() { return problem; }
}
