package io.github.latentlab.projection;

import java.util.List;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.model.Autoencoder;

/**
 * A latent map ready to draw and to decode from: the codes of some images of a dataset under a
 * model, their 2-D layout and the inverse map from the plane back to codes. A core type, so the
 * panes that draw on a map (latent, noise trails, drawing) share it without depending on each
 * other. Arrays are not copied: a map is immutable by convention once made.
 */
public record LatentMap(Embedding embedding, int[] labels, List<String> classNames, Autoencoder model,
                        InverseMap inverse, float[][] codes, Dataset data, MapImages source) {
    /** Beyond this many typical gaps from the nearest real code, a point is "off the data". */
    public static final double OFF_DATA = 2.0;

    /** Where a new code lands on this map (see {@link InverseMap#place}). */
    public double[] place(float[] code) {
        return inverse.place(LatentMath.toDouble(code));
    }

    /** How far a new code is from this map's codes, in typical gaps between them. */
    public double offData(float[] code) {
        return inverse.offData(LatentMath.toDouble(code));
    }
}
