package io.github.latentlab.projection;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * A latent map ready to draw and to decode from: the codes of some images of a dataset under a
 * model, their 2-D layout and the inverse map from the plane back to codes. A core type, so the
 * panes that draw on a map (latent, noise trails, drawing) share it without depending on each
 * other. Arrays are not copied: a map is immutable by convention once made. {@code model} is null
 * for stored codes whose model was not kept (a training timeline's epoch): such a map draws,
 * places and finds neighbours, but does not decode ({@link #decodes()}).
 */
public record LatentMap(Embedding embedding, int[] labels, List<String> classNames, Autoencoder model,
                        InverseMap inverse, float[][] codes, Dataset data, MapImages source) {
    /** Beyond this many typical gaps from the nearest real code, a point is "off the data". */
    public static final double OFF_DATA = 2.0;

    /** Whether this map can decode: it has its model. Without, the decoding methods throw {@link Problems.BadState}. */
    public boolean decodes() { return model != null; }

    private Autoencoder decoder() {
        if (model == null) throw new Problems.BadState(Message.of("map.noDecoder"));
        return model;
    }

    /** Where a new code lands on this map (see {@link InverseMap#place}). */
    public double[] place(float[] code) {
        return inverse.place(LatentMath.toDouble(code));
    }

    /** How far a new code is from this map's codes, in typical gaps between them. */
    public double offData(float[] code) {
        return inverse.offData(LatentMath.toDouble(code));
    }

    /** The image decoded at a map point, how far it is from real data, and for a VAE how likely under its prior. */
    public record Decoded(double x, double y, float[] image, double offData, double priorTail) { }

    /** The k nearest images of the selected one, by latent code and by raw pixels. */
    public record Neighbours(int selected, int[] byCode, int[] byPixels, float[][] codeImages, float[][] pixelImages) { }

    /** A decoded grid over a 2-D latent space: images row-major, top row at the highest z₂. */
    public record Grid(float[][] images, int res, double x0, double x1, double y0, double y1) { }

    /**
     * Decodes the code at map point (x, y). {@code offData} is in typical gaps between codes; for a
     * VAE {@code priorTail} is the chance that a code drawn from its prior N(0, I) lies at least
     * this far from the centre (NaN for other models).
     */
    public Decoded decodeAt(double x, double y) {
        Autoencoder decoder = decoder();
        InverseMap.Result r = inverse.at(x, y);
        float[] z = new float[r.code().length];
        for (int j = 0; j < z.length; j++) z[j] = (float) r.code()[j];
        float[] image = decoder.decode(new float[][] {z})[0];
        return new Decoded(x, y, image, r.offData(), LatentMath.priorTail(decoder, r.code()));
    }

    /** The row of the image whose point is nearest to (x, y). */
    public int nearest(double x, double y) {
        double[][] xy = embedding.xy();
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            double d = (xy[i][0] - x) * (xy[i][0] - x) + (xy[i][1] - y) * (xy[i][1] - y);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The {@code k} images nearest to image {@code row}, by code and by pixels (for "does the code see what we see?"). */
    public Neighbours neighbours(int row, int k) {
        int n = codes.length;
        float[] q = codes[row];
        int p = data.pixelCount();
        float[] px = data.pixels();
        double[] byCode = new double[n];
        double[] byPixels = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                double t = codes[i][j] - q[j];
                s += t * t;
            }
            byCode[i] = i == row ? Double.POSITIVE_INFINITY : s;
            double s2 = 0;
            for (int j = 0; j < p; j++) {
                double t = px[i * p + j] - px[row * p + j];
                s2 += t * t;
            }
            byPixels[i] = i == row ? Double.POSITIVE_INFINITY : s2;
        }
        int[] c = smallest(byCode, k);
        int[] pix = smallest(byPixels, k);
        return new Neighbours(row, c, pix, data.images(c), data.images(pix));
    }

    private static int[] smallest(double[] values, int k) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** [dimension] → {min, max} of the codes. */
    public double[][] ranges() {
        int d = codes.length == 0 ? 0 : codes[0].length;
        double[][] r = new double[d][];
        for (int j = 0; j < d; j++) r[j] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (float[] c : codes) {
            for (int j = 0; j < d; j++) {
                r[j][0] = Math.min(r[j][0], c[j]);
                r[j][1] = Math.max(r[j][1], c[j]);
            }
        }
        return r;
    }

    /**
     * Per-dimension histograms of the codes, {@code bins} bins between each dimension's min and
     * max ({@link #ranges()}): a dimension stuck at one value has collapsed. [dimension][bin] counts.
     */
    public int[][] histograms(int bins) {
        double[][] r = ranges();
        int[][] h = new int[r.length][bins];
        for (float[] c : codes) {
            for (int j = 0; j < r.length; j++) {
                double span = r[j][1] - r[j][0];
                int b = span <= 0 ? 0 : (int) Math.min(bins - 1, (c[j] - r[j][0]) / span * bins);
                h[j][b]++;
            }
        }
        return h;
    }

    /** Whether this map shows a 2-D code as itself (so a grid of decodes can be laid under it). */
    public boolean showsCodeItself() { return "identity".equals(embedding.method()); }

    /**
     * Decodes a {@code res}×{@code res} grid over the codes' range widened by {@code spread}
     * (1 = exactly the data's extent); only for a 2-D code shown as itself.
     */
    public Grid grid(int res, double spread) {
        if (!showsCodeItself()) throw new IllegalStateException("a decoded grid needs a 2-D code shown as itself");
        Autoencoder decoder = decoder();
        double[][] r = ranges();
        double cx = (r[0][0] + r[0][1]) / 2;
        double cy = (r[1][0] + r[1][1]) / 2;
        double hx = (r[0][1] - r[0][0]) / 2 * spread;
        double hy = (r[1][1] - r[1][0]) / 2 * spread;
        float[][] z = new float[res * res][];
        for (int row = 0; row < res; row++) {
            for (int col = 0; col < res; col++) {
                double x = cx - hx + (col + 0.5) * 2 * hx / res;
                double y = cy + hy - (row + 0.5) * 2 * hy / res;
                z[row * res + col] = new float[] {(float) x, (float) y};
            }
        }
        return new Grid(decoder.decode(z), res, cx - hx, cx + hx, cy - hy, cy + hy);
    }

    /** Where the steps from image {@code from}'s code to image {@code to}'s lie on this map (the path of {@link #interpolate}). */
    public double[][] interpolationPath(int from, int to, int steps, boolean spherical) {
        float[][] z = LatentMath.interpolate(codes[from], codes[to], steps, spherical);
        double[][] path = new double[z.length][];
        for (int i = 0; i < z.length; i++) path[i] = place(z[i]);
        return path;
    }

    /** Decoded steps from image {@code from}'s code to image {@code to}'s, along a line or a great circle. */
    public float[][] interpolate(int from, int to, int steps, boolean spherical) {
        return decoder().decode(LatentMath.interpolate(codes[from], codes[to], steps, spherical));
    }

    /**
     * Decodes {@code n} random codes: from a VAE's prior N(0, I), else from a Gaussian fitted to
     * the codes (a plain autoencoder has no prior, and its samples are mostly unreadable).
     */
    public float[][] sample(int n, long seed) {
        Autoencoder decoder = decoder();
        float[][] z = decoder.spec().kind() == ModelKind.VAE
                ? LatentMath.sampleStandard(codes[0].length, n, seed)
                : LatentMath.sampleFitted(codes, n, seed);
        return decoder.decode(z);
    }
}
