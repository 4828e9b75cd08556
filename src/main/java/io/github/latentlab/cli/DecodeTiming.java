package io.github.latentlab.cli;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.InverseMap;
import io.github.latentlab.projection.PcaProjector;

/**
 * What one drag step on the latent map costs: map point → code (the inverse map) → image (the
 * decoder), timed for random points over the map's extent after a warm-up; and, in the same
 * loop, the decoder alone (one code → one image, as PyTorch's peer {@code --latency} times it).
 */
record DecodeTiming(int samples, double p50Millis, double p99Millis, double decoderP50Millis, double decoderP99Millis) {
    static DecodeTiming measure(Autoencoder model, double[][] codes, Embedding e, PcaProjector pca, long seed) {
        InverseMap inverse = new InverseMap(codes, e, pca);
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : e.xy()) {
            minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int warmup = 2000, n = 5000;
        double[] millis = new double[n], decoder = new double[n];
        // the projection just freed large arrays (t-SNE's n² matrices): collect them first, as the
        // app has long done by the time a user drags
        System.gc();
        for (int i = 0; i < warmup + n; i++) {
            double x = minX + rnd.nextDouble() * (maxX - minX), y = minY + rnd.nextDouble() * (maxY - minY);
            long t0 = System.nanoTime();
            double[] code = inverse.at(x, y).code();
            float[] z = new float[code.length];
            for (int j = 0; j < z.length; j++) z[j] = (float) code[j];
            long t1 = System.nanoTime();
            model.decode(new float[][] {z});
            long t2 = System.nanoTime();
            if (i >= warmup) {
                millis[i - warmup] = (t2 - t0) / 1e6;
                decoder[i - warmup] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(decoder);
        int p99 = (int) Math.ceil(0.99 * n) - 1;
        return new DecodeTiming(n, millis[n / 2], millis[p99], decoder[n / 2], decoder[p99]);
    }
}
