package io.github.latentlab.ui.latent;

import io.github.latentlab.util.Cancellation;

/** The one map a latent pane lays out at a time, of the latest model or a past epoch: a new one cancels the one before. */
final class MapJob {
    private Cancellation running;

    /** Cancels the map being made, if any, and starts a new one. */
    Cancellation start() {
        cancel();
        running = new Cancellation();
        return running;
    }

    void cancel() {
        if (running != null) running.cancel();
        running = null;
    }

    /** {@code job} has ended (shown or failed); a newer one may be running. */
    void done(Cancellation job) {
        if (running == job) running = null;
    }

    boolean busy() { return running != null; }
}
