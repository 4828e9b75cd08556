package io.github.latentlab.projection;

import java.util.Comparator;
import java.util.stream.IntStream;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.metrics.Metrics;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * Test images ranked by how unusual the model finds them, the two ways the tutorials name: how
 * badly it rebuilds them (per-image MSE), and how far their code lies from every training code
 * (Euclidean distance to the nearest one; a VAE's μ). An image unlike anything trained on
 * (noise, an inverted digit) tops both lists; the two disagree on images the decoder rebuilds
 * poorly although they sit among the training codes.
 */
public final class Anomalies {
    /** Training images compared with at most: an even sample across the set keeps it a few seconds. */
    public static final int MAX_TRAIN = 10_000;
    private static final int BATCH = 1000;

    private Anomalies() { }

    /** How to rank. */
    public enum Ranking { RECONSTRUCTION, NEAREST_CODE }

    /** The top of a ranking: indices into the test images given, most unusual first, with their scores. */
    public record Ranked(int[] indices, double[] scores) { }

    /**
     * Both scores per test image (indexed as the test images given), and how many training codes
     * the distances were measured against.
     */
    public record Scores(double[] mse, double[] distance, int trainCompared) {
        public double[] of(Ranking by) {
            return by == Ranking.RECONSTRUCTION ? mse : distance;
        }

        /** The {@code n} highest by {@code by}, highest first (a NaN, a model that failed on the image, first of all). */
        public Ranked top(Ranking by, int n) {
            double[] s = of(by);
            int[] order = IntStream.range(0, s.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> s[i]).reversed())
                    .limit(n).mapToInt(Integer::intValue).toArray();
            double[] scores = new double[order.length];
            for (int k = 0; k < order.length; k++) scores[k] = s[order[k]];
            return new Ranked(order, scores);
        }
    }

    /**
     * Scores every image of {@code test} under {@code model} against at most {@code maxTrain}
     * images of {@code train} (an even sample). Cancellable between batches; progress from 0 to 1.
     */
    public static Scores score(Autoencoder model, Dataset train, Dataset test, int maxTrain,
                               Progress progress, Cancellation cancel) {
        int n = Math.min(maxTrain, train.size());
        int[] sample = new int[n];
        for (int i = 0; i < n; i++) sample[i] = (int) ((long) i * train.size() / n);
        progress.update(0, Message.of("progress.anomalies.encoding", n));
        Dataset trainSample = n == train.size() ? train : train.subset(train.id() + "-" + n, sample);
        double[][] trainCodes = Knn.toDouble(CodeIndex.encodeAll(model, trainSample, cancel));
        double[] mse = new double[test.size()];
        double[] distance = new double[test.size()];
        for (int start = 0; start < test.size(); start += BATCH) {
            cancel.check();
            progress.update(0.2 + 0.8 * start / test.size(), Message.of("progress.anomalies.scoring", start, test.size()));
            int len = Math.min(BATCH, test.size() - start);
            int[] idx = IntStream.range(start, start + len).toArray();
            float[][] images = test.images(idx);
            float[][] recon = model.reconstruct(images);
            float[][] codes = model.encode(images);
            for (int k = 0; k < len; k++) {
                mse[start + k] = Metrics.mse(images[k], recon[k]);
                distance[start + k] = nearestDistance(trainCodes, LatentMath.toDouble(codes[k]));
            }
        }
        progress.update(1, Message.of("progress.anomalies.done", test.size()));
        return new Scores(mse, distance, n);
    }

    /** Euclidean distance from {@code code} to the nearest of {@code codes} (infinite when there are none). */
    static double nearestDistance(double[][] codes, double[] code) {
        int[] nearest = Knn.nearest(codes, code, 1, -1);
        return nearest.length == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(Knn.dist2(codes[nearest[0]], code));
    }
}
