package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinTask;

import io.github.latentlab.util.Cancellation;

/**
 * Exact-gradient t-SNE (van der Maaten and Hinton 2008) in 2-D, for up to a few thousand points:
 * O(n²) time per iteration and n²/2 doubles for the affinities. Written to be stepped: a
 * {@link Listener} sees a copy of the layout every few iterations and the {@link Cancellation}
 * is polled every iteration (and every row while the affinities are computed).
 *
 * <p>The recipe: squared Euclidean distances; per row a binary search on the Gaussian precision
 * for the target perplexity (entropy within {@value #ENTROPY_TOLERANCE} nats, at most
 * {@value #MAX_SEARCH_STEPS} steps); P = (P + Pᵀ) / 2n floored at 1e-12; Y drawn from
 * N(0, 1e-4) (or a given start rescaled to that spread); gradient descent with learning rate
 * max(200, n / 12), early exaggeration 12 and momentum 0.5 for the first 250 iterations (a
 * quarter of them if there are fewer than 1,000; none from a given start), momentum 0.8 after,
 * delta-bar-delta gains (+0.2 / ×0.8, at least 0.01), Y re-centred each iteration.
 *
 * <p>Deterministic: the same input, perplexity, iterations and seed give a bit-identical layout.
 * The pair loop runs on two threads (the caller and one common-pool task), but rows are split at
 * a point fixed by n alone, each part sums into its own buffers, and the parts are added in a
 * fixed order; the result does not depend on which thread ran what, nor on the listener.
 *
 * <p>Cost on two cores (2,000 points of 16-D): the affinities about 0.5–0.8 s, then 4–6 ms per
 * iteration (about 3.7 ns per pair on one core).
 */
public final class ExactTsne {
    static final double ENTROPY_TOLERANCE = 1e-5;
    static final int MAX_SEARCH_STEPS = 50;
    static final double EXAGGERATION = 12;
    static final int EXAGGERATION_ITERATIONS = 250;
    static final double P_FLOOR = 1e-12;
    /** Standard deviation per coordinate of the start: random N(0, 1e-4), or a given start rescaled. */
    static final double INITIAL_STD = 1e-2;
    /** Below this many points the pair loop stays on the calling thread. */
    private static final int PARALLEL_MIN = 256;

    /** Sees the layout while it forms: {@code y} is a fresh copy, {@code iteration} counts from 1. */
    @FunctionalInterface
    public interface Listener {
        void step(int iteration, double[][] y);
    }

    private final double perplexity;
    private final int iterations;
    private final long seed;

    public ExactTsne(double perplexity, int iterations, long seed) {
        if (!(perplexity > 0)) throw new IllegalArgumentException("perplexity " + perplexity + " must be positive");
        if (iterations < 1) throw new IllegalArgumentException("at least 1 iteration, got " + iterations);
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
    }

    public double[][] run(double[][] x) {
        return run(x, new Cancellation(), Integer.MAX_VALUE, (i, y) -> { });
    }

    /**
     * Lays out {@code x} in 2-D; {@code listener} gets the layout after every {@code every}
     * iterations and after the last.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set
     */
    public double[][] run(double[][] x, Cancellation cancel, int every, Listener listener) {
        return run(x, null, cancel, every, listener);
    }

    /**
     * As {@link #run(double[][], Cancellation, int, Listener)}, starting from {@code initial} (row
     * i the start of point i; null: random) instead of a random draw, so a layout of nearly the
     * same data (the previous training epoch's) carries over. Two changes to the recipe keep the
     * start's arrangement. It is centred and rescaled to the random start's spread, standard
     * deviation {@value #INITIAL_STD} per coordinate (as openTSNE rescales its initialisations),
     * so its own scale does not matter (a PCA layout or a t-SNE one). And there is no early
     * exaggeration: it is there to let clusters find their places from a random start, and its
     * strong pull reshuffles a start that already has them. Measured on 360 clustered 8-D codes
     * moved a little (noise 0.5 of the clusters' spread; 400 iterations), as RMS distance from
     * the start after {@link Procrustes} over the start's spread: 0.16 this way, 0.68 with early
     * exaggeration, 0.97 from a random start; trustworthiness 0.983, 0.982, 0.982. Keeping the
     * start's own scale moved less at t-SNE's scale (0.09) but froze a start 10–100 times too
     * large (trustworthiness 0.976–0.978). A start that is not finite, or has every point in one
     * place, is ignored: a random start and the usual recipe.
     */
    public double[][] run(double[][] x, double[][] initial, Cancellation cancel, int every, Listener listener) {
        int n = x.length;
        if (initial != null && initial.length != n) {
            throw new IllegalArgumentException("a start for " + initial.length + " points, " + n + " to lay out");
        }
        if (every < 1) throw new IllegalArgumentException("every " + every);
        if ((long) n * (n - 1) / 2 > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(n + " points are too many for exact t-SNE");
        int split = n >= PARALLEL_MIN ? pairSplit(n) : n;
        double[] p = affinities(x, perplexity, split, cancel);
        double[] y = start(initial, n);
        boolean seeded = y != null;
        if (!seeded) {
            y = new double[2 * n];
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < y.length; i++) y[i] = INITIAL_STD * rnd.nextGaussian();
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] grad = new double[2 * n];
        double[][] attr = {new double[2 * n], new double[2 * n]};
        double[][] rep = {new double[2 * n], new double[2 * n]};
        double rate = Math.max(200, n / 12.0);
        int early = seeded ? 0 : Math.min(EXAGGERATION_ITERATIONS, iterations / 4);
        for (int it = 0; it < iterations; it++) {
            cancel.check();
            double exaggeration = it < early ? EXAGGERATION : 1;
            double momentum = it < early ? 0.5 : 0.8;
            gradient(y, p, n, split, exaggeration, attr, rep, grad);
            double mx = 0, my = 0;
            for (int k = 0; k < 2 * n; k++) {
                boolean sameSign = (grad[k] > 0) == (update[k] > 0);
                gains[k] = Math.max(sameSign ? gains[k] * 0.8 : gains[k] + 0.2, 0.01);
                update[k] = momentum * update[k] - rate * gains[k] * grad[k];
                y[k] += update[k];
            }
            for (int i = 0; i < n; i++) { mx += y[2 * i]; my += y[2 * i + 1]; }
            mx /= Math.max(n, 1);
            my /= Math.max(n, 1);
            for (int i = 0; i < n; i++) { y[2 * i] -= mx; y[2 * i + 1] -= my; }
            int done = it + 1;
            if (done % every == 0 || done == iterations) listener.step(done, unpack(y, n));
        }
        return unpack(y, n);
    }

    /** {@code initial} centred and scaled to {@value #INITIAL_STD} per coordinate, packed; null when unusable. */
    static double[] start(double[][] initial, int n) {
        if (initial == null || n == 0) return null;
        double mx = 0, my = 0;
        for (double[] p : initial) {
            if (p == null || p.length != 2 || !Double.isFinite(p[0] + p[1])) return null;
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double ss = 0;
        for (double[] p : initial) ss += (p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my);
        double std = Math.sqrt(ss / (2.0 * n)); // both coordinates pooled: a rotated start scales the same
        if (!(std > 0) || !Double.isFinite(std)) return null;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = (initial[i][0] - mx) / std * INITIAL_STD;
            y[2 * i + 1] = (initial[i][1] - my) / std * INITIAL_STD;
        }
        return y;
    }

    private static double[][] unpack(double[] y, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = new double[] {y[2 * i], y[2 * i + 1]};
        return out;
    }

    /** Index of pair (i, i + 1) in the packed upper triangle (no diagonal) of an n × n matrix. */
    static int rowStart(int i, int n) {
        return (int) ((long) i * (n - 1) - (long) i * (i - 1) / 2);
    }

    /** The row where the upper triangle's pairs split in two nearly equal halves. */
    static int pairSplit(int n) {
        long total = (long) n * (n - 1) / 2;
        int s = 0;
        while (s < n && rowStart(s, n) < total / 2) s++;
        return s;
    }

    /**
     * Runs {@code first} on this thread and {@code second} on a common-pool task beside it when
     * {@code parallel}, else one after the other here; returns when both are done. The two parts
     * write disjoint state, so the result does not depend on which way they ran.
     */
    private static void inTwo(Runnable first, Runnable second, boolean parallel) {
        if (!parallel) {
            first.run();
            second.run();
            return;
        }
        ForkJoinTask<?> other = ForkJoinTask.adapt(second).fork();
        first.run();
        other.join();
    }

    /**
     * The gradient of KL(P‖Q) with P multiplied by {@code exaggeration}, as
     * 4 (exaggeration Σ p q' (yᵢ − yⱼ) − Σ q'² (yᵢ − yⱼ) / Z) with q' = 1 / (1 + |yᵢ − yⱼ|²) and
     * Z = Σ q', so one pass over the pairs suffices.
     */
    private static void gradient(double[] y, double[] p, int n, int split, double exaggeration,
            double[][] attr, double[][] rep, double[] grad) {
        double[] parts = new double[2]; // without a split the second part is empty: zero forces, Σ 0
        inTwo(() -> parts[0] = pairs(y, p, n, 0, split, attr[0], rep[0]),
                () -> parts[1] = pairs(y, p, n, split, n, attr[1], rep[1]), split < n);
        double z = Math.max(2 * (parts[0] + parts[1]), Double.MIN_NORMAL); // each pair counted once, Z sums over ordered pairs; no pairs: 0
        for (int k = 0; k < 2 * n; k++) {
            grad[k] = 4 * (exaggeration * (attr[0][k] + attr[1][k]) - (rep[0][k] + rep[1][k]) / z);
        }
    }

    /** Forces between rows [from, to) and every later row, into {@code attr} and {@code rep}; returns Σ q'. */
    private static double pairs(double[] y, double[] p, int n, int from, int to, double[] attr, double[] rep) {
        Arrays.fill(attr, 0);
        Arrays.fill(rep, 0);
        double z = 0;
        for (int i = from; i < to; i++) {
            double yi0 = y[2 * i], yi1 = y[2 * i + 1];
            double ai0 = 0, ai1 = 0, ri0 = 0, ri1 = 0;
            int k = rowStart(i, n);
            for (int j = i + 1; j < n; j++, k++) {
                double d0 = yi0 - y[2 * j], d1 = yi1 - y[2 * j + 1];
                double q = 1 / (1 + d0 * d0 + d1 * d1);
                z += q;
                double a = p[k] * q, r = q * q;
                ai0 += a * d0;
                ai1 += a * d1;
                ri0 += r * d0;
                ri1 += r * d1;
                attr[2 * j] -= a * d0;
                attr[2 * j + 1] -= a * d1;
                rep[2 * j] -= r * d0;
                rep[2 * j + 1] -= r * d1;
            }
            attr[2 * i] += ai0;
            attr[2 * i + 1] += ai1;
            rep[2 * i] += ri0;
            rep[2 * i + 1] += ri1;
        }
        return z;
    }

    /**
     * Symmetric joint probabilities P = (P + Pᵀ) / 2n, floored at {@value #P_FLOOR}, as the packed
     * upper triangle ({@link #rowStart}). Perplexity above n − 1 cannot be reached and is capped.
     */
    static double[] affinities(double[][] x, double perplexity, Cancellation cancel) {
        return affinities(x, perplexity, x.length >= PARALLEL_MIN ? pairSplit(x.length) : x.length, cancel);
    }

    private static double[] affinities(double[][] x, double perplexity, int split, Cancellation cancel) {
        int n = x.length;
        double[] beta = new double[n], shift = new double[n], norm = new double[n];
        // Pass 1: each row's precision (rows are independent; halves of the rows on two threads).
        int half = split >= n ? n : n / 2;
        inTwo(() -> searchRows(x, perplexity, 0, half, beta, shift, norm, cancel),
                () -> searchRows(x, perplexity, half, n, beta, shift, norm, cancel), half < n);
        // Pass 2: each pair (i < j) written once from the two conditional probabilities.
        double[] p = new double[(int) ((long) n * (n - 1) / 2)];
        inTwo(() -> joint(x, 0, split, beta, shift, norm, p, cancel),
                () -> joint(x, split, n, beta, shift, norm, p, cancel), split < n);
        return p;
    }

    private static void joint(double[][] x, int from, int to, double[] beta, double[] shift, double[] norm,
            double[] p, Cancellation cancel) {
        int n = x.length;
        double scale = 1.0 / (2.0 * n);
        for (int i = from; i < to; i++) {
            cancel.check();
            int k = rowStart(i, n);
            for (int j = i + 1; j < n; j++, k++) {
                double d = Knn.dist2(x[i], x[j]);
                double pji = Math.exp(-(d - shift[i]) * beta[i]) / norm[i];
                double pij = Math.exp(-(d - shift[j]) * beta[j]) / norm[j];
                p[k] = Math.max((pji + pij) * scale, P_FLOOR);
            }
        }
    }

    private static void searchRows(double[][] x, double perplexity, int from, int to, double[] beta, double[] shift,
            double[] norm, Cancellation cancel) {
        int n = x.length;
        double[] d = new double[n];
        double[] row = new double[n];
        for (int i = from; i < to; i++) {
            cancel.check();
            for (int j = 0; j < n; j++) d[j] = j == i ? 0 : Knn.dist2(x[i], x[j]);
            double[] r = search(d, i, perplexity, row);
            beta[i] = r[0];
            shift[i] = r[1];
            norm[i] = r[2];
        }
    }

    /**
     * Row i's conditional probabilities p(j | i) for the target perplexity, into {@code row}
     * (row[i] = 0). Returns {beta, shift, norm}: p(j | i) = exp(−(d[j] − shift) beta) / norm.
     * Distances are shifted by the row's smallest so that far-apart codes do not underflow.
     */
    static double[] search(double[] d, int i, double perplexity, double[] row) {
        int n = d.length;
        if (n < 2) return new double[] {1, 0, 1};
        double shift = Double.POSITIVE_INFINITY, mean = 0;
        for (int j = 0; j < n; j++) if (j != i) shift = Math.min(shift, d[j]);
        for (int j = 0; j < n; j++) if (j != i) mean += d[j] - shift;
        mean /= n - 1;
        double target = Math.log(perplexity);
        double beta = mean > 0 ? 1 / mean : 1, lo = 0, hi = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
            sum = 0;
            double weighted = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) { row[j] = 0; continue; }
                double e = Math.exp(-(d[j] - shift) * beta);
                row[j] = e;
                sum += e;
                weighted += (d[j] - shift) * e;
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.abs(diff) <= ENTROPY_TOLERANCE || step == MAX_SEARCH_STEPS - 1) break;
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        for (int j = 0; j < n; j++) row[j] /= sum;
        return new double[] {beta, shift, sum};
    }

    /** Row i of the conditional probabilities p(j | i) (tests: their entropy is log perplexity). */
    static double[] conditionalRow(double[][] x, int i, double perplexity) {
        double[] d = new double[x.length];
        for (int j = 0; j < x.length; j++) d[j] = j == i ? 0 : Knn.dist2(x[i], x[j]);
        double[] row = new double[x.length];
        search(d, i, perplexity, row);
        return row;
    }
}
