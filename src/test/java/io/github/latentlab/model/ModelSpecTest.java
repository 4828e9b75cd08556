package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.ChineseWords;
import io.github.latentlab.util.Problems;

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

    /** The Train tab shows a refused setting in its own language. */
    @Test
    void aRefusedSettingReadsInChineseToo() {
        var e = assertThrows(Problems.BadArgument.class,
                () -> new ModelSpec(ModelKind.AE, List.of(256), 1, LossKind.MSE, 1e-3, 0));
        assertEquals("latent size 1 outside 2..128", e.getMessage());
        assertEquals("潜在维度 1 不在 2 到 128 之间", ChineseWords.of(e.userMessage()));
    }

    @Test
    void plainAutoencoderIgnoresNoiseAndDescribesItsShape() {
        ModelSpec s = new ModelSpec(ModelKind.AE, List.of(256), 8, LossKind.MSE, 1e-3, 0.3);
        assertEquals(0, s.noiseLevel());
        assertEquals("AE 784-256-8-256-784 MSE lr 0.001", s.describe(784));
    }
}
