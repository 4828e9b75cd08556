package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.function.IntConsumer;

import io.github.latentlab.util.Cancellation;

/**
 * Exact k nearest neighbours of every row among all rows, by squared Euclidean distance: a
 * brute-force search laid out for the CPU's vector units, with the work a kd-tree order saves.
 *
 * <p>The rows are first put in kd-tree order (split at the median of the widest coordinate down
 * to {@value #TILE} rows), so that rows close in the order are close in space. They are then
 * stored column by column in tiles of {@value #TILE}, each with its centroid and radius. A block
 * of {@value #BLOCK} consecutive query rows visits the tiles nearest first; each query keeps its k
 * best in a max-heap, and a tile is skipped when the triangle inequality puts all of it beyond
 * every query's k-th best. Distances to a tile are computed four coordinates per pass in float, as
 * plain element-wise array arithmetic the JIT turns into SIMD instructions. Nearest tiles first
 * make the k-th best small early, so few rows enter a heap and far tiles are skipped.
 *
 * <p>The answer is the k smallest (float distance, index) pairs, whatever the visiting order;
 * each row's answer depends on that row alone, so the result does not depend on the threads
 * ({@link Chunks}). Float distances rank neighbours as double ones do but for near ties (relative
 * differences of about 1e-7); the callers recompute the distances they use in double.
 */
final class NeighbourSearch {
    static final int TILE = 128;
    static final int BLOCK = 16;
    /** Coordinates of the padding columns in the last tile: far from every code, so never a neighbour. */
    private static final float FAR = 1e15f;
    /** Float distances may be off by a few ulps: a tile is skipped only when clearly beyond. */
    private static final double SKIP_MARGIN = 1 + 1e-4;

    private NeighbourSearch() { }

    /**
     * Row i's k nearest other rows, nearest first (ties: the lower index first), as
     * {@code out[i * k .. i * k + k)}; k is at most n − 1.
     */
    static int[] nearest(double[][] x, int k, Cancellation cancel) {
        int n = x.length;
        if (k < 0 || k > n - 1) throw new IllegalArgumentException(k + " neighbours among " + n + " rows");
        int[] out = new int[n * k];
        if (k == 0) return out;
        int dim = x[0].length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        kdOrder(x, order, 0, n, dim);
        int tiles = (n + TILE - 1) / TILE;
        float[][][] cols = new float[tiles][dim][TILE];
        double[][] centre = new double[tiles][];
        double[] radius = new double[tiles];
        double[][] lo = new double[tiles][], hi = new double[tiles][];
        for (int t = 0; t < tiles; t++) {
            int from = t * TILE, to = Math.min(n, from + TILE);
            for (int c = 0; c < TILE; c++) {
                int s = from + c;
                for (int d = 0; d < dim; d++) cols[t][d][c] = s < to ? (float) x[order[s]][d] : FAR;
            }
            centre[t] = centroid(x, order, from, to);
            radius[t] = radius(x, order, from, to, centre[t]);
            lo[t] = new double[dim];
            hi[t] = new double[dim];
            box(x, order, from, to, lo[t], hi[t]);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        Chunks.run(blocks, () -> new Worker(x, order, cols, centre, radius, lo, hi, k, out, cancel));
        return out;
    }

    private static double[] centroid(double[][] x, int[] order, int from, int to) {
        double[] c = new double[x[0].length];
        for (int s = from; s < to; s++) for (int d = 0; d < c.length; d++) c[d] += x[order[s]][d];
        for (int d = 0; d < c.length; d++) c[d] /= to - from;
        return c;
    }

    /** The bounding box of rows order[from, to), into lo and hi. */
    private static void box(double[][] x, int[] order, int from, int to, double[] lo, double[] hi) {
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int s = from; s < to; s++) {
            double[] r = x[order[s]];
            for (int d = 0; d < lo.length; d++) {
                lo[d] = Math.min(lo[d], r[d]);
                hi[d] = Math.max(hi[d], r[d]);
            }
        }
    }

    /** The squared distance from point q to the box [lo, hi]: no row of the box is nearer. */
    private static double gap2(double[] q, double[] lo, double[] hi) {
        double s = 0;
        for (int d = 0; d < q.length; d++) {
            double g = q[d] < lo[d] ? lo[d] - q[d] : q[d] > hi[d] ? q[d] - hi[d] : 0;
            s += g * g;
        }
        return s;
    }

    /** The squared distance between boxes [alo, ahi] and [blo, bhi]. */
    private static double gap2(double[] alo, double[] ahi, double[] blo, double[] bhi) {
        double s = 0;
        for (int d = 0; d < alo.length; d++) {
            double g = ahi[d] < blo[d] ? blo[d] - ahi[d] : bhi[d] < alo[d] ? alo[d] - bhi[d] : 0;
            s += g * g;
        }
        return s;
    }

    private static double radius(double[][] x, int[] order, int from, int to, double[] centre) {
        double r = 0;
        for (int s = from; s < to; s++) r = Math.max(r, Knn.dist2(x[order[s]], centre));
        return Math.sqrt(r);
    }

    /** Puts order[from, to) in kd-tree order: halves at the median of the widest coordinate, recursively. */
    static void kdOrder(double[][] x, int[] order, int from, int to, int dim) {
        if (to - from <= TILE) return;
        int widest = 0;
        double best = -1;
        for (int d = 0; d < dim; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int s = from; s < to; s++) {
                double v = x[order[s]][d];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            if (hi - lo > best) { best = hi - lo; widest = d; }
        }
        int mid = (from + to) >>> 1;
        select(x, order, from, to - 1, mid, widest);
        kdOrder(x, order, from, mid, dim);
        kdOrder(x, order, mid, to, dim);
    }

    /** Quickselect: order[m] gets the row of rank m − lo by coordinate d (then index) in order[lo, hi]. */
    private static void select(double[][] x, int[] order, int lo, int hi, int m, int d) {
        while (hi > lo) {
            int a = order[lo], b = order[(lo + hi) >>> 1], c = order[hi];
            int pivot = less(x, a, b, d) ? (less(x, b, c, d) ? b : less(x, a, c, d) ? c : a)
                                         : (less(x, a, c, d) ? a : less(x, b, c, d) ? c : b);
            int i = lo, j = hi;
            while (i <= j) {
                while (less(x, order[i], pivot, d)) i++;
                while (less(x, pivot, order[j], d)) j--;
                if (i <= j) {
                    int t = order[i]; order[i] = order[j]; order[j] = t;
                    i++;
                    j--;
                }
            }
            if (m <= j) hi = j;
            else if (m >= i) lo = i;
            else return;
        }
    }

    private static boolean less(double[][] x, int a, int b, int d) {
        double va = x[a][d], vb = x[b][d];
        return va < vb || (va == vb && a < b);
    }

    private static final class Worker implements IntConsumer {
        private final double[][] x;
        private final int[] order;
        private final float[][][] cols;
        private final double[][] centre;
        private final double[] radius;
        private final double[][] lo, hi;
        private final double[] blockLo, blockHi;
        private final int n, dim, k;
        private final int[] out;
        private final Cancellation cancel;
        private final float[] acc = new float[TILE];
        private final float[][] heapD;
        private final int[][] heapI;
        private final float[] q;
        private final double[] tileDist;
        private final long[] tileOrder;

        Worker(double[][] x, int[] order, float[][][] cols, double[][] centre, double[] radius, double[][] lo,
               double[][] hi, int k, int[] out, Cancellation cancel) {
            this.lo = lo;
            this.hi = hi;
            this.x = x;
            this.order = order;
            this.cols = cols;
            this.centre = centre;
            this.radius = radius;
            this.n = x.length;
            this.dim = x[0].length;
            this.k = k;
            this.out = out;
            this.cancel = cancel;
            heapD = new float[BLOCK][k];
            heapI = new int[BLOCK][k];
            q = new float[dim];
            tileDist = new double[cols.length];
            tileOrder = new long[cols.length];
            blockLo = new double[dim];
            blockHi = new double[dim];
        }

        @Override
        public void accept(int block) {
            cancel.check();
            int from = block * BLOCK, to = Math.min(n, from + BLOCK), size = to - from;
            for (int b = 0; b < size; b++) {
                Arrays.fill(heapD[b], Float.POSITIVE_INFINITY);
                Arrays.fill(heapI[b], Integer.MAX_VALUE);
            }
            double[] c = centroid(x, order, from, to);
            double r = radius(x, order, from, to, c);
            box(x, order, from, to, blockLo, blockHi);
            for (int t = 0; t < cols.length; t++) {
                tileDist[t] = Math.sqrt(Knn.dist2(c, centre[t]));
                // nearest first (the order only decides how soon tiles can be skipped, not the answer)
                tileOrder[t] = (long) Float.floatToIntBits((float) tileDist[t]) << 32 | t;
            }
            Arrays.sort(tileOrder);
            for (int ti = 0; ti < cols.length; ti++) {
                int t = (int) tileOrder[ti];
                float worst = 0;
                for (int b = 0; b < size; b++) worst = Math.max(worst, heapD[b][0]);
                double gap = tileDist[t] - r - radius[t];
                if (gap > 0 && gap * gap > worst * SKIP_MARGIN) continue; // no row of the tile is near enough for any query
                if (gap2(blockLo, blockHi, lo[t], hi[t]) > worst * SKIP_MARGIN) continue;
                float[][] tile = cols[t];
                int base = t * TILE;
                for (int b = 0; b < size; b++) {
                    int i = order[from + b];
                    if (gap2(x[i], lo[t], hi[t]) > heapD[b][0] * SKIP_MARGIN) continue; // the box is beyond this query's k-th
                    for (int d = 0; d < dim; d++) q[d] = (float) x[i][d];
                    distances(tile);
                    select(heapD[b], heapI[b], base, i);
                }
            }
            for (int b = 0; b < size; b++) {
                int i = order[from + b];
                sortHeap(heapD[b], heapI[b]);
                System.arraycopy(heapI[b], 0, out, i * k, k);
            }
        }

        /** acc[c] = |q − column c|², four coordinates per pass. */
        private void distances(float[][] tile) {
            float[] a = acc;
            int d = 0;
            if (dim >= 4) {
                float q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
                float[] c0 = tile[0], c1 = tile[1], c2 = tile[2], c3 = tile[3];
                for (int c = 0; c < TILE; c++) {
                    float e0 = q0 - c0[c], e1 = q1 - c1[c], e2 = q2 - c2[c], e3 = q3 - c3[c];
                    a[c] = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
                }
                d = 4;
            } else {
                Arrays.fill(a, 0f);
            }
            for (; d + 3 < dim; d += 4) {
                float q0 = q[d], q1 = q[d + 1], q2 = q[d + 2], q3 = q[d + 3];
                float[] c0 = tile[d], c1 = tile[d + 1], c2 = tile[d + 2], c3 = tile[d + 3];
                for (int c = 0; c < TILE; c++) {
                    float e0 = q0 - c0[c], e1 = q1 - c1[c], e2 = q2 - c2[c], e3 = q3 - c3[c];
                    a[c] += e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
                }
            }
            for (; d < dim; d++) {
                float q0 = q[d];
                float[] c0 = tile[d];
                for (int c = 0; c < TILE; c++) {
                    float e0 = q0 - c0[c];
                    a[c] += e0 * e0;
                }
            }
        }

        /** Offers the tile's rows to query i's heap (itself and the padding excluded). */
        private void select(float[] hd, int[] hi, int base, int i) {
            float[] a = acc;
            float worst = hd[0];
            int count = Math.min(TILE, n - base);
            for (int c = 0; c < count; c++) {
                float v = a[c];
                if (v <= worst) {
                    int j = order[base + c];
                    if (j == i || !worse(worst, hi[0], v, j)) continue;
                    siftDown(hd, hi, v, j);
                    worst = hd[0];
                }
            }
        }
    }

    /** Replaces the heap's root (the worst kept) by (v, j) and restores the max-heap (by distance, then index). */
    private static void siftDown(float[] hd, int[] hi, float v, int j) {
        siftDown(hd, hi, hd.length, v, j);
    }

    /** As above, on the heap's first {@code size} entries. */
    private static void siftDown(float[] hd, int[] hi, int size, float v, int j) {
        int p = 0;
        while (true) {
            int c = 2 * p + 1;
            if (c >= size) break;
            if (c + 1 < size && worse(hd[c + 1], hi[c + 1], hd[c], hi[c])) c++;
            if (!worse(hd[c], hi[c], v, j)) break;
            hd[p] = hd[c];
            hi[p] = hi[c];
            p = c;
        }
        hd[p] = v;
        hi[p] = j;
    }

    private static boolean worse(float da, int ia, float db, int ib) {
        return da > db || (da == db && ia > ib);
    }

    /** Heap order to ascending (distance, index), in place: heapsort's second half. */
    private static void sortHeap(float[] hd, int[] hi) {
        for (int end = hd.length - 1; end > 0; end--) {
            float v = hd[end];
            int j = hi[end];
            hd[end] = hd[0];
            hi[end] = hi[0];
            siftDown(hd, hi, end, v, j);
        }
    }
}
