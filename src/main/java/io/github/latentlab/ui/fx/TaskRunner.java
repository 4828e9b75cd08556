package io.github.latentlab.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a view model's work off the UI thread and brings its result back (JabRef's
 * {@code TaskExecutor} idea): {@link Background} in the app, {@link SameThreadTaskRunner} in tests,
 * so a view model is tested with plain JUnit and no toolkit. Every failure reaches a handler.
 */
public interface TaskRunner extends AutoCloseable {
    /** Runs {@code work}; {@code onDone} gets its result, {@code onError} its failure (not a cancellation). */
    <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** As above, failures going to the runner's own error handler (shown to the user in the app). */
    <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone);

    /** Stops taking work; running work is interrupted. */
    @Override
    void close();
}
