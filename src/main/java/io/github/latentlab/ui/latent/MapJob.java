package io.github.latentlab.ui.latent;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

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

    /**
     * The progress of {@code job} in words on {@code status}, throttled, in the window's language;
     * dropped once the job is cancelled.
     */
    static Progress progressTo(Executor uiThread, StringProperty status, Cancellation job) {
        return Progress.throttled(Progress.ofMessages((f, msg) -> uiThread.execute(() -> {
            if (!job.isCancelled()) status.set(Texts.render(msg));
        })), 100);
    }

    /** The layouts {@code job} draws on the way, swapped into {@code map} on the UI thread (built on the projecting one). */
    static Consumer<LatentMap> framesTo(Executor uiThread, ReadOnlyObjectWrapper<LatentMap> map, Cancellation job) {
        return frame -> uiThread.execute(() -> {
            if (!job.isCancelled()) map.set(frame);
        });
    }
}
