package io.github.latentlab.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.model.OpenMpPools;

/**
 * The one owner of the app's background work (file, dataset, evaluation jobs; training has its
 * own service). Results and failures come back on the FX thread; a failure never dies silently:
 * it goes to the error handler, which shows it to the user. Shut down when the window closes.
 */
public final class Background implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final ExecutorService pool;
    private final Consumer<Throwable> errorHandler;

    public Background(Consumer<Throwable> errorHandler) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "latent-lab-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.pool = OpenMpPools.releasingExecutor(2, factory); // so training keeps the only OpenMP pool
        this.errorHandler = errorHandler;
    }

    /** Runs {@code work} off the FX thread; {@code onDone} gets its result on the FX thread. */
    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone) {
        return run(work, onDone, errorHandler);
    }

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
        f.whenCompleteAsync((value, error) -> {
            if (error == null) {
                onDone.accept(value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof CancellationException) return;
                LOG.warn("background work failed", cause);
                onError.accept(cause);
            }
        }, FxExecutor.INSTANCE);
        return f;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
