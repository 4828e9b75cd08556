package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Codes as grey pictures: the tutorials' shapes, one grey scale for all codes shown, the numbers written out. */
class CodeImagesTest {
    @Test
    void shapesFollowTheTutorials() {
        int[][] expected = {{2, 1, 2}, {3, 1, 3}, {4, 2, 2}, {8, 2, 4}, {16, 4, 4}, {32, 4, 8}, {64, 4, 16},
            {128, 8, 16}, {12, 3, 4}, {10, 2, 5}};
        for (int[] e : expected) {
            assertArrayEquals(new int[] {e[1], e[2]}, CodeImages.shape(e[0]), "latent " + e[0]);
        }
        assertArrayEquals(new int[] {2, 4}, CodeImages.shape(7), "a prime length is padded to a near-square");
        assertArrayEquals(new int[] {3, 5}, CodeImages.shape(13));
        for (int n = 1; n <= 128; n++) {
            int[] s = CodeImages.shape(n);
            assertTrue(s[0] * s[1] >= n && s[0] * s[1] < n + s[1], n + " fits with less than a row to spare");
            assertTrue(s[1] <= Math.max(2, CodeImages.MAX_RATIO * s[0]), n + " is not a long strip");
        }
        assertArrayEquals(new int[] {8, 8}, CodeImages.shape(64, 8), "a stated shape");
        assertArrayEquals(new int[] {3, 3}, CodeImages.shape(8, 3));
    }

    @Test
    void allCodesShareOneGreyScaleAndPaddingStaysEmpty() {
        float[][] codes = {{-2, 0, 1, 2, 0, 0, 0}, {2, 2, 2, 2, 2, 2, -1}};
        CodeImages images = CodeImages.of(codes, 0);
        assertEquals(-2, images.min());
        assertEquals(2, images.max());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertEquals(0f, images.images()[0][0], "the lowest of all codes is black");
        assertEquals(0.5f, images.images()[0][1]);
        assertEquals(1f, images.images()[1][0], "the highest is white");
        assertEquals(0.25f, images.images()[1][6]);
        assertTrue(Float.isNaN(images.images()[0][7]), "the cell past the code's end is empty");

        CodeImages flat = CodeImages.of(new float[][] {{3, 3}}, 0);
        assertEquals(0.5f, flat.images()[0][0], "equal numbers are mid grey");
    }

    @Test
    void numbersAreWrittenWithTwoDecimalsInThePicturesRows() {
        assertEquals("z₁ 0.53   z₂ -1.20", CodeImages.numbers(new float[] {0.531f, -1.2f}, 2));
        float[] code = new float[64];
        String text = CodeImages.numbers(code, 16);
        assertEquals(8, text.split("\n").length, "4 rows of 16 in lines of 8");
        assertTrue(text.endsWith("z₆₄ 0.00"), text);
    }
}
