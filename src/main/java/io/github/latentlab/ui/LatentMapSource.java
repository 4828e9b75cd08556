package io.github.latentlab.ui;

import javafx.beans.property.ReadOnlyObjectProperty;

import io.github.latentlab.projection.LatentMap;

/**
 * Where panes that draw on the latent map (noise trails, the drawing) get it, without depending
 * on the latent pane that makes it.
 */
public interface LatentMapSource {
    /** The current map, or null before one exists. */
    ReadOnlyObjectProperty<LatentMap> mapProperty();

    /** Asks for a map of the current model if there is none or it is stale (a fast one is made at once). */
    void ensureMap();
}
