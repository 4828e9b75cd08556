package io.github.latentlab.model;

import java.util.ArrayList;
import java.util.List;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;

/**
 * Denoising quality against noise level: at evenly spaced levels of one noise kind, from none to
 * its maximum, the PSNR of the noisy inputs and of a model's reconstructions of them (and of a
 * second model's, to compare two runs), over the same seeded noise on the same test images.
 */
public final class DenoisingCurve {
    private DenoisingCurve() { }

    /** One level: {@code otherPsnr} is the second model's (NaN without one). */
    public record Point(double level, double noisyPsnr, double denoisedPsnr, double otherPsnr) { }

    /**
     * {@code steps} levels over the first {@code images} test images; {@code other} may be null.
     * Both models must be safe to use from this thread (view copies).
     */
    public static List<Point> of(Autoencoder model, Autoencoder other, Dataset test, NoiseKind kind, int steps,
                                 int images, long seed) {
        if (other != null && other.inputSize() != test.pixelCount()) {
            throw new IllegalArgumentException("the compared model was trained on images of another size");
        }
        List<Point> points = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            double level = kind.maxLevel() * s / (steps - 1);
            NoiseSpec noise = new NoiseSpec(kind, level);
            DenoisingEvaluation e = DenoisingEvaluation.of(model, test, noise, seed, images);
            double otherPsnr = other == null ? Double.NaN : DenoisingEvaluation.of(other, test, noise, seed, images).denoisedPsnr();
            points.add(new Point(level, e.noisyPsnr(), e.denoisedPsnr(), otherPsnr));
        }
        return points;
    }
}
