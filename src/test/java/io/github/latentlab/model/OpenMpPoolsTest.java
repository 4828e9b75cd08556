package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.sun.jna.Platform;

/** A thread that ran parallel ND4J ops can give its OpenMP workers back, and its ops still work after. */
class OpenMpPoolsTest {

    @Test
    void releasingEndsTheThreadsWorkersAndOpsStillWork() throws Exception {
        assumeTrue(Platform.isLinux() && NativeRuntime.init().ompThreads() > 1, "libgomp pools with workers");
        INDArray a = Nd4j.rand(DataType.FLOAT, 256, 512), b = Nd4j.rand(DataType.FLOAT, 512, 256);
        float[] expected = a.mmul(b).data().asFloat();
        long[] counts = new long[3];
        float[][] after = new float[1][];
        Thread t = new Thread(() -> {
            for (int i = 0; i < 20; i++) a.mmul(b); // starts this thread's pool
            counts[0] = threads();
            assertTrue(OpenMpPools.releaseCurrentThread());
            counts[1] = waitForFewerThan(counts[0]);
            after[0] = a.mmul(b).data().asFloat(); // a new pool, the same result
        });
        t.start();
        t.join();
        assertTrue(counts[1] < counts[0], "threads before release " + counts[0] + ", after " + counts[1]);
        assertArrayEquals(expected, after[0], 1e-3f);
    }

    @Test
    void oneCodeDecodesOnOneThreadAndTheLimitComesBack() {
        assumeTrue(Platform.isLinux() && NativeRuntime.init().ompThreads() > 1, "libgomp");
        int before = OpenMpPools.maxThreadsOfThisThread();
        int inside = OpenMpPools.singleThreaded(OpenMpPools::maxThreadsOfThisThread);
        assertEquals(1, inside);
        assertEquals(before, OpenMpPools.maxThreadsOfThisThread());

        DenseAutoencoder ae = DenseAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0), 784, 5);
        float[][] codes = {{0.1f, -0.2f, 0.3f, 0.4f}, {1f, 0f, -1f, 0.5f}};
        float[][] both = ae.decode(codes);
        assertArrayEquals(both[1], ae.decode(new float[][] {codes[1]})[0], 1e-6f); // the one-code path
    }

    @Test
    void theReleasingExecutorRunsTasks() throws Exception {
        ExecutorService pool = OpenMpPools.releasingExecutor(1, Thread::new);
        try {
            INDArray x = Nd4j.ones(DataType.FLOAT, 64, 64);
            for (int i = 0; i < 3; i++) {
                double sum = pool.submit(() -> x.mmul(x).sumNumber().doubleValue()).get(30, TimeUnit.SECONDS);
                assertTrue(sum == 64.0 * 64 * 64, "sum " + sum);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long threads() {
        String[] tasks = new File("/proc/self/task").list();
        return tasks == null ? 0 : tasks.length;
    }

    private static long waitForFewerThan(long before) {
        long now = threads();
        for (int i = 0; i < 100 && now >= before; i++) {
            try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); break; }
            now = threads();
        }
        return now;
    }
}
