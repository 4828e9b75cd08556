package io.github.latentlab.projection;

import static io.github.latentlab.projection.ProcrustesTest.centre;
import static io.github.latentlab.projection.ProcrustesTest.spread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.github.latentlab.TestData;
import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

/** Maps of stored codes, as the training timeline replays them epoch by epoch. */
class LatentMapsFromCodesTest {
    private static final DatasetSplit DATA = TestData.digits(100, 120);

    private static MapRequest request(MapMethod method) {
        return new MapRequest(method, MapImages.TEST, 120, 0, 1, 20, 150, 15, 42);
    }

    private static LatentMap fromCodes(MapRequest r, float[][] codes, Autoencoder model, Embedding alignTo,
                                       List<LatentMap> frames) {
        return LatentMaps.fromCodes(r, codes, DATA.test(), model, alignTo, Progress.NONE, new Cancellation(), frames::add);
    }

    private static float[][] randomCodes(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] z = new float[n][d];
        for (float[] c : z) for (int j = 0; j < d; j++) c[j] = (float) ((j + 1) * r.nextGaussian());
        return z;
    }

    /** Six clusters in 6-D at random distances from each other. */
    private static float[][] clusters(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[6][6];
        for (double[] c : centres) for (int j = 0; j < 6; j++) c[j] = 10 * r.nextGaussian();
        float[][] z = new float[n][6];
        for (int i = 0; i < n; i++) for (int j = 0; j < 6; j++) z[i][j] = (float) (centres[i % 6][j] + r.nextGaussian());
        return z;
    }

    @Test
    void storedCodesGiveTheMapTheModelWouldHaveMade() {
        Autoencoder model = TrainableAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(32), 5, LossKind.MSE, 1e-3, 0), 784, 3);
        LatentMap built = LatentMaps.build(request(MapMethod.PCA), DATA, model, Progress.NONE, new Cancellation(), m -> { });
        LatentMap stored = fromCodes(request(MapMethod.PCA), built.codes(), model, null, new ArrayList<>());
        assertEquals(built.codes().length, stored.embedding().xy().length);
        for (int i = 0; i < built.codes().length; i++) {
            assertArrayEquals(built.embedding().xy()[i], stored.embedding().xy()[i], 0, "point " + i);
        }
        assertArrayEquals(built.labels(), stored.labels());
        assertTrue(stored.decodes());
        double[] p = stored.embedding().xy()[3];
        assertArrayEquals(built.decodeAt(p[0], p[1]).image(), stored.decodeAt(p[0], p[1]).image(), 0f);
        assertThrows(Problems.BadArgument.class, () -> fromCodes(request(MapMethod.PCA).withComponents(0, 5),
                built.codes(), null, null, new ArrayList<>()), "components checked against the codes' own size");
    }

    @Test
    void everyFrameIsAlignedOntoTheLastEpochsLayoutAndTsneStartsFromIt() {
        float[][] codes = clusters(120, 1);
        MapRequest tsne = new MapRequest(MapMethod.TSNE, MapImages.TEST, 120, 0, 1, 20, 300, 15, 42);
        Embedding last = fromCodes(tsne, codes, null, null, new ArrayList<>()).embedding();
        double[][] turned = new double[120][]; // the same layout, a quarter turn, mirrored and twice as large
        for (int i = 0; i < 120; i++) turned[i] = new double[] {2 * last.xy()[i][1] + 5, 2 * last.xy()[i][0]};
        Embedding reference = new Embedding("tsne", turned, 120, last.note());

        List<LatentMap> frames = new ArrayList<>();
        LatentMap next = fromCodes(tsne, codes, null, reference, frames);
        assertFalse(frames.isEmpty());
        for (LatentMap f : frames) {
            assertArrayEquals(centre(turned), centre(f.embedding().xy()), 1e-9, "every frame on the reference's centre");
            assertEquals(spread(turned), spread(f.embedding().xy()), 1e-9, "and at its scale");
        }
        MapRequest otherSeed = new MapRequest(MapMethod.TSNE, MapImages.TEST, 120, 0, 1, 20, 300, 15, 7);
        double[][] unseeded = Procrustes.align(fromCodes(otherSeed, codes, null, null, new ArrayList<>()).embedding().xy(), turned);
        double seededOff = 0, unseededOff = 0;
        for (int i = 0; i < 120; i++) {
            seededOff += Knn.dist2(next.embedding().xy()[i], turned[i]);
            unseededOff += Knn.dist2(unseeded[i], turned[i]);
        }
        // within its clusters a layout of 120 points still shuffles (measured: RMS 0.52 of the spread,
        // 1.10 unstarted); the clusters stay where they were
        assertTrue(seededOff < unseededOff / 2, "the same codes stay nearer where they were, started there: "
                + seededOff + " against " + unseededOff);

        LatentMap alone = fromCodes(tsne, codes, null, new Embedding("tsne", new double[5][2], 5, last.note()),
                new ArrayList<>());
        for (int i = 0; i < 120; i++) {
            assertArrayEquals(last.xy()[i], alone.embedding().xy()[i], 0, "a reference of other points is ignored");
        }
    }

    @Test
    void aMirroredPcaMapIsFlippedBackAndStillPlacesCodesWhereTheyAre() {
        float[][] codes = randomCodes(120, 4, 2);
        Embedding pca = fromCodes(request(MapMethod.PCA), codes, null, null, new ArrayList<>()).embedding();
        double[][] mirrored = new double[120][];
        for (int i = 0; i < 120; i++) mirrored[i] = new double[] {-pca.xy()[i][0], pca.xy()[i][1]};
        LatentMap map = fromCodes(request(MapMethod.PCA), codes, null,
                new Embedding("pca", mirrored, 120, pca.note()), new ArrayList<>());
        for (int i = 0; i < 120; i++) assertArrayEquals(mirrored[i], map.embedding().xy()[i], 1e-12);
        assertEquals(pca.xAxis(), map.embedding().xAxis(), "still the first component");
        double[] at = map.place(codes[17]);
        assertEquals(17, map.nearest(at[0], at[1]), "a code lands by its own point on the flipped map");
    }

    @Test
    void withoutAModelTheMapDrawsButRefusesToDecode() {
        float[][] codes = randomCodes(120, 2, 3);
        LatentMap map = fromCodes(request(MapMethod.IDENTITY), codes, null, null, new ArrayList<>());
        assertFalse(map.decodes());
        assertEquals(120, map.embedding().xy().length);
        assertEquals(5, map.neighbours(0, 5).byCode().length);
        for (Executable decode : new Executable[] {() -> map.decodeAt(0, 0), () -> map.grid(4, 1),
                () -> map.interpolate(0, 1, 5, false), () -> map.sample(3, 1)}) {
            Problems.BadState refused = assertThrows(Problems.BadState.class, decode);
            assertEquals(Message.of("map.noDecoder"), refused.userMessage());
            assertTrue(refused.getMessage().contains("cannot decode"), refused.getMessage());
        }
        assertThrows(Problems.BadArgument.class, () -> fromCodes(request(MapMethod.IDENTITY), randomCodes(120, 3, 3),
                null, null, new ArrayList<>()), "the identity map needs 2-D codes");
        Dataset few = TestData.slice(DATA.test(), 10);
        assertThrows(IllegalArgumentException.class, () -> LatentMaps.fromCodes(request(MapMethod.PCA), codes, few, null,
                null, Progress.NONE, new Cancellation(), m -> { }), "a code for each image");
    }
}
