package io.github.latentlab.training;

/** The training loss at one iteration; {@code epochPosition} is epochs done, fractional. */
public record LossPoint(long iteration, double epochPosition, double loss) { }
