package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * t-SNE that stays usable on large sets and animates as it iterates: our exact-gradient t-SNE
 * ({@link ExactTsne}, O(n²) per iteration) runs on at most {@code landmarks} codes drawn with
 * the seed; every other code is placed at the inverse-distance weighted mean of its 5 nearest
 * landmarks in latent space. While it iterates, layouts with every code placed go to
 * {@code partial} at most every {@value #PARTIAL_INTERVAL_MS} ms, the first after
 * {@value #STEP} iterations (a shapeless cloud still; clusters show within about 50), the final
 * layout goes there too. Measured with {@code project --n 10000} on two cores, 2,000 landmarks,
 * 1,000 iterations: 5.5–9.0 s in all (median 6.4 s over 5 runs; Smile's exact t-SNE, used
 * before, took 13–17 s on the same machine), the first picture after 0.8–1.2 s, trustworthiness
 * 0.991 as before.
 *
 * <p>Tuning: perplexity 5–50 (30 default: larger sees more global structure); 1,000 iterations
 * usually settle; more landmarks give finer local structure at quadratic cost.
 */
public final class TsneProjector implements Projector {
    static final int MIN_ITERATIONS = 50;
    /** The layout is looked at (progress, cancellation aside) every this many iterations. */
    static final int STEP = 10;
    static final long PARTIAL_INTERVAL_MS = 250;
    private final double perplexity;
    private final int iterations;
    private final int landmarks;
    private final long seed;
    private final double[][] initial; // null: a random start

    public TsneProjector(double perplexity, int iterations, int landmarks, long seed) {
        this(perplexity, iterations, landmarks, seed, null);
    }

    private TsneProjector(double perplexity, int iterations, int landmarks, long seed, double[][] initial) {
        if (!(perplexity >= 2) || perplexity > 100) throw new IllegalArgumentException("perplexity " + perplexity + " outside 2..100");
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
        }
        if (landmarks < 10) throw new IllegalArgumentException("at least 10 landmarks, got " + landmarks);
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.landmarks = landmarks;
        this.seed = seed;
        this.initial = initial;
    }

    /**
     * The same t-SNE starting from {@code initial} (row i: where code i starts, e.g. its place
     * in the previous epoch's layout of the same images) instead of a random start, so the new
     * layout grows out of the old one and points move rather than jump. Only the landmarks use
     * it (the rest are placed among them as always); it is rescaled to t-SNE's small starting
     * spread and skips early exaggeration, which would reshuffle it
     * ({@link ExactTsne#run(double[][], double[][], Cancellation, int, ExactTsne.Listener)}). Its row
     * count must match the codes given to {@link #fit}; null: random start again. Deterministic
     * still: the same seed and start give the same layout.
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
        int m = Math.min(n, landmarks);
        int[] chosen = sample(n, m, seed);
        double[][] sub = new double[m][];
        double[][] start = initial == null ? null : new double[m][];
        boolean[] placed = new boolean[n];
        for (int i = 0; i < m; i++) {
            sub[i] = x[chosen[i]];
            if (start != null) start[i] = initial[chosen[i]];
            placed[chosen[i]] = true;
        }
        Message note = m == n ? Message.of("map.note.tsneExact", n) : Message.of("map.note.tsneLandmarks", m, n - m);
        progress.update(0.02, Message.of("progress.tsne.affinities", m));
        Knn.Blend[] blend = {null}; // the non-landmarks' neighbours: searched once, at the first picture
        long interval = PARTIAL_INTERVAL_MS * 1_000_000L;
        long[] last = {0};
        double perp = Math.max(1, Math.min(perplexity, (m - 1) / 3.0));
        double[][] layout = new ExactTsne(perp, iterations, seed).run(sub, start, cancel, STEP, (it, y) -> {
            progress.update(0.05 + 0.95 * it / iterations, Message.of("progress.tsne.iteration", m, it, iterations));
            if (it == iterations || (blend[0] != null && System.nanoTime() - last[0] < interval)) return;
            if (blend[0] == null) blend[0] = Knn.blend(x, placed, 5);
            partial.accept(place(n, chosen, y, blend[0], Message.of("map.note.inProgress", note, it, iterations)));
            last[0] = System.nanoTime();
        });
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
