package io.github.latentlab;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.generators.BuiltinDigits;

/** Small, fast, deterministic data for tests: a slice of the built-in digits. */
public final class TestData {
    private TestData() { }

    private static DatasetSplit digits;

    /** {@code train} + {@code test} built-in digit images, id "test-digits". */
    public static synchronized DatasetSplit digits(int train, int test) {
        if (digits == null || digits.train().size() < train || digits.test().size() < test) {
            digits = BuiltinDigits.generate(Math.max(train, 4000), Math.max(test, 1000), 7);
        }
        return new DatasetSplit("test-digits", slice(digits.train(), train), slice(digits.test(), test));
    }

    public static Dataset slice(Dataset d, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return d.subset(d.id(), idx);
    }
}
