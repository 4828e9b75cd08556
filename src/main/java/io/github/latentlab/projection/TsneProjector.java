package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * t-SNE of every code, animated as it iterates. Up to {@value #EXACT_MAX} codes our
 * exact-gradient t-SNE lays them out ({@link ExactTsne}, O(n²) per iteration, affinities over all
 * pairs); above, Barnes-Hut t-SNE ({@link BarnesHutTsne}: affinities over each code's
 * 3·perplexity + 1 nearest neighbours, repulsion by a quadtree, O(n log n) per iteration). While
 * it iterates, layouts go to {@code partial} at most every {@value #PARTIAL_INTERVAL_MS} ms, the
 * first after {@value #STEP} iterations (a shapeless cloud still; clusters show within about
 * 50); the final layout goes there too. Measured with {@code project --json} on two cores
 * shared with other work, 1,000 iterations, Fashion-MNIST codes of 32-D: 10,000 codes in 12.1 s
 * (scikit-learn's Barnes-Hut in the same run: 89.1 s), trustworthiness@10 0.9958 over all of
 * them; 70,000 codes in 98.7 s, 0.9916 on a 5,000-point sample (docs/benchmarks.md, "Full t-SNE
 * (issue 14)").
 *
 * <p>Landmarks, on request only ({@link #TsneProjector(double, int, int, long)}): t-SNE runs on
 * that many codes drawn with the seed, and every other code is placed at the inverse-distance
 * weighted mean of its 5 nearest landmarks in latent space: quicker on very large sets, at a
 * cost in local structure (trustworthiness 0.983 over all 10,000 Fashion-MNIST codes with 2,000
 * landmarks in issue 14's run, against 0.996 for every code laid out).
 *
 * <p>Tuning: perplexity 5–50 (30 default: larger sees more global structure); 1,000 iterations
 * usually settle.
 */
public final class TsneProjector implements Projector {
    static final int MIN_ITERATIONS = 50;
    /** The layout is looked at (progress, cancellation aside) every this many iterations. */
    static final int STEP = 10;
    static final long PARTIAL_INTERVAL_MS = 250;
    /**
     * Up to this many codes, exact t-SNE (as fast there, and over every pair); above, Barnes-Hut
     * (measured: as fast at 300 codes, faster from 600, 2× at 1,000 with the same trustworthiness).
     */
    static final int EXACT_MAX = 500;
    private final double perplexity;
    private final int iterations;
    private final int landmarks; // 0: every code
    private final long seed;
    private final double[][] initial; // null: a random start

    /** t-SNE of every code. */
    public TsneProjector(double perplexity, int iterations, long seed) {
        this(perplexity, iterations, 0, seed, null);
    }

    /**
     * t-SNE of at most {@code landmarks} codes (at least 10), the others placed among them; of
     * every code when there are no more than that.
     */
    public TsneProjector(double perplexity, int iterations, int landmarks, long seed) {
        this(perplexity, iterations, checkLandmarks(landmarks), seed, null);
    }

    private static int checkLandmarks(int landmarks) {
        if (landmarks < 10) throw new IllegalArgumentException("at least 10 landmarks, got " + landmarks);
        return landmarks;
    }

    private TsneProjector(double perplexity, int iterations, int landmarks, long seed, double[][] initial) {
        if (!(perplexity >= 2) || perplexity > 100) throw new IllegalArgumentException("perplexity " + perplexity + " outside 2..100");
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
        }
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.landmarks = landmarks;
        this.seed = seed;
        this.initial = initial;
    }

    /**
     * The same t-SNE starting from {@code initial} (row i: where code i starts, e.g. its place
     * in the previous epoch's layout of the same images) instead of a random start, so the new
     * layout grows out of the old one and points move rather than jump. It is rescaled to
     * t-SNE's small starting spread and skips early exaggeration, which would reshuffle it
     * ({@link ExactTsne#run(double[][], double[][], Cancellation, int, ExactTsne.Listener)}); with
     * landmarks only they use it (the rest are placed among them as always). Its row count must
     * match the codes given to {@link #fit}; null: random start again. Deterministic still: the
     * same seed and start give the same layout.
     */
    public TsneProjector seededFrom(double[][] initial) {
        return new TsneProjector(perplexity, iterations, landmarks, seed, initial);
    }

    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        double[][] x = Knn.toDouble(codes);
        int n = x.length;
        if (initial != null && initial.length != n) {
            throw new IllegalArgumentException("a start for " + initial.length + " points, " + n + " codes given");
        }
        int m = landmarks == 0 ? n : Math.min(n, landmarks);
        int[] chosen = m == n ? all(n) : sample(n, m, seed);
        double[][] sub = new double[m][];
        double[][] start = initial == null ? null : new double[m][];
        boolean[] placed = new boolean[n];
        for (int i = 0; i < m; i++) {
            sub[i] = x[chosen[i]];
            if (start != null) start[i] = initial[chosen[i]];
            placed[chosen[i]] = true;
        }
        boolean exact = m <= EXACT_MAX;
        Message note = m < n ? Message.of("map.note.tsneLandmarks", m, n - m)
                : exact ? Message.of("map.note.tsneExact", n) : Message.of("map.note.tsneBarnesHut", n);
        progress.update(0.02, Message.of("progress.tsne.affinities", m));
        Knn.Blend[] blend = {null}; // the non-landmarks' neighbours: searched once, at the first picture
        long interval = PARTIAL_INTERVAL_MS * 1_000_000L;
        long[] last = {0};
        double perp = Math.max(1, Math.min(perplexity, (m - 1) / 3.0));
        ExactTsne.Listener listener = (it, y) -> {
            progress.update(0.05 + 0.95 * it / iterations, Message.of("progress.tsne.iteration", m, it, iterations));
            if (it == iterations || (last[0] != 0 && System.nanoTime() - last[0] < interval)) return;
            if (blend[0] == null) blend[0] = Knn.blend(x, placed, 5);
            partial.accept(place(n, chosen, y, blend[0], Message.of("map.note.inProgress", note, it, iterations)));
            last[0] = System.nanoTime();
        };
        double[][] layout = exact ? new ExactTsne(perp, iterations, seed).run(sub, start, cancel, STEP, listener)
                : new BarnesHutTsne(perp, iterations, seed).run(sub, start, cancel, STEP, listener);
        if (blend[0] == null) blend[0] = Knn.blend(x, placed, 5);
        Embedding e = place(n, chosen, layout, blend[0], note);
        partial.accept(e);
        progress.update(1, Message.of("progress.tsne.done"));
        return e;
    }

    private static Embedding place(int n, int[] chosen, double[][] layout, Knn.Blend blend, Message note) {
        double[][] xy = new double[n][];
        for (int i = 0; i < chosen.length; i++) xy[chosen[i]] = layout[i].clone();
        blend.apply(xy);
        return new Embedding("tsne", xy, chosen.length, note);
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    static int[] sample(int n, int m, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i]; all[i] = all[j]; all[j] = t;
        }
        int[] out = Arrays.copyOf(all, m);
        Arrays.sort(out);
        return out;
    }
}
