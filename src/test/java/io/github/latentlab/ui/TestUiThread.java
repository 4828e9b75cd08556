package io.github.latentlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the FX thread in view-model tests without a window: one thread that runs what
 * view models hand over in order. Read their properties through {@link #call}, which also waits
 * until everything handed over before it has run.
 */
public final class TestUiThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable r) { thread.execute(r); }

    /** Runs {@code c} on this thread after all work handed over so far, and returns its result. */
    public <T> T call(Callable<T> c) throws Exception {
        return thread.submit(c).get(1, TimeUnit.MINUTES);
    }

    /** Runs {@code r} on this thread and waits for it. */
    public void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    @Override
    public void close() { thread.shutdownNow(); }
}
