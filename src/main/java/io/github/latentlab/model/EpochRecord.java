package io.github.latentlab.model;

/**
 * One finished epoch: mean training loss over its batches, test loss and test MSE (both per
 * pixel, test MSE whatever the training loss) and how long the epoch took.
 */
public record EpochRecord(int epoch, double trainLoss, double testLoss, double testMse,
                          double seconds, double samplesPerSecond) { }
