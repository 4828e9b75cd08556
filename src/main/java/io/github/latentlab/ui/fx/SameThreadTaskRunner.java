package io.github.latentlab.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} that runs work at once on the calling thread and calls back on it: view
 * models under plain JUnit behave as in the app, step by step and without waiting. Failures
 * without their own handler go to the one given here (a test usually collects them).
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final Consumer<Throwable> errorHandler;

    public SameThreadTaskRunner(Consumer<Throwable> errorHandler) {
        this.errorHandler = errorHandler;
    }

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        T value;
        try {
            value = work.call();
        } catch (CancellationException e) {
            return CompletableFuture.failedFuture(e);
        } catch (Exception | Error e) {
            onError.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onDone.accept(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone) {
        return run(work, onDone, errorHandler);
    }

    @Override
    public void close() { }
}
