package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import io.github.latentlab.data.noise.NoiseKind;

/** The plain-ops encoder and decoder give what the network (DL4J layers, SameDiff graph) gives, also after training moved the weights. */
class DenseStackTest {
    private static float[][] codes(int rows, int latent, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] z = new float[rows][latent];
        for (float[] row : z) for (int j = 0; j < latent; j++) row[j] = (float) (2 * r.nextGaussian());
        return z;
    }

    private static void assertSame(float[][] expected, float[][] actual) {
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], 2e-6f, "row " + i);
    }

    @Test
    void denseDecodeIsTheNetworksBeforeAndAfterTraining() {
        DenseAutoencoder ae = DenseAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(40, 20), 3, LossKind.MSE, 1e-2, 0), 784, 4);
        for (int round = 0; round < 2; round++) {
            for (int rows : new int[] {1, 6}) {
                float[][] z = codes(rows, 3, rows + round);
                assertSame(ae.decode(Nd4j.create(z)).toFloatMatrix(), ae.decode(z));
                float[][] images = ae.decode(z);
                assertSame(ae.encode(Nd4j.create(images)).toFloatMatrix(), ae.encode(images));
            }
            var x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 784);
            for (int s = 0; s < 5; s++) ae.fit(x, x); // the decoder reads the weights live
        }
        ae.setParameters(DenseAutoencoder.create(ae.spec(), 784, 9).parameters());
        float[][] z = codes(1, 3, 7);
        assertSame(ae.decode(Nd4j.create(z)).toFloatMatrix(), ae.decode(z));
        assertThrows(IllegalArgumentException.class, () -> ae.decode(new float[][] {{1f, 2f}}));
    }

    @Test
    void vaeDecodeIsTheGraphsBeforeAndAfterTraining() {
        ModelSpec spec = new ModelSpec(ModelKind.VAE, List.of(32), 4, LossKind.BCE, 1e-2, 0, NoiseKind.GAUSSIAN, 1);
        VariationalAutoencoder vae = VariationalAutoencoder.create(spec, 784, 5);
        for (int round = 0; round < 2; round++) {
            for (int rows : new int[] {1, 5}) {
                float[][] z = codes(rows, 4, 10 + rows + round);
                float[][] graph = vae.sd.output(Map.of("zIn", Nd4j.create(z)), "decoded").get("decoded").toFloatMatrix();
                assertSame(graph, vae.decode(z));
                float[][] mu = vae.sd.output(Map.of("input", Nd4j.create(graph)), "mu").get("mu").toFloatMatrix();
                assertSame(mu, vae.encode(graph));
            }
            var x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 784);
            for (int s = 0; s < 5; s++) vae.fit(x, x);
        }
    }
}
