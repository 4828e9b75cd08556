package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Views share a model through one handle: calls from many threads give what one thread would get. */
class SharedModelTest {
    private static float[][] images(int n, int salt) {
        float[][] x = new float[n][784];
        for (int i = 0; i < n; i++) for (int p = 0; p < 784; p++) x[i][p] = ((p * (i + salt)) % 13) / 12f;
        return x;
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        DenseAutoencoder raw = DenseAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0), 784, 5);
        SharedModel shared = SharedModel.of(raw);
        List<float[][]> expected = new ArrayList<>();
        for (int t = 0; t < 8; t++) expected.add(raw.reconstruct(images(16, t)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<float[][]>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int salt = t;
                    Callable<float[][]> job = () -> shared.decode(shared.encode(images(16, salt)));
                    results.add(pool.submit(job));
                }
                for (int t = 0; t < 8; t++) {
                    float[][] got = results.get(t).get();
                    for (int i = 0; i < got.length; i++) assertArrayEquals(expected.get(t)[i], got[i], 1e-5f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHandleIsNotWrappedTwiceAndAVaeGivesItsSigma() {
        VariationalAutoencoder vae = VariationalAutoencoder.create(
                new ModelSpec(ModelKind.VAE, List.of(16), 2, LossKind.BCE, 1e-3, 0), 784, 3);
        SharedModel shared = SharedModel.of(vae);
        assertSame(shared, SharedModel.of(shared));
        float[][] sigma = shared.encodeSigma(images(3, 1)).orElseThrow();
        assertEquals(3, sigma.length);
        assertTrue(sigma[0][0] > 0);
        DenseAutoencoder ae = DenseAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(16), 2, LossKind.MSE, 1e-3, 0), 784, 3);
        assertTrue(SharedModel.of(ae).encodeSigma(images(1, 1)).isEmpty());
    }
}
