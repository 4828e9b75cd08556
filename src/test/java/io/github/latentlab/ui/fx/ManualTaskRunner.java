package io.github.latentlab.ui.fx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A task runner for tests that holds jobs until the test runs them, one at a time, in order. */
final class ManualTaskRunner implements TaskRunner {
    private final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> f = new CompletableFuture<>();
        jobs.add(() -> {
            try {
                T v = work.call();
                onDone.accept(v);
                f.complete(v);
            } catch (Exception e) {
                onError.accept(e);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone) {
        return run(work, onDone, e -> { throw new AssertionError(e); });
    }

    int waiting() { return jobs.size(); }

    void runNext() { jobs.removeFirst().run(); }

    @Override
    public void close() { jobs.clear(); }
}
