package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/** Latent maps made and read in the core, without a window: the pieces the latent, noise and draw panes show. */
class LatentMapsTest {
    private static final DatasetSplit DATA = TestData.digits(200, 120);

    private static Autoencoder model(int latent, ModelKind kind) {
        return TrainableAutoencoder.create(new ModelSpec(kind, List.of(32), latent, LossKind.MSE, 1e-3, 0), 784, 3);
    }

    private static MapRequest request(MapMethod method, int points) {
        return new MapRequest(method, MapImages.TEST, points, 0, 1, 30, 250, 15, 42);
    }

    private static LatentMap build(MapRequest r, Autoencoder m) {
        return LatentMaps.build(r, DATA, m, Progress.NONE, new Cancellation(), frame -> { });
    }

    @Test
    void aPcaMapHoldsTheAskedImagesWithTheirLabelsAndDecodesAnyPoint() {
        Autoencoder m = model(6, ModelKind.AE);
        LatentMap map = build(request(MapMethod.PCA, 100), m);
        assertEquals(100, map.codes().length);
        assertEquals(6, map.codes()[0].length);
        assertTrue(Arrays.equals(Arrays.copyOf(DATA.test().labels(), 100), map.labels()));
        double[] p = map.embedding().xy()[7];
        assertEquals(7, map.nearest(p[0], p[1]), "a point's own image is the nearest");
        LatentMap.Decoded d = map.decodeAt(p[0], p[1]);
        assertEquals(784, d.image().length);
        assertTrue(d.offData() < LatentMap.OFF_DATA, "on a real code: " + d.offData());
        assertTrue(Double.isNaN(d.priorTail()), "a plain autoencoder has no prior");
        assertTrue(map.decodeAt(p[0] + 1e3, p[1] + 1e3).offData() > LatentMap.OFF_DATA, "far away is off the data");
    }

    @Test
    void histogramsCountEveryCodeAndNeighboursLeaveTheImageItselfOut() {
        LatentMap map = build(request(MapMethod.PCA, 80), model(4, ModelKind.AE));
        int[][] h = map.histograms(10);
        assertEquals(4, h.length);
        for (int[] dim : h) assertEquals(80, Arrays.stream(dim).sum());
        double[][] r = map.ranges();
        assertTrue(r[0][0] <= r[0][1]);
        LatentMap.Neighbours n = map.neighbours(5, 8);
        assertEquals(8, n.byCode().length);
        assertFalse(Arrays.stream(n.byCode()).anyMatch(i -> i == 5));
        assertFalse(Arrays.stream(n.byPixels()).anyMatch(i -> i == 5));
        assertEquals(8, n.pixelImages().length);
    }

    @Test
    void onlyATwoDimensionalCodeIsDrawnAsItselfAndGetsADecodedGrid() {
        Autoencoder wide = model(8, ModelKind.AE);
        MapRequest identity = request(MapMethod.IDENTITY, 50);
        assertTrue(identity.problem(wide).english().contains("only be drawn for a 2-D code"));
        assertThrows(IllegalArgumentException.class, () -> build(identity, wide));
        assertNotNull(request(MapMethod.PCA, 50).withComponents(3, 3).problem(wide), "two different components");

        LatentMap map = build(identity, model(2, ModelKind.VAE));
        assertTrue(map.showsCodeItself());
        LatentMap.Grid grid = map.grid(5, 1.2);
        assertEquals(25, grid.images().length);
        assertTrue(grid.x0() < grid.x1() && grid.y0() < grid.y1());
        assertFalse(Double.isNaN(map.decodeAt(0, 0).priorTail()), "a VAE's decode says how typical it is");
        assertEquals(10, map.sample(10, 1).length);
        assertEquals(6, map.interpolate(0, 1, 6, true).length);
    }

    @Test
    void tsneHandsOverFramesAsItAnimatesAndStopsWhenCancelled() {
        List<LatentMap> frames = new ArrayList<>();
        Cancellation cancel = new Cancellation();
        LatentMap map = LatentMaps.build(request(MapMethod.TSNE, 60), DATA, model(4, ModelKind.AE), Progress.NONE, cancel,
                frames::add);
        assertEquals(60, map.embedding().xy().length);
        assertFalse(frames.isEmpty(), "t-SNE shows its layout as it forms");
        Cancellation stopped = new Cancellation();
        stopped.cancel();
        assertThrows(RuntimeException.class, () -> LatentMaps.build(request(MapMethod.TSNE, 60), DATA,
                model(4, ModelKind.AE), Progress.NONE, stopped, frames::add));
    }
}
