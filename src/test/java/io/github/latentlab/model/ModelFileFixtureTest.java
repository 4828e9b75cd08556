package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files written by an older Latent Lab (0.1, before conv models, loss parts and checkpoints) must
 * still load and decode exactly as they did. The expected values were printed by that version.
 */
class ModelFileFixtureTest {
    @ParameterizedTest
    @CsvSource({"ae-v0.1.llab, AE, 373.1852681338787, 0.4738417", "vae-v0.1.llab, VAE, 357.54184952378273, 0.4771474"})
    void aFileFromAnOlderVersionStillLoadsAndDecodesTheSame(String name, ModelKind kind, double sum, float pixel100)
            throws Exception {
        SavedModel m = ModelStore.load(fixture(name));
        assertEquals(kind, m.metadata().spec().kind());
        assertEquals(List.of(16), m.metadata().spec().hidden());
        assertEquals(2, m.metadata().spec().latent());
        assertEquals(1, m.metadata().epochsDone());
        assertEquals(157, m.metadata().points().size());
        float[] decoded = m.model().decode(new float[][] {{0.5f, -0.5f}})[0];
        double s = 0;
        for (float v : decoded) s += v;
        assertEquals(sum, s, 1e-3);
        assertEquals(pixel100, decoded[100], 1e-6f);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelFileFixtureTest.class.getResource("/fixtures/" + name).toURI());
    }
}
