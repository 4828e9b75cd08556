package io.github.latentlab.projection;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Work split into a fixed number of chunks that a few workers (the calling thread and common-pool
 * tasks, one per further core) take in turn. Which worker runs a chunk varies from run to run, so
 * a chunk must write only its own state (its rows, its own partial sum); what the chunks compute
 * then does not depend on the threads, and sums over chunks added in chunk order are bit-identical
 * from run to run.
 */
final class Chunks {
    /** Workers: one per available core (two on the machine the figures were measured on), at most 8. */
    static final int WORKERS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private Chunks() { }

    /** Runs {@code body} for chunks 0 … count − 1, each worker with its own body from {@code worker}. */
    static void run(int count, Supplier<IntConsumer> worker) {
        run(count, null, worker);
    }

    /**
     * As {@link #run(int, Supplier)}, the calling thread first running {@code first} (work that is
     * not split, done while the other workers start on the chunks).
     */
    static void run(int count, Runnable first, Supplier<IntConsumer> worker) {
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            IntConsumer body = null;
            for (int c; (c = next.getAndIncrement()) < count; ) {
                if (body == null) body = worker.get();
                body.accept(c);
            }
        };
        int helpers = Math.min(WORKERS, count) - 1;
        if (helpers <= 0) {
            if (first != null) first.run();
            work.run();
            return;
        }
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[helpers];
        for (int w = 0; w < helpers; w++) others[w] = ForkJoinTask.adapt(work).fork();
        RuntimeException failed = null;
        try {
            if (first != null) first.run();
            work.run();
        } catch (RuntimeException e) {
            failed = e;
            next.set(count); // the others stop after their current chunk
        }
        for (ForkJoinTask<?> t : others) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failed == null) failed = e;
            }
        }
        if (failed != null) throw failed;
    }

    /** The first row of chunk {@code c} when {@code n} rows are cut into {@code count} nearly equal chunks. */
    static int from(int c, int n, int count) {
        return (int) ((long) c * n / count);
    }
}
