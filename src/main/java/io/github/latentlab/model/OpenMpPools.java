package io.github.latentlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Frees the OpenMP worker threads a thread keeps after running ND4J ops, so that only the
 * training thread keeps its own (Linux, ND4J's CPU build; elsewhere a no-op).
 *
 * <p>Why: with GNU OpenMP every thread that runs a parallel op keeps a pool of idle workers for
 * the next one. Its workers spin briefly between ops, which is what makes ND4J's many short ops
 * cheap, but once all pools together hold more threads than there are cores, libgomp switches
 * every pool to "throttled" spinning (100 spins, then sleep), and each op then waits for a worker
 * to wake. On two cores one pool left behind by the thread that loaded the data made the
 * training thread's VAE step take 10.5 ms instead of 6.5 (docs/benchmarks.md). Threads that run
 * ND4J work beside training (the run manager's and the UI's workers through {@link #releasingExecutor}, the CLI's main thread)
 * call {@link #releaseCurrentThread()} when they are done; their next op just starts a new pool.
 */
public final class OpenMpPools {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpPools.class);
    private static final int OMP_PAUSE_SOFT = 1;
    private static volatile Optional<NativeLibrary> gomp;

    private OpenMpPools() { }

    /**
     * Frees the calling thread's OpenMP pool (omp_pause_resource_all); true if the call was made.
     * Never call it from inside ND4J work: it is meant for the end of a task.
     */
    public static boolean releaseCurrentThread() {
        Optional<NativeLibrary> lib = gomp();
        if (lib.isEmpty()) return false;
        try {
            return lib.get().getFunction("omp_pause_resource_all").invokeInt(new Object[] {OMP_PAUSE_SOFT}) == 0;
        } catch (Throwable e) {
            LOG.debug("could not release this thread's OpenMP pool", e);
            return false;
        }
    }

    /**
     * Runs {@code work} with the calling thread's OpenMP team limited to itself, then restores
     * the limit. For ops on one row (a drag's decode): there, waking a worker took longer than
     * the work, and a sleeping one made the decoder's p99 3.8 ms instead of 0.45.
     */
    public static <T> T singleThreaded(Supplier<T> work) {
        Optional<NativeLibrary> lib = gomp();
        if (lib.isEmpty()) return work.get();
        Function set = lib.get().getFunction("omp_set_num_threads");
        int before = lib.get().getFunction("omp_get_max_threads").invokeInt(new Object[0]);
        set.invoke(new Object[] {1});
        try {
            return work.get();
        } finally {
            set.invoke(new Object[] {before});
        }
    }

    /** The calling thread's OpenMP team limit, or -1 without libgomp (for tests). */
    static int maxThreadsOfThisThread() {
        Optional<NativeLibrary> lib = gomp();
        return lib.isEmpty() ? -1 : lib.get().getFunction("omp_get_max_threads").invokeInt(new Object[0]);
    }

    /** A fixed pool of {@code threads} whose threads release their OpenMP pools after each task. */
    public static ExecutorService releasingExecutor(int threads, ThreadFactory factory) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                releaseCurrentThread();
            }
        };
    }

    private static Optional<NativeLibrary> gomp() {
        Optional<NativeLibrary> lib = gomp;
        if (lib != null) return lib;
        if (NativeRuntime.infoIfLoaded() == null) return Optional.empty(); // no pools yet; look again later
        synchronized (OpenMpPools.class) {
            if (gomp == null) gomp = lookUp();
            return gomp;
        }
    }

    /**
     * The libgomp ND4J loaded (javacpp unpacks its own copy beside ND4J's library, so the system's
     * would be another runtime with other pools): found in this process's memory map. Empty on
     * other systems, or where ND4J's OpenMP is not libgomp (the CUDA build).
     */
    private static Optional<NativeLibrary> lookUp() {
        if (!Platform.isLinux()) return Optional.empty();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                String path = line.substring(slash);
                if (path.contains("nativecpu") && Path.of(path).getFileName().toString().startsWith("libgomp.so")) {
                    return Optional.of(NativeLibrary.getInstance(path));
                }
            }
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("no OpenMP runtime to release pools of", e);
        }
        return Optional.empty();
    }
}
