package io.github.latentlab.ui.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one background computation at a time for a view, always for the newest request: a
 * request made while one runs is remembered, and only the last such request runs afterwards.
 * Dragging a slider therefore never queues up stale work. Call from the FX thread.
 */
public final class LatestOnly<T> {
    private final TaskRunner background;
    private final Consumer<T> onResult;
    private final Consumer<Throwable> onError;
    private boolean busy;
    private Supplier<Callable<T>> pending;

    public LatestOnly(TaskRunner background, Consumer<T> onResult, Consumer<Throwable> onError) {
        this.background = background;
        this.onResult = onResult;
        this.onError = onError;
    }

    /** Asks for a computation; {@code work} is asked for its job only when it is about to run. */
    public void request(Supplier<Callable<T>> work) {
        if (busy) {
            pending = work;
            return;
        }
        Callable<T> job = work.get();
        if (job == null) return;
        busy = true;
        background.run(job, result -> {
            finish();
            onResult.accept(result);
        }, error -> {
            finish();
            onError.accept(error);
        });
    }

    private void finish() {
        busy = false;
        Supplier<Callable<T>> next = pending;
        pending = null;
        if (next != null) request(next);
    }
}
