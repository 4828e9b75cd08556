package io.github.latentlab.training;

/**
 * The settings a new or resumed run takes from the user when it is not started from a full form:
 * the data, epochs, batch, seed and learning rate the Train tab shows.
 */
public record RunSettings(String datasetId, int epochs, int batchSize, long seed, double learningRate) { }
