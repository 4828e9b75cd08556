package io.github.latentlab.data.generators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;

class BuiltinDigitsTest {

    @Test
    void sameSeedGivesIdenticalPixelsAndFactors() {
        DatasetSplit a = BuiltinDigits.generate(300, 50, 7);
        DatasetSplit b = BuiltinDigits.generate(300, 50, 7);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        for (String f : BuiltinDigits.FACTOR_NAMES) {
            assertArrayEquals(a.train().factors().get(f), b.train().factors().get(f), f);
        }
    }

    @Test
    void differentSeedsGiveDifferentImages() {
        Dataset a = BuiltinDigits.generate("a", 1, 0, 50);
        Dataset b = BuiltinDigits.generate("b", 2, 0, 50);
        for (int i = 0; i < 50; i++) assertFalse(Arrays.equals(a.image(i), b.image(i)), "image " + i);
    }

    @Test
    void testImagesContinueTheTrainingSequence() {
        DatasetSplit split = BuiltinDigits.generate(30, 10, 5);
        Dataset all = BuiltinDigits.generate("all", 5, 0, 40);
        assertArrayEquals(all.image(30), split.test().image(0));
        assertArrayEquals(all.image(39), split.test().image(9));
        assertEquals(0, split.test().label(0)); // index 30
    }

    @Test
    void shapeLabelsAndFactorsFollowTheContract() {
        DatasetSplit split = BuiltinDigits.generate(1000, 200, 42);
        Dataset train = split.train();
        assertEquals("builtin-digits", split.id());
        assertEquals(1000, train.size());
        assertEquals(200, split.test().size());
        assertEquals(28, train.side());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
        for (int c = 0; c < 10; c++) assertEquals(100, train.indicesOfClass(c).length);
        assertEquals(List.of("slant", "rotation", "scale", "width", "offset_x", "offset_y"),
                List.copyOf(train.factors().keySet()));
        for (float v : train.pixels()) assertTrue(v >= 0 && v <= 1, "pixel " + v);
        assertWithin(train.factors().get("slant"), -0.2f, 0.5f);
        assertWithin(train.factors().get("rotation"), -12f, 12f);
        assertWithin(train.factors().get("scale"), 0.5f, 1.05f);
        assertWithin(train.factors().get("width"), 1.7f, 3.5f);
        assertWithin(train.factors().get("offset_x"), -1.5f, 1.5f);
        assertWithin(train.factors().get("offset_y"), -1.5f, 1.5f);
    }

    @Test
    void digitsAreInkedCentredAndStayInsideTheFrame() {
        Dataset d = BuiltinDigits.generate("d", 11, 0, 500);
        for (int i = 0; i < d.size(); i++) {
            float[] img = d.image(i);
            double ink = 0, mx = 0, my = 0, border = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = img[y * 28 + x];
                    ink += v;
                    mx += v * (x + 0.5);
                    my += v * (y + 0.5);
                    if (x == 0 || y == 0 || x == 27 || y == 27) border += v;
                }
            }
            assertTrue(ink > 20, "image " + i + " has ink " + ink);
            assertEquals(14, mx / ink, 4.5, "horizontal centre of image " + i);
            assertEquals(14, my / ink, 4.5, "vertical centre of image " + i);
            assertEquals(0, border, 1e-6, "image " + i + " touches the border");
        }
    }

    @Test
    void aNearestMeanClassifierTellsTheClassesApart() {
        // if classes looked alike (a 4 like a 9), even this crude classifier would fail
        DatasetSplit split = BuiltinDigits.generate(3000, 1000, 3);
        double[][] means = new double[10][Dataset.PIXELS];
        Dataset train = split.train();
        for (int i = 0; i < train.size(); i++) {
            float[] img = train.image(i);
            for (int p = 0; p < img.length; p++) means[train.label(i)][p] += img[p] / 300.0;
        }
        int right = 0;
        Dataset test = split.test();
        for (int i = 0; i < test.size(); i++) {
            float[] img = test.image(i);
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < 10; c++) {
                double dist = 0;
                for (int p = 0; p < img.length; p++) dist += (img[p] - means[c][p]) * (img[p] - means[c][p]);
                if (dist < bestDist) { bestDist = dist; best = c; }
            }
            if (best == test.label(i)) right++;
        }
        double accuracy = right / (double) test.size();
        System.out.printf("nearest-mean accuracy on built-in digits: %.3f%n", accuracy);
        assertTrue(accuracy > 0.6, "accuracy " + accuracy);
    }

    @Test
    void standardSetHas20000TrainAnd4000TestImages() {
        long t0 = System.nanoTime();
        DatasetSplit split = BuiltinDigits.standard();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("BuiltinDigits.standard(): 24,000 digits in " + ms + " ms on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        assertEquals(20_000, split.train().size());
        assertEquals(4_000, split.test().size());
        assertEquals("builtin-digits", split.id());
    }

    private static void assertWithin(float[] values, float lo, float hi) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : values) { min = Math.min(min, v); max = Math.max(max, v); }
        assertTrue(min >= lo && max <= hi, "values in [" + min + ", " + max + "], expected within [" + lo + ", " + hi + "]");
        assertTrue(max > min, "factor does not vary");
    }
}
