package io.github.latentlab.model;

/**
 * The training loss at one iteration; {@code epochPosition} is epochs done, fractional. A VAE's
 * point also carries its two terms, per pixel ({@code recon} + {@code kl} = {@code loss}, the KL
 * term weighted by β); other models leave them NaN.
 */
public record LossPoint(long iteration, double epochPosition, double loss, double recon, double kl) {
    public LossPoint(long iteration, double epochPosition, double loss) {
        this(iteration, epochPosition, loss, Double.NaN, Double.NaN);
    }

    public boolean hasParts() { return !Double.isNaN(recon); }

    /** The same point with another loss value (e.g. smoothed), its parts scaled alike. */
    public LossPoint withLoss(double newLoss, double newRecon, double newKl) {
        return new LossPoint(iteration, epochPosition, newLoss, newRecon, newKl);
    }
}
