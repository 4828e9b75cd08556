package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import io.github.latentlab.util.Cancellation;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014) in 2-D, for every point of sets of tens of thousands:
 * O(n log n) per iteration. Stepped like {@link ExactTsne}: a {@link ExactTsne.Listener} sees a
 * copy of the layout every few iterations; the {@link Cancellation} is polled between blocks of
 * rows, so a cancel takes effect within an iteration.
 *
 * <p>Input affinities: each row's {@code 3·perplexity + 1} nearest neighbours, found exactly
 * ({@link NeighbourSearch}); per row the binary search on the Gaussian precision of
 * {@link ExactTsne#search} over those neighbours; P = (P + Pᵀ) / 2n, sparse (compressed rows).
 * Rows are renumbered in kd-tree order first, so that neighbours sit near each other in memory.
 *
 * <p>Gradient: the attraction over P's non-zeros, exactly (each pair once, P being symmetric); the
 * repulsion and its normaliser Z from a quadtree rebuilt every iteration, a cell of points
 * standing for all of them at their centre of mass when the largest side of their bounding box
 * is below θ times its distance (θ = {@value #THETA}; θ = 0 gives the exact gradient). The tree is
 * flat arrays, reused from one iteration to the next: points sorted by their Morton (Z-order)
 * code with a radix sort, cells in depth-first order with the index of the cell after each
 * subtree; leaves hold up to {@value #LEAF} points. The walk is grouped (Barnes 1990): a cell
 * decides what is far enough for every point of its bounding box, its children inherit that list
 * and only refine what was left open, and at a leaf each point sums over the one list (in float,
 * positions relative to the subtree's centre of mass).
 *
 * <p>The optimisation is {@link ExactTsne}'s recipe: start N(0, 1e-4) (or a given start,
 * rescaled, and then no early exaggeration), learning rate max(200, n / 12), early exaggeration
 * 12 with momentum 0.5 for the first 250 iterations (a quarter of them when fewer than 1,000),
 * momentum 0.8 after, delta-bar-delta gains, Y re-centred each iteration.
 *
 * <p>Deterministic: work is cut into parts fixed by the data alone ({@link Chunks}: blocks of
 * rows; the attraction in two halves with a buffer each; the repulsion by subtrees of at most
 * {@value QuadTree#TASK} points), each part writes only its own rows and its own part of Z, and
 * parts are added in a fixed order; the same input, perplexity, iterations and seed give a
 * bit-identical layout whatever the threads did.
 */
public final class BarnesHutTsne {
    static final double THETA = 0.5;
    /** Points in a leaf of the quadtree at most (a leaf is split further only if it has more). */
    static final int LEAF = 16;
    /** Rows per chunk of work (a fixed split, so sums do not depend on threads). */
    private static final int CHUNK_ROWS = 1024;

    private final double perplexity;
    private final int iterations;
    private final long seed;
    private final double theta;

    public BarnesHutTsne(double perplexity, int iterations, long seed) {
        this(perplexity, iterations, seed, THETA);
    }

    /** With accuracy {@code theta} in [0, 0.7): smaller is slower and closer to the exact gradient. */
    BarnesHutTsne(double perplexity, int iterations, long seed, double theta) {
        if (!(perplexity > 0)) throw new IllegalArgumentException("perplexity " + perplexity + " must be positive");
        if (iterations < 1) throw new IllegalArgumentException("at least 1 iteration, got " + iterations);
        // at θ ≥ 1/√2 a cell holding the point itself could pass for far away
        if (!(theta >= 0 && theta < 0.7)) throw new IllegalArgumentException("theta " + theta + " outside [0, 0.7)");
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
        this.theta = theta;
    }

    public double[][] run(double[][] x) {
        return run(x, null, new Cancellation(), Integer.MAX_VALUE, (i, y) -> { });
    }

    /**
     * Lays out {@code x} in 2-D from {@code initial} (null: a random start), as
     * {@link ExactTsne#run(double[][], double[][], Cancellation, int, ExactTsne.Listener)} does;
     * {@code listener} gets the layout after every {@code every} iterations and after the last.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set
     */
    public double[][] run(double[][] x, double[][] initial, Cancellation cancel, int every, ExactTsne.Listener listener) {
        int n = x.length;
        if (initial != null && initial.length != n) {
            throw new IllegalArgumentException("a start for " + initial.length + " points, " + n + " to lay out");
        }
        if (every < 1) throw new IllegalArgumentException("every " + every);
        if (n == 0) return new double[0][];
        // rows in kd-tree order: a row's neighbours sit near it in memory, which the attraction's reads like
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (n > 1) NeighbourSearch.kdOrder(x, order, 0, n, x[0].length);
        double[][] xs = new double[n][];
        for (int s = 0; s < n; s++) xs[s] = x[order[s]];
        Sparse p = affinities(xs, perplexity, cancel);
        double[] start = ExactTsne.start(initial, n);
        boolean seeded = start != null;
        if (!seeded) {
            start = new double[2 * n];
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < start.length; i++) start[i] = ExactTsne.INITIAL_STD * rnd.nextGaussian();
        }
        double[] y = new double[2 * n];
        for (int s = 0; s < n; s++) {
            y[2 * s] = start[2 * order[s]];
            y[2 * s + 1] = start[2 * order[s] + 1];
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        Gradient g = new Gradient(p, n, theta);
        double rate = Math.max(200, n / 12.0);
        int early = seeded ? 0 : Math.min(ExactTsne.EXAGGERATION_ITERATIONS, iterations / 4);
        for (int it = 0; it < iterations; it++) {
            cancel.check();
            double exaggeration = it < early ? ExactTsne.EXAGGERATION : 1;
            double momentum = it < early ? 0.5 : 0.8;
            double[] grad = g.compute(y, exaggeration, cancel);
            for (int k = 0; k < 2 * n; k++) {
                boolean sameSign = (grad[k] > 0) == (update[k] > 0);
                gains[k] = Math.max(sameSign ? gains[k] * 0.8 : gains[k] + 0.2, 0.01);
                update[k] = momentum * update[k] - rate * gains[k] * grad[k];
                y[k] += update[k];
            }
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) { mx += y[2 * i]; my += y[2 * i + 1]; }
            mx /= Math.max(n, 1);
            my /= Math.max(n, 1);
            for (int i = 0; i < n; i++) { y[2 * i] -= mx; y[2 * i + 1] -= my; }
            int done = it + 1;
            if (done % every == 0 || done == iterations) listener.step(done, unpack(y, order));
        }
        return unpack(y, order);
    }

    /** The layout by original row: row order[s] is at y[2s], y[2s + 1]. */
    private static double[][] unpack(double[] y, int[] order) {
        double[][] out = new double[order.length][];
        for (int s = 0; s < order.length; s++) out[order[s]] = new double[] {y[2 * s], y[2 * s + 1]};
        return out;
    }

    static double[][] unpack(double[] y, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = new double[] {y[2 * i], y[2 * i + 1]};
        return out;
    }

    static double[] pack(double[][] y) {
        double[] out = new double[2 * y.length];
        for (int i = 0; i < y.length; i++) { out[2 * i] = y[i][0]; out[2 * i + 1] = y[i][1]; }
        return out;
    }

    /** The symmetric joint probabilities in compressed rows: row i's entries are {@code [start[i], start[i + 1])}. */
    record Sparse(int n, int[] start, int[] col, double[] val) {
        /** p_ij, 0 when not stored (tests). */
        double get(int i, int j) {
            for (int e = start[i]; e < start[i + 1]; e++) if (col[e] == j) return val[e];
            return 0;
        }
    }

    /** The number of neighbours whose affinities are kept for {@code perplexity}: 3·perplexity + 1, at most n − 1. */
    static int neighbours(int n, double perplexity) {
        return (int) Math.max(0, Math.min(n - 1L, (long) (3 * perplexity + 1)));
    }

    /**
     * P = (P + Pᵀ) / 2n over each row's {@link #neighbours} nearest: row i holds its own neighbours
     * and the rows that have i as a neighbour, by column.
     */
    static Sparse affinities(double[][] x, double perplexity, Cancellation cancel) {
        int n = x.length;
        int k = neighbours(n, perplexity);
        int[] nn = NeighbourSearch.nearest(x, k, cancel);
        double[] cond = new double[n * k];
        int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        Chunks.run(chunks, () -> {
            double[] d = new double[k + 1];
            double[] row = new double[k + 1];
            return c -> {
                cancel.check();
                for (int i = c * CHUNK_ROWS, end = Math.min(n, i + CHUNK_ROWS); i < end; i++) {
                    for (int m = 0; m < k; m++) d[m] = Knn.dist2(x[i], x[nn[i * k + m]]);
                    d[k] = 0; // the row itself, left out by the search
                    ExactTsne.search(d, k, perplexity, row);
                    System.arraycopy(row, 0, cond, i * k, k);
                }
            };
        });
        // who has i among their neighbours, by index
        int[] inStart = new int[n + 1];
        for (int e = 0; e < n * k; e++) inStart[nn[e] + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        int[] inSrc = new int[n * k];
        double[] inVal = new double[n * k];
        int[] fill = Arrays.copyOf(inStart, n);
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = nn[i * k + m], at = fill[j]++;
                inSrc[at] = i;
                inVal[at] = cond[i * k + m];
            }
        }
        // row lengths: own neighbours plus those that are not mutual (seen[j] == i + 1: j is among i's own)
        int[] start = new int[n + 1];
        int[] seen = new int[n];
        for (int i = 0; i < n; i++) {
            for (int m = i * k, end = m + k; m < end; m++) seen[nn[m]] = i + 1;
            int extra = 0;
            for (int e = inStart[i]; e < inStart[i + 1]; e++) if (seen[inSrc[e]] != i + 1) extra++;
            start[i + 1] = start[i] + k + extra;
        }
        int[] col = new int[start[n]];
        double[] val = new double[start[n]];
        double scale = 1.0 / (2.0 * n);
        Chunks.run(chunks, () -> {
            int[] mine = new int[n], theirs = new int[n];
            double[] back = new double[n];
            long[] keys = new long[2 * k + 1];
            double[] vals = new double[2 * k + 1];
            return c -> {
                for (int i = c * CHUNK_ROWS, end = Math.min(n, i + CHUNK_ROWS); i < end; i++) {
                    for (int e = inStart[i]; e < inStart[i + 1]; e++) {
                        theirs[inSrc[e]] = i + 1;
                        back[inSrc[e]] = inVal[e]; // p(i | j)
                    }
                    int at = start[i];
                    for (int m = 0; m < k; m++) {
                        int j = nn[i * k + m];
                        mine[j] = i + 1;
                        col[at] = j;
                        val[at++] = (cond[i * k + m] + (theirs[j] == i + 1 ? back[j] : 0)) * scale;
                    }
                    for (int e = inStart[i]; e < inStart[i + 1]; e++) {
                        int j = inSrc[e];
                        if (mine[j] == i + 1) continue;
                        col[at] = j;
                        val[at++] = inVal[e] * scale;
                    }
                    sortRow(col, val, start[i], at, keys, vals);
                }
            };
        });
        return new Sparse(n, start, col, val);
    }

    /** Sorts entries [from, to) by column (columns in a row are distinct). */
    private static void sortRow(int[] col, double[] val, int from, int to, long[] keys, double[] vals) {
        int m = to - from;
        if (keys.length < m) { keys = new long[m]; vals = new double[m]; }
        for (int e = 0; e < m; e++) {
            keys[e] = (long) col[from + e] << 32 | e;
            vals[e] = val[from + e];
        }
        Arrays.sort(keys, 0, m);
        for (int e = 0; e < m; e++) {
            col[from + e] = (int) (keys[e] >>> 32);
            val[from + e] = vals[(int) keys[e]];
        }
    }

    /**
     * The gradient of KL(P‖Q) with P times an exaggeration, as
     * 4 (exaggeration Σ p q' (yᵢ − yⱼ) − Σ q'² (yᵢ − yⱼ) / Z), q' = 1 / (1 + |yᵢ − yⱼ|²), the
     * second sum and Z by Barnes-Hut. Holds its buffers and tree from one iteration to the next.
     */
    static final class Gradient {
        private final Sparse p;
        private final int n;
        private final QuadTree tree;
        private final double[] attr, rep, grad;
        private final double[][] attrPart;
        private double[] zPart = new double[16];
        /** Per row, its first stored column above the diagonal (rows are sorted by column for this). */
        private final int[] upper;
        /** The row where the attraction's two parts meet: as many stored pairs above the diagonal on each side. */
        private final int split;

        Gradient(Sparse p, int n, double theta) {
            this.p = p;
            this.n = n;
            this.tree = new QuadTree(n, theta);
            attr = new double[2 * n];
            attrPart = new double[][] {new double[2 * n], new double[2 * n]};
            rep = new double[2 * n];
            upper = new int[n];
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                int e = p.start()[i];
                while (e < p.start()[i + 1] && p.col()[e] <= i) e++;
                upper[i] = e;
                pairs += p.start()[i + 1] - e;
            }
            int s = 0;
            for (long seen = 0; s < n && 2 * seen < pairs; s++) seen += p.start()[s + 1] - upper[s];
            split = s;
            grad = new double[2 * n];
        }

        /** Z of the last {@link #compute}: Σ over ordered pairs i ≠ j of q', as the tree estimates it. */
        private double z;

        double z() { return z; }

        double[] compute(double[] y, double exaggeration, Cancellation cancel) {
            // the tree is built on this thread while the other workers start on the attraction
            Chunks.run(2, () -> tree.build(y), () -> part -> {
                cancel.check();
                attraction(y, part);
            });
            for (int k = 0; k < 2 * n; k++) attr[k] = attrPart[0][k] + attrPart[1][k];
            int tasks = tree.tasks();
            if (zPart.length < tasks) zPart = new double[tasks];
            double[] parts = zPart;
            Chunks.run(tasks, () -> {
                QuadTree.Work work = new QuadTree.Work();
                return c -> {
                    cancel.check();
                    parts[c] = tree.repulsion(c, c + 1, rep, work);
                };
            });
            double sum = 0;
            for (int c = 0; c < tasks; c++) sum += parts[c];
            z = Math.max(sum, Double.MIN_NORMAL);
            for (int k = 0; k < 2 * n; k++) grad[k] = 4 * (exaggeration * attr[k] - rep[k] / z);
            return grad;
        }

        /**
         * Part {@code part} (0 or 1) of the attraction, into its own buffer: each stored pair
         * i < j once, its force added to i and taken from j (P is symmetric), rows split between
         * the parts at {@link #split}.
         */
        private void attraction(double[] y, int part) {
            double[] f = attrPart[part];
            Arrays.fill(f, 0);
            int[] start = p.start(), col = p.col();
            double[] val = p.val();
            for (int i = part == 0 ? 0 : split, to = part == 0 ? split : n; i < to; i++) {
                double yi0 = y[2 * i], yi1 = y[2 * i + 1], f0 = 0, f1 = 0;
                for (int e = upper[i], end = start[i + 1]; e < end; e++) {
                    int j = col[e];
                    double d0 = yi0 - y[2 * j], d1 = yi1 - y[2 * j + 1];
                    double a = val[e] / (1 + d0 * d0 + d1 * d1), a0 = a * d0, a1 = a * d1;
                    f0 += a0;
                    f1 += a1;
                    f[2 * j] -= a0;
                    f[2 * j + 1] -= a1;
                }
                f[2 * i] += f0;
                f[2 * i + 1] += f1;
            }
        }
    }

    /**
     * A quadtree over the 2-D layout as flat arrays. Points are sorted by Morton code; a cell is a
     * run of that order. Per cell: centre of mass, point count, the squared largest side of its
     * points' bounding box over θ² (the cell stands for its points when that is below the squared
     * distance), the index of the cell after its subtree, and for a leaf its run of points.
     */
    static final class QuadTree {
        private static final int BITS = 16; // per axis: cells down to 1/65,536 of the layout's extent
        private static final int RADIX = 11;
        private final int n;
        private final double invTheta2;
        private long[] keys, swap;
        private final double[] px, py;
        private final int[] index;
        // per cell: cx, cy, count, criterion; next, first point, end (first = -1: not a leaf)
        private double[] cell;
        private int[] link;
        private int cells;
        private final double[] box = new double[4];
        private double[] nodeBox;
        private int[] taskIds = new int[16];
        private int taskCount;
        /** Points in a subtree a worker takes whole at most. */
        static final int TASK = 1024;

        QuadTree(int n, double theta) {
            this.n = n;
            this.invTheta2 = theta == 0 ? Double.POSITIVE_INFINITY : 1 / (theta * theta);
            keys = new long[n];
            swap = new long[n];
            px = new double[n];
            py = new double[n];
            index = new int[n];
            int capacity = Math.max(16, 2 * (n / LEAF + 1) * 2);
            cell = new double[4 * capacity];
            nodeBox = new double[4 * capacity];
            link = new int[3 * capacity];
        }

        void build(double[] y) {
            cells = 0;
            taskCount = 0;
            if (n == 0) return;
            double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
            for (int i = 0; i < n; i++) {
                double a = y[2 * i], b = y[2 * i + 1];
                if (a < minX) minX = a;
                if (a > maxX) maxX = a;
                if (b < minY) minY = b;
                if (b > maxY) maxY = b;
            }
            double size = Math.max(maxX - minX, maxY - minY);
            double scale = size > 0 ? ((1 << BITS) - 1) / size : 0;
            for (int i = 0; i < n; i++) {
                int ix = (int) Math.min((1 << BITS) - 1, Math.max(0, (y[2 * i] - minX) * scale));
                int iy = (int) Math.min((1 << BITS) - 1, Math.max(0, (y[2 * i + 1] - minY) * scale));
                keys[i] = (interleave(ix) << 1 | interleave(iy)) << 32 | i;
            }
            sort();
            for (int s = 0; s < n; s++) {
                int i = (int) keys[s];
                index[s] = i;
                px[s] = y[2 * i];
                py[s] = y[2 * i + 1];
            }
            build(0, n, 0, true);
        }

        /** The 16 bits of v spread to the even bits of a 32-bit value. */
        private static long interleave(int v) {
            long x = v & 0xFFFFL;
            x = (x | (x << 8)) & 0x00FF00FFL;
            x = (x | (x << 4)) & 0x0F0F0F0FL;
            x = (x | (x << 2)) & 0x33333333L;
            x = (x | (x << 1)) & 0x55555555L;
            return x;
        }

        /** Stable LSD radix sort of the keys by their upper 32 bits (the Morton code); ties stay in index order. */
        private void sort() {
            long[] a = keys, b = swap;
            int[] count = new int[1 << RADIX];
            for (int shift = 32; shift < 64; shift += RADIX) {
                Arrays.fill(count, 0);
                int mask = (1 << Math.min(RADIX, 64 - shift)) - 1;
                for (int i = 0; i < n; i++) count[(int) (a[i] >>> shift) & mask]++;
                for (int c = 0, sum = 0; c < count.length; c++) { int t = count[c]; count[c] = sum; sum += t; }
                for (int i = 0; i < n; i++) b[count[(int) (a[i] >>> shift) & mask]++] = a[i];
                long[] t = a; a = b; b = t;
            }
            keys = a;
            swap = b;
        }

        /** Cells for sorted points [lo, hi) at tree depth {@code level}, depth-first from cell {@code cells}. */
        private void build(int lo, int hi, int level, boolean parentLarge) {
            // levels where all the points fall in one quadrant add nothing: skip them
            while (level < BITS && hi - lo > LEAF && quadrant(lo, level) == quadrant(hi - 1, level)) level++;
            int id = cells++;
            ensure(cells);
            if (parentLarge && hi - lo <= TASK) {
                if (taskCount == taskIds.length) taskIds = Arrays.copyOf(taskIds, 2 * taskCount);
                taskIds[taskCount++] = id;
            }
            if (hi - lo <= LEAF || level >= BITS) {
                double sx = 0, sy = 0, x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
                for (int s = lo; s < hi; s++) {
                    double a = px[s], b = py[s];
                    sx += a;
                    sy += b;
                    if (a < x0) x0 = a;
                    if (a > x1) x1 = a;
                    if (b < y0) y0 = b;
                    if (b > y1) y1 = b;
                }
                int m = hi - lo;
                set(id, sx / m, sy / m, m, x0, y0, x1, y1);
                link[3 * id] = cells;
                link[3 * id + 1] = lo;
                link[3 * id + 2] = hi;
                return;
            }
            double sx = 0, sy = 0, x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
            int s = lo;
            while (s < hi) {
                int q = quadrant(s, level);
                int e = s + 1;
                int a = s + 1, b = hi; // first index in [s + 1, hi) in a later quadrant
                while (a < b) {
                    int mid = (a + b) >>> 1;
                    if (quadrant(mid, level) == q) a = mid + 1; else b = mid;
                }
                e = a;
                int child = cells;
                build(s, e, level + 1, hi - lo > TASK);
                double c = cell[4 * child + 2];
                sx += cell[4 * child] * c;
                sy += cell[4 * child + 1] * c;
                x0 = Math.min(x0, box[0]);
                y0 = Math.min(y0, box[1]);
                x1 = Math.max(x1, box[2]);
                y1 = Math.max(y1, box[3]);
                s = e;
            }
            int m = hi - lo;
            set(id, sx / m, sy / m, m, x0, y0, x1, y1);
            link[3 * id] = cells;
            link[3 * id + 1] = -1;
            link[3 * id + 2] = -1;
        }

        /** Writes cell id and leaves its points' bounding box in {@link #box} for the parent. */
        private void set(int id, double cx, double cy, int count, double x0, double y0, double x1, double y1) {
            double ext = Math.max(x1 - x0, y1 - y0);
            cell[4 * id] = cx;
            cell[4 * id + 1] = cy;
            cell[4 * id + 2] = count;
            cell[4 * id + 3] = ext > 0 ? ext * ext * invTheta2 : 0;
            nodeBox[4 * id] = x0;
            nodeBox[4 * id + 1] = y0;
            nodeBox[4 * id + 2] = x1;
            nodeBox[4 * id + 3] = y1;
            box[0] = x0;
            box[1] = y0;
            box[2] = x1;
            box[3] = y1;
        }

        private int quadrant(int s, int level) {
            return (int) (keys[s] >>> (32 + 2 * (BITS - 1 - level))) & 3;
        }

        private void ensure(int size) {
            if (4 * size > cell.length) {
                cell = Arrays.copyOf(cell, Math.max(4 * size, cell.length * 3 / 2));
                nodeBox = Arrays.copyOf(nodeBox, cell.length);
                link = Arrays.copyOf(link, Math.max(3 * size, link.length * 3 / 2));
            }
        }

        /** Subtrees the repulsion is shared out by, in depth-first order: the largest cells of at most {@value #TASK} points. */
        int tasks() {
            return taskCount;
        }

        /**
         * A worker's state while it walks: the cells and points every point of the current cell
         * feels (positions and counts, a stack: a cell adds to what its ancestors found), the cells
         * still to be decided for the current cell's children (a stack too).
         */
        static final class Work {
            float[] x = new float[1024], y = new float[1024], count = new float[1024];
            int size;
            int[] pend = new int[256];
            int pendSize;
            /** The origin of the list's positions: the centre of mass of the subtree being walked. */
            double ox, oy;

            void add(double px, double py, double c) {
                if (size + PAD >= x.length) {
                    int grown = 2 * x.length;
                    x = Arrays.copyOf(x, grown);
                    y = Arrays.copyOf(y, grown);
                    count = Arrays.copyOf(count, grown);
                }
                x[size] = (float) (px - ox);
                y[size] = (float) (py - oy);
                count[size++] = (float) c;
            }

            void push(int node) {
                if (pendSize == pend.length) pend = Arrays.copyOf(pend, 2 * pendSize);
                pend[pendSize++] = node;
            }

            /** Lists are padded with empty entries to a multiple of this (the kernel takes entries in pairs). */
            static final int PAD = 2;
        }

        /**
         * For the points of tasks [from, to): Σ q'² (yᵢ − yⱼ) into {@code rep} at the point's own
         * index; returns Σ q' over those points and every other point.
         */
        double repulsion(int from, int to, double[] rep, Work w) {
            double z = 0;
            for (int t = from; t < to; t++) {
                w.size = 0;
                w.pendSize = 0;
                w.ox = cell[4 * taskIds[t]];
                w.oy = cell[4 * taskIds[t] + 1];
                w.push(0);
                z += descend(taskIds[t], 0, 1, rep, w);
            }
            return z;
        }

        /**
         * Cell g, with the cells [pFrom, pTo) of the pending stack still to decide for it (what its
         * ancestors found far enough is on the list already). A pending cell far enough from g's
         * bounding box (θ criterion at the box's nearest spot, so for each of its points) joins the
         * list; one not far enough is opened when it is larger than g, else left to g's children;
         * at a leaf everything is decided, down to single points. At a leaf every point sums over
         * the list, its own entry included (q' = 1, no force), and takes 1 off Z for it.
         */
        private double descend(int g, int pFrom, int pTo, double[] rep, Work w) {
            int farMark = w.size;
            boolean leaf = link[3 * g + 1] >= 0;
            for (int a = pFrom; a < pTo; a++) check(w.pend[a], g, leaf, w);
            double z = 0;
            if (leaf) {
                while (w.size % Work.PAD != 0) w.add(0, 0, 0); // empty entries: count 0 adds nothing
                int len = w.size;
                for (int s = link[3 * g + 1], end = link[3 * g + 2]; s < end; s++) {
                    z += kernel(w, len, (float) (px[s] - w.ox), (float) (py[s] - w.oy), rep, index[s]) - 1.0; // itself: q' = 1 at distance 0
                }
            } else {
                int childFrom = pTo, childTo = w.pendSize;
                for (int c = g + 1, end = link[3 * g]; c < end; c = link[3 * c]) z += descend(c, childFrom, childTo, rep, w);
            }
            w.size = farMark;
            w.pendSize = pTo;
            return z;
        }

        /** Decides cell nd for cell g (see {@link #descend}). */
        private void check(int nd, int g, boolean leaf, Work w) {
            int o = 4 * nd;
            double cx = cell[o], cy = cell[o + 1];
            double dx = cx < nodeBox[4 * g] ? nodeBox[4 * g] - cx : cx > nodeBox[4 * g + 2] ? cx - nodeBox[4 * g + 2] : 0;
            double dy = cy < nodeBox[4 * g + 1] ? nodeBox[4 * g + 1] - cy : cy > nodeBox[4 * g + 3] ? cy - nodeBox[4 * g + 3] : 0;
            if (cell[o + 3] < dx * dx + dy * dy) {
                w.add(cx, cy, cell[o + 2]);
                return;
            }
            int first = link[3 * nd + 1];
            if (first >= 0 && leaf) {
                for (int t = first, end = link[3 * nd + 2]; t < end; t++) w.add(px[t], py[t], 1);
            } else if (first >= 0 || (!leaf && cell[o + 3] <= cell[4 * g + 3])) {
                w.push(nd);
            } else {
                for (int c = nd + 1, end = link[3 * nd]; c < end; c = link[3 * c]) check(c, g, leaf, w);
            }
        }

        /**
         * Σ over the list of count·q' (returned), and count·q'²·(p − entry) into rep[2i], rep[2i + 1],
         * for the point (x, y) relative to the list's origin, in float: entries in pairs, each
         * into its own partial sums (two shorter chains of additions), added at the end.
         */
        private static double kernel(Work w, int len, float x, float y, double[] rep, int i) {
            float[] lx = w.x, ly = w.y, lc = w.count;
            float z0 = 0, z1 = 0, x0 = 0, x1 = 0, y0 = 0, y1 = 0;
            for (int e = 0; e < len; e += 2) { // len is even: two interleaved sums halve the add latency chains
                float ex = x - lx[e], ey = y - ly[e];
                float q = 1f / (1f + ex * ex + ey * ey), cq = lc[e] * q, f = cq * q;
                float ex1 = x - lx[e + 1], ey1 = y - ly[e + 1];
                float q1 = 1f / (1f + ex1 * ex1 + ey1 * ey1), cq1 = lc[e + 1] * q1, f1 = cq1 * q1;
                z0 += cq;
                x0 += f * ex;
                y0 += f * ey;
                z1 += cq1;
                x1 += f1 * ex1;
                y1 += f1 * ey1;
            }
            float z = z0 + z1, fx = x0 + x1, fy = y0 + y1;
            rep[2 * i] = fx;
            rep[2 * i + 1] = fy;
            return z;
        }
    }
}
