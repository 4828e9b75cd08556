package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelSpecTest {
    @Test
    void rejectsBadValuesNamingThem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.AE, List.of(256), 1, LossKind.MSE, 1e-3, 0));
        assertTrue(e.getMessage().contains("latent size 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, -1, 0));
        assertTrue(e.getMessage().contains("learning rate -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.DAE, List.of(256), 8, LossKind.MSE, 1e-3, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(ModelKind.AE, List.of(0), 8, LossKind.MSE, 1e-3, 0));
    }

    @Test
    void plainAutoencoderIgnoresNoiseAndDescribesItsShape() {
        ModelSpec s = new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0.3);
        assertEquals(0, s.noiseLevel());
        assertEquals("AE 784-256-8-256-784 MSE lr 0.001", s.describe(784));
    }
}
