package io.github.latentlab.projection;

import java.util.SplittableRandom;

import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.SharedModel;

/**
 * Where {@link #COPIES} noisy copies of one image land on the latent map, around the clean
 * image's point: a model that denoises well keeps the cloud tight and near the image's class.
 * For a VAE also the outline of its posterior N(μ, σ²) for the clean image as seen on the map.
 *
 * @param clean       the clean image's map position
 * @param noisy       the copies' map positions
 * @param sameClass   how many copies' nearest real code on the map is of the clean image's class
 * @param spread      mean latent distance of the copies from the clean code, in typical gaps between codes
 * @param posterior   for a VAE, a closed outline of μ ± σ on the map; otherwise null
 */
public record NoiseTrail(double[] clean, double[][] noisy, int sameClass, double spread, double[][] posterior) {
    public static final int COPIES = 50;
    /** Codes drawn from the VAE posterior to find its outline on a non-linear map. */
    static final int POSTERIOR_SAMPLES = 200;

    /**
     * Encodes the copies with the map's own model (so the trail and the map agree) and places
     * them on it. {@code seed} fixes the copies' noise, so the same slider value gives the same trail.
     */
    public static NoiseTrail of(LatentMap map, float[] image, int label, NoiseSpec noise, long seed) {
        Autoencoder model = map.model();
        float[][] inputs = new float[COPIES + 1][];
        inputs[0] = image;
        for (int k = 1; k <= COPIES; k++) inputs[k] = noise.kind().apply(image, map.data().side(), noise.level(), seed + 7919L * k);
        float[][] codes;
        float[] sigma = null;
        codes = model.encode(inputs);
        sigma = SharedModel.of(model).encodeSigma(new float[][] {image}).map(rows -> rows[0]).orElse(null);
        double[] clean = map.place(codes[0]);
        double[] cleanCode = LatentMath.toDouble(codes[0]);
        double[][] noisy = new double[COPIES][];
        int same = 0;
        double spread = 0;
        for (int k = 0; k < COPIES; k++) {
            double[] c = LatentMath.toDouble(codes[k + 1]);
            noisy[k] = map.inverse().place(c);
            if (map.labels()[map.inverse().nearestCode(c)] == label) same++;
            spread += map.inverse().distanceInGaps(c, cleanCode);
        }
        double[][] outline = sigma == null ? null : posteriorOutline(map, codes[0], sigma, seed);
        return new NoiseTrail(clean, noisy, same, spread / COPIES, outline);
    }

    /**
     * The 1-σ ellipse of codes drawn from N(μ, σ²) after placing them on the map: exact for
     * linear maps (identity, PCA), the best Gaussian summary of the placed cloud for t-SNE/UMAP.
     */
    static double[][] posteriorOutline(LatentMap map, float[] mu, float[] sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] p = new double[POSTERIOR_SAMPLES][];
        double mx = 0, my = 0;
        for (int s = 0; s < p.length; s++) {
            float[] z = new float[mu.length];
            for (int j = 0; j < z.length; j++) z[j] = (float) (mu[j] + sigma[j] * rnd.nextGaussian());
            p[s] = map.place(z);
            mx += p[s][0];
            my += p[s][1];
        }
        mx /= p.length;
        my /= p.length;
        double sxx = 0, syy = 0, sxy = 0;
        for (double[] q : p) {
            sxx += (q[0] - mx) * (q[0] - mx);
            syy += (q[1] - my) * (q[1] - my);
            sxy += (q[0] - mx) * (q[1] - my);
        }
        sxx /= p.length - 1;
        syy /= p.length - 1;
        sxy /= p.length - 1;
        return ellipse(mx, my, sxx, syy, sxy, 72);
    }

    /** Points on the 1-σ ellipse of the 2×2 covariance [[sxx, sxy], [sxy, syy]] around (cx, cy). */
    static double[][] ellipse(double cx, double cy, double sxx, double syy, double sxy, int n) {
        double tr = sxx + syy, det = sxx * syy - sxy * sxy;
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
        double angle = Math.abs(sxy) < 1e-15 ? (sxx >= syy ? 0 : Math.PI / 2) : Math.atan2(l1 - sxx, sxy);
        double a = Math.sqrt(l1), b = Math.sqrt(l2), ca = Math.cos(angle), sa = Math.sin(angle);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n, u = a * Math.cos(t), v = b * Math.sin(t);
            out[i] = new double[] {cx + u * ca - v * sa, cy + u * sa + v * ca};
        }
        return out;
    }
}
