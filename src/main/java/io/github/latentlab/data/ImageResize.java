package io.github.latentlab.data;

/**
 * Resizes greyscale images held as row-major float arrays.
 *
 * <p>The filter is a triangle (bilinear) whose width grows with the shrink factor, so enlarging
 * is plain bilinear interpolation and shrinking averages every source pixel under the target
 * pixel instead of skipping most of them (which would make thin strokes vanish or alias).
 */
final class ImageResize {
    private ImageResize() { }

    /** Scales {@code src} ({@code w} x {@code h}) to {@code outW} x {@code outH}. */
    static float[] resize(float[] src, int w, int h, int outW, int outH) {
        if (w == outW && h == outH) return src.clone();
        Kernel kx = Kernel.of(w, outW);
        Kernel ky = Kernel.of(h, outH);
        float[] rows = new float[outW * h];
        for (int y = 0; y < h; y++) {
            kx.apply(src, y * w, 1, rows, y * outW, 1);
        }
        float[] out = new float[outW * outH];
        for (int x = 0; x < outW; x++) {
            ky.apply(rows, x, outW, out, x, outW);
        }
        return out;
    }

    /**
     * Scales {@code src} so that its longer side becomes {@code side}, keeping the aspect ratio,
     * and centres it on a black {@code side} x {@code side} canvas.
     */
    static float[] fitCentered(float[] src, int w, int h, int side) {
        double scale = (double) side / Math.max(w, h);
        int nw = Math.max(1, Math.min(side, (int) Math.round(w * scale)));
        int nh = Math.max(1, Math.min(side, (int) Math.round(h * scale)));
        float[] scaled = resize(src, w, h, nw, nh);
        if (nw == side && nh == side) return scaled;
        float[] out = new float[side * side];
        int x0 = (side - nw) / 2;
        int y0 = (side - nh) / 2;
        for (int y = 0; y < nh; y++) {
            System.arraycopy(scaled, y * nw, out, (y0 + y) * side + x0, nw);
        }
        return out;
    }

    /** Precomputed 1-D weights: output sample o reads {@code count[o]} inputs from {@code first[o]}. */
    private record Kernel(int[] first, int[] count, float[][] weights) {
        static Kernel of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(scale, 1.0);
            int[] first = new int[out];
            int[] count = new int[out];
            float[][] weights = new float[out][];
            for (int o = 0; o < out; o++) {
                double centre = (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in - 1, (int) Math.ceil(centre + support));
                float[] wts = new float[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double t = Math.abs(i + 0.5 - centre) / support;
                    double wt = Math.max(0, 1 - t);
                    wts[i - lo] = (float) wt;
                    sum += wt;
                }
                if (sum == 0) { // cannot happen for in >= 1, but never divide by zero
                    wts = new float[] {1f};
                    lo = Math.min(in - 1, (int) centre);
                    sum = 1;
                }
                for (int k = 0; k < wts.length; k++) wts[k] /= (float) sum;
                first[o] = lo;
                count[o] = wts.length;
                weights[o] = wts;
            }
            return new Kernel(first, count, weights);
        }

        void apply(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
            for (int o = 0; o < first.length; o++) {
                float[] wts = weights[o];
                int s = srcStart + first[o] * srcStride;
                float acc = 0;
                for (int k = 0; k < count[o]; k++, s += srcStride) acc += wts[k] * src[s];
                dst[dstStart + o * dstStride] = acc;
            }
        }
    }
}
