package io.github.latentlab.projection;

import java.util.Locale;
import java.util.function.Consumer;

import smile.feature.extraction.PCA;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * Principal components of the codes: the plane of the two largest variances (or any two
 * components). Linear and exactly invertible on that plane ({@link #inverse}).
 */
public final class PcaProjector implements Projector {
    private final int first;
    private final int second;
    private double[] center;
    private double[][] loadings; // [dimension][component]
    private double[] varianceProportion;

    /** Components are numbered from 0; PCA(0, 1) is the usual view. */
    public PcaProjector(int first, int second) {
        if (first < 0 || second < 0 || first == second) {
            throw new IllegalArgumentException("two different components needed, got " + first + " and " + second);
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public Embedding fit(float[][] codes, Progress progress, Cancellation cancel, Consumer<Embedding> partial) {
        double[][] x = Knn.toDouble(codes);
        int d = x[0].length;
        if (Math.max(first, second) >= d) {
            throw new IllegalArgumentException("component " + Math.max(first, second) + " asked of a " + d + "-D code");
        }
        PCA pca = PCA.fit(x);
        center = pca.center();
        loadings = pca.loadings().toArray();
        varianceProportion = pca.varianceProportion();
        double[][] xy = new double[x.length][];
        for (int i = 0; i < x.length; i++) xy[i] = project(x[i]);
        progress.update(1, Message.of("progress.pca.done"));
        return new Embedding("pca", xy, x.length, Message.of("map.note.pca",
                first + 1, second + 1, 100 * (varianceProportion[first] + varianceProportion[second])),
                Message.of("map.axis.pca", first + 1, 100 * varianceProportion[first]),
                Message.of("map.axis.pca", second + 1, 100 * varianceProportion[second]));
    }

    double[] project(double[] code) {
        double a = 0, b = 0;
        for (int j = 0; j < code.length; j++) {
            double c = code[j] - center[j];
            a += c * loadings[j][first];
            b += c * loadings[j][second];
        }
        return new double[] {a, b};
    }

    /**
     * The code at map point (a, b): the centre plus a and b along the two components, with the
     * other components taken from {@code rest} (e.g. the nearest data point's code; null: the mean).
     */
    public double[] inverse(double a, double b, double[] rest) {
        int d = center.length;
        double[] z = center.clone();
        for (int comp = 0; comp < d; comp++) {
            double coef;
            if (comp == first) coef = a;
            else if (comp == second) coef = b;
            else if (rest == null) coef = 0;
            else {
                coef = 0;
                for (int j = 0; j < d; j++) coef += (rest[j] - center[j]) * loadings[j][comp];
            }
            for (int j = 0; j < d; j++) z[j] += coef * loadings[j][comp];
        }
        return z;
    }

    /** Share of the codes' variance along each component, largest first. */
    public double[] varianceProportion() { return varianceProportion.clone(); }
}
