package io.github.latentlab.util;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flag the owner of long work sets to ask it to stop; the work polls it between steps. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    /** Throws {@link CancellationException} if cancel was asked for. */
    public void check() {
        if (cancelled.get()) throw new CancellationException("cancelled");
    }

    public static Cancellation none() { return new Cancellation(); }
}
