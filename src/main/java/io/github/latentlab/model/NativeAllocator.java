package io.github.latentlab.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Keeps glibc's allocator from holding on to memory ND4J has freed (Linux only; elsewhere a no-op).
 *
 * <p>Why: ND4J's arrays live in native memory from {@code malloc}. glibc serves large blocks by
 * {@code mmap} and gives them back on free, but after each such free it raises its threshold,
 * until blocks like an epoch's evaluation batches (tens of MB) come from the heap instead, where
 * freed memory mostly stays resident. Over a long run the process then grew by tens of MB while
 * the arrays alive stayed flat (docs/benchmarks.md, the soak). A fixed threshold (and trimming
 * the heap's top at the same size) keeps large blocks returnable; at most two arenas keep
 * threads from each holding their own free memory. Blocks under the threshold still stay
 * resident once freed, so the trainer calls {@link #trim} at each epoch's end.
 */
public final class NativeAllocator {
    private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);
    /** mallopt's parameter numbers, from glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3, M_ARENA_MAX = -8;
    static final int THRESHOLD_BYTES = 128 * 1024;
    private static volatile boolean configured;

    private NativeAllocator() { }

    /** Sets glibc's thresholds once; true if they are set (false on other systems or C libraries). */
    public static synchronized boolean configure() {
        if (configured) return true;
        if (!Platform.isLinux()) return false;
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, THRESHOLD_BYTES}) == 1
                    & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, THRESHOLD_BYTES}) == 1
                    & mallopt.invokeInt(new Object[] {M_ARENA_MAX, 2}) == 1;
            configured = ok;
            return ok;
        } catch (Throwable e) { // no JNA native part, or a C library without mallopt: memory use only
            LOG.debug("could not tune the C allocator", e);
            return false;
        }
    }

    /** Returns the heap's free pages to the system (malloc_trim); false where there is no such call. */
    public static boolean trim() {
        if (!Platform.isLinux()) return false;
        try {
            return NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0}) == 1;
        } catch (Throwable e) {
            LOG.debug("could not trim the C heap", e);
            return false;
        }
    }
}
