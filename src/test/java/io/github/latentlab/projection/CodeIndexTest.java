package io.github.latentlab.projection;

import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.latentlab.TestData;
import io.github.latentlab.data.Dataset;
import io.github.latentlab.util.Cancellation;

class CodeIndexTest {
    @Test
    void aTrainingImageIsItsOwnNearestNeighbourAndNeighboursComeNearestFirst() {
        Dataset data = TestData.digits(500, 10).train();
        DenseAutoencoder model = DenseAutoencoder.create(new ModelSpec(ModelKind.AE, List.of(32), 4, LossKind.MSE, 1e-3, 0), 784, 1);
        CodeIndex index = CodeIndex.build(model, data, new Cancellation());
        float[][] codes = model.encode(data.images(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        for (int i = 0; i < 10; i++) assertEquals(i, index.nearest(codes[i], 1)[0]);
        int[] five = index.nearest(codes[3], 5);
        float[][] all = model.encode(data.images(five));
        double last = -1;
        for (float[] c : all) {
            double d = 0;
            for (int j = 0; j < c.length; j++) d += (c[j] - codes[3][j]) * (c[j] - codes[3][j]);
            assertEquals(true, d >= last - 1e-9, "sorted by distance");
            last = d;
        }
        assertArrayEquals(five, index.nearest(codes[3], 5));
    }
}
