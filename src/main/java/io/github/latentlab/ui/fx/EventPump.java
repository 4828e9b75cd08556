package io.github.latentlab.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries events from a background thread to the UI thread, at most one hand-over per pulse:
 * events queue up and the UI takes them all at once, in order. The background thread never
 * waits on the UI.
 */
public final class EventPump<T> implements Consumer<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor uiThread;
    private final Consumer<List<T>> sink;

    public EventPump(Executor uiThread, Consumer<List<T>> sink) {
        this.uiThread = uiThread;
        this.sink = sink;
    }

    @Override
    public void accept(T event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) uiThread.execute(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        T e;
        while ((e = queue.poll()) != null) batch.add(e);
        if (!batch.isEmpty()) sink.accept(batch);
    }
}
