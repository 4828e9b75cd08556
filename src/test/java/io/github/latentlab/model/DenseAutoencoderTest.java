package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DenseAutoencoderTest {
    private final ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(64), 4, LossKind.MSE, 1e-3, 0);

    @Test
    void encodeGivesOneCodePerImageAndDecodeGivesImagesInUnitRange() {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 1);
        float[][] images = new float[3][784];
        images[1][100] = 1;
        float[][] codes = ae.encode(images);
        assertEquals(3, codes.length);
        assertEquals(4, codes[0].length);
        float[][] decoded = ae.decode(codes);
        assertEquals(784, decoded[0].length);
        for (float v : decoded[2]) assertTrue(v >= 0 && v <= 1);
    }

    @Test
    void decodeOfEncodeEqualsReconstruct() {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 2);
        float[][] images = new float[2][784];
        for (int i = 0; i < 784; i++) images[0][i] = (i % 28) / 28f;
        float[][] viaCode = ae.decode(ae.encode(images));
        float[][] direct = ae.reconstruct(images);
        for (int k = 0; k < 2; k++) assertArrayEquals(direct[k], viaCode[k], 1e-5f);
    }

    @Test
    void sameSeedGivesSameInitialModel() {
        float[][] x = new float[1][784];
        x[0][300] = 1;
        assertArrayEquals(DenseAutoencoder.create(spec, 784, 5).reconstruct(x)[0],
                DenseAutoencoder.create(spec, 784, 5).reconstruct(x)[0]);
    }

    @Test
    void decodeRejectsCodesOfTheWrongSize() {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 1);
        assertThrows(IllegalArgumentException.class, () -> ae.decode(new float[1][5]));
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        DenseAutoencoder ae = DenseAutoencoder.create(spec, 784, 3);
        DenseAutoencoder copy = ae.copy();
        float[][] x = new float[1][784];
        x[0][10] = 1;
        float[] before = copy.reconstruct(x)[0];
        ae.network().params().addi(0.5);
        assertArrayEquals(before, copy.reconstruct(x)[0]);
    }
}
