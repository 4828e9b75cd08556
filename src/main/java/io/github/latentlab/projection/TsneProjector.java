package io.github.latentlab.projection;

import java.util.SplittableRandom;
import java.util.function.Consumer;

import smile.manifold.TSNE;
import smile.math.MathEx;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * t-SNE that stays usable on large sets: Smile's exact t-SNE (O(n²) time and memory: 34 s for
 * 2,000 points, ~540 s for 10,000 on two cores) runs on at most {@code landmarks} codes drawn
 * with the seed; every other code is placed at the inverse-distance weighted mean of its 5
 * nearest landmarks in latent space. A preview on {@link #PREVIEW_LANDMARKS} landmarks goes to
 * {@code partial} first, so a view shows a picture within a couple of seconds.
 *
 * <p>Tuning: perplexity 5–50 (30 default: larger sees more global structure); 1,000 iterations
 * usually settle; more landmarks give finer local structure at quadratic cost.
 */
public final class TsneProjector implements Projector {
    static final int MIN_ITERATIONS = 50;
    static final int PREVIEW_LANDMARKS = 500;
    static final int PREVIEW_ITERATIONS = 250;
    private final double perplexity;
    private final int iterations;
    private final int landmarks;
    private final long seed;

    public TsneProjector(double perplexity, int iterations, int landmarks, long seed) {
        if (!(perplexity >= 2) || perplexity > 100) throw new IllegalArgumentException("perplexity " + perplexity + " outside 2..100");
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
        }
        if (landmarks < 10) throw new IllegalArgumentException("at least 10 landmarks, got " + landmarks);
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.landmarks = landmarks;
        this.seed = seed;
    }

    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        double[][] x = Knn.toDouble(codes);
        int n = x.length;
        int m = Math.min(n, landmarks);
        int[] chosen = sample(n, m, seed);
        double[][] sub = new double[m][];
        for (int i = 0; i < m; i++) sub[i] = x[chosen[i]];
        // A quick preview on fewer landmarks first, so a view has a picture within a second or two.
        if (m > PREVIEW_LANDMARKS) {
            int[] few = new int[PREVIEW_LANDMARKS];
            int[] pick = sample(m, PREVIEW_LANDMARKS, seed + 1);
            for (int i = 0; i < few.length; i++) few[i] = chosen[pick[i]];
            double[][] fewCodes = new double[few.length][];
            for (int i = 0; i < few.length; i++) fewCodes[i] = x[few[i]];
            progress.update(0.05, "t-SNE preview on " + few.length + " codes");
            partial.accept(place(x, few, run(fewCodes, PREVIEW_ITERATIONS), false));
            cancel.check();
        }
        progress.update(0.1, "t-SNE on " + m + " codes, " + iterations + " iterations");
        Embedding e = place(x, chosen, run(sub, iterations), true);
        partial.accept(e);
        progress.update(1, "t-SNE done");
        return e;
    }

    /**
     * One uninterrupted Smile run. (Smile 3.1.1's {@code update(int)} after construction was
     * measured to spoil the layout, so the layout is not refined in steps.)
     */
    private double[][] run(double[][] codes, int iters) {
        if (codes.length == codes[0].length) codes = padColumn(codes); // Smile reads a square input as distances
        double perp = Math.min(perplexity, (codes.length - 1) / 3.0);
        synchronized (MathEx.class) { // Smile's random source is global: seed and run in one step
            MathEx.setSeed(seed);
            return new TSNE(codes, 2, perp, 200, iters).coordinates;
        }
    }

    private Embedding place(double[][] x, int[] chosen, double[][] layout, boolean last) {
        double[][] xy = new double[x.length][];
        boolean[] placed = new boolean[x.length];
        for (int i = 0; i < chosen.length; i++) {
            xy[chosen[i]] = layout[i].clone();
            placed[chosen[i]] = true;
        }
        Knn.placeRest(x, xy, placed, 5);
        String note = chosen.length == x.length ? "exact t-SNE on all " + x.length + " codes"
                : "t-SNE on " + chosen.length + " landmark codes, the other " + (x.length - chosen.length)
                        + " placed by their 5 nearest landmarks in latent space";
        return new Embedding("tsne", xy, chosen.length, last ? note : note + " (in progress)");
    }

    static int[] sample(int n, int m, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i]; all[i] = all[j]; all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, m);
        java.util.Arrays.sort(out);
        return out;
    }

    /** Adds a zero column: distances are unchanged, and the matrix is no longer square. */
    static double[][] padColumn(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = java.util.Arrays.copyOf(x[i], x[i].length + 1);
        return out;
    }
}
