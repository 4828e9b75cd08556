package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;

class NoiseTrailTest {
    @Test
    void ellipsePointsLieOnTheOneSigmaContourOfTheCovariance() {
        // covariance with a 30° tilt: variances 4 and 1 along the rotated axes
        double t = Math.toRadians(30), c = Math.cos(t), s = Math.sin(t);
        double sxx = 4 * c * c + s * s, syy = 4 * s * s + c * c, sxy = 3 * c * s;
        double det = sxx * syy - sxy * sxy;
        for (double[] p : NoiseTrail.ellipse(1, -2, sxx, syy, sxy, 36)) {
            double x = p[0] - 1, y = p[1] + 2;
            double mahalanobis2 = (syy * x * x - 2 * sxy * x * y + sxx * y * y) / det;
            assertEquals(1, mahalanobis2, 1e-9);
        }
        double[][] round = NoiseTrail.ellipse(0, 0, 1, 1, 0, 8);
        assertArrayEquals(new double[] {1, 0}, round[0], 1e-12);
    }

    @Test
    void copiesAreSeededAndSpreadMoreWithMoreNoise() {
        Dataset test = TestData.digits(200, 100).test();
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(32), 2, LossKind.MSE, 1e-3, 0);
        Autoencoder model = DenseAutoencoder.create(spec, 784, 3);
        float[][] codes = model.encode(test.images(IntStream.range(0, 100).toArray()));
        Embedding e = new IdentityProjector().fit(codes);
        double[][] cd = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) cd[i] = new double[] {codes[i][0], codes[i][1]};
        var map = new LatentMap(e, test.labels(), test.classNames(), model, new InverseMap(cd, e, null), codes,
                test, MapImages.TEST);

        NoiseTrail light = NoiseTrail.of(map, test.image(4), test.label(4), new NoiseSpec(NoiseKind.GAUSSIAN, 0.1), 9);
        NoiseTrail again = NoiseTrail.of(map, test.image(4), test.label(4), new NoiseSpec(NoiseKind.GAUSSIAN, 0.1), 9);
        NoiseTrail heavy = NoiseTrail.of(map, test.image(4), test.label(4), new NoiseSpec(NoiseKind.GAUSSIAN, 0.8), 9);
        assertEquals(NoiseTrail.COPIES, light.noisy().length);
        assertArrayEquals(light.noisy()[7], again.noisy()[7], 0, "same seed, same copies");
        assertArrayEquals(new double[] {codes[4][0], codes[4][1]}, light.clean(), 1e-6, "the clean image sits on its own code");
        assertTrue(heavy.spread() > light.spread(), heavy.spread() + " vs " + light.spread());
        assertTrue(light.sameClass() >= 0 && light.sameClass() <= NoiseTrail.COPIES);
        assertNull(light.posterior(), "no posterior for a plain autoencoder");
    }
}
