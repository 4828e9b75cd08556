package io.github.latentlab.model;

/** A model with its metadata, as written to and read from a file. */
public record SavedModel(TrainableAutoencoder model, ModelMetadata metadata) { }
