package io.github.latentlab.data;

import static io.github.latentlab.data.IdxTestFiles.gzip;
import static io.github.latentlab.data.IdxTestFiles.idx;
import static io.github.latentlab.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.ChineseWords;
import io.github.latentlab.util.Progress;

class IdxFormatTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheSameImagesAndLabels() throws Exception {
        for (boolean gzip : new boolean[] {true, false}) {
            float[] pixels = IdxTestFiles.randomPixels(25, 28, 1);
            int[] labels = IdxTestFiles.labels(25);
            Path images = dir.resolve("img" + gzip);
            Path labelFile = dir.resolve("lab" + gzip);
            IdxFormat.write(images, labelFile, pixels, labels, 28, gzip);

            Dataset d = IdxFormat.read("t", images, labelFile, DIGITS);

            assertEquals(gzip, (Files.readAllBytes(images)[0] & 0xff) == 0x1f, "gzip written when asked");
            assertEquals(25, d.size());
            assertEquals(28, d.side());
            assertArrayEquals(pixels, d.pixels());
            assertArrayEquals(labels, d.labels());
            assertEquals(DIGITS, d.classNames());
        }
    }

    @Test
    void gzipIsDetectedFromContentNotFileName() throws Exception {
        Path images = write(dir, "images.raw", gzip(idx(IdxFormat.IMAGES_MAGIC, new int[] {2, 28, 28}, 2 * 784)));
        Path labels = write(dir, "labels.gz", idx(IdxFormat.LABELS_MAGIC, new int[] {2}, 2));
        Dataset d = IdxFormat.read("t", images, labels, DIGITS);
        assertEquals(2, d.size());
        assertEquals(7 / 255f, d.pixels()[100]);
    }

    @Test
    void withoutClassNamesTheLabelsNameThemselves() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "x", 13, true);
        assertEquals(DIGITS, IdxFormat.read("t", pair[0], pair[1], null).classNames());
    }

    @Test
    void wrongMagicNumbersAreNamed() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "x", 3, false);
        var swapped = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", pair[1], pair[0], DIGITS));
        assertTrue(swapped.getMessage().startsWith("x-labels-idx1-ubyte: this is a labels file"), swapped.getMessage());

        Path junk = write(dir, "junk.gz", "hello, this is not IDX".getBytes());
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", junk, pair[1], DIGITS));
        assertTrue(e.getMessage().contains("junk.gz: not an IDX unsigned-byte file: magic number 0x68656c6c"), e.getMessage());
    }

    @Test
    void truncatedImagesSayHowManyImagesArePresent() throws Exception {
        byte[] full = idx(IdxFormat.IMAGES_MAGIC, new int[] {100, 28, 28}, 100 * 784);
        byte[] cut = Arrays.copyOf(full, 16 + 37 * 784 + 500);
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {100}, 100));
        for (Path images : new Path[] {write(dir, "train-images", cut), write(dir, "train-images.gz", gzip(cut))}) {
            var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, DIGITS));
            assertEquals(images.getFileName() + ": header promises 100 images of 28x28 but the file ends after 37 images",
                    e.getMessage());
        }
    }

    @Test
    void aGzipStreamCutShortIsATruncatedFile() throws Exception {
        // random (incompressible) pixels, so cutting the compressed bytes in half cuts images
        byte[] header = idx(IdxFormat.IMAGES_MAGIC, new int[] {50, 28, 28}, 0);
        byte[] whole = Arrays.copyOf(header, header.length + 50 * 784);
        byte[] payload = new byte[50 * 784];
        new Random(3).nextBytes(payload);
        System.arraycopy(payload, 0, whole, header.length, payload.length);
        byte[] compressed = gzip(whole);
        Path images = write(dir, "cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.verify(images));
        assertTrue(e.getMessage().startsWith("cut.gz: header promises 50 images of 28x28 but the file ends after"),
                e.getMessage());
    }

    @Test
    void truncatedLabelsAreReported() throws Exception {
        Path images = write(dir, "images", idx(IdxFormat.IMAGES_MAGIC, new int[] {10, 28, 28}, 10 * 784));
        Path labels = write(dir, "labels.gz", gzip(Arrays.copyOf(idx(IdxFormat.LABELS_MAGIC, new int[] {10}, 10), 8 + 4)));
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, DIGITS));
        assertEquals("labels.gz: header promises 10 labels but the file ends after 4 labels", e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = write(dir, "images", idx(IdxFormat.IMAGES_MAGIC, new int[] {10, 28, 28}, 10 * 784));
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {9}, 9));
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, DIGITS));
        assertEquals("labels: has 9 labels but images has 10 images", e.getMessage());
        assertEquals("labels：有 9 个标签，但 images 有 10 张图像", ChineseWords.of(e.userMessage())); // as a Chinese window says it
    }

    @Test
    void absurdHeadersFailCleanlyWithoutAllocating() throws Exception {
        // 10^6 images of 1000x1000 = 10^12 bytes promised by a 16-byte file, raw and gzip
        byte[] header = idx(IdxFormat.IMAGES_MAGIC, new int[] {1_000_000, 1000, 1000}, 64);
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {1_000_000}, 0));
        for (Path images : new Path[] {write(dir, "huge", header), write(dir, "huge.gz", gzip(header))}) {
            var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, DIGITS));
            assertTrue(e.getMessage().contains("header promises 1000000 images of 1000x1000"), e.getMessage());
            assertTrue(e.getMessage().contains("probably corrupt"), e.getMessage());
        }
        // the most 28x28 images a header can claim
        Path many = write(dir, "many.gz", gzip(idx(IdxFormat.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, 28, 28}, 10)));
        Path manyLabels = write(dir, "many-labels", idx(IdxFormat.LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, 0));
        assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", many, manyLabels, DIGITS));
        assertThrows(IdxFormatException.class, () -> IdxFormat.readUnlabelled("t", many,
                Progress.NONE, Cancellation.none()));
    }

    @Test
    void sidesOutsideOneTo1024AreRejected() throws Exception {
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {1}, 1));
        for (int[] dims : new int[][] {{1, 0, 28}, {1, 28, 2000}, {1, -5, 28}}) {
            Path images = write(dir, "bad", idx(IdxFormat.IMAGES_MAGIC, dims, 784));
            var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, DIGITS));
            assertTrue(e.getMessage().contains("sides must be 1..1024"), e.getMessage());
        }
        Path none = write(dir, "none", idx(IdxFormat.IMAGES_MAGIC, new int[] {-1, 28, 28}, 0));
        assertThrows(IdxFormatException.class, () -> IdxFormat.verify(none));
    }

    @Test
    void emptyShortAndCorruptGzipFilesAreRejected() throws Exception {
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {1}, 1));
        Path empty = write(dir, "empty", new byte[0]);
        assertEquals("empty: file is empty",
                assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", empty, labels, DIGITS)).getMessage());

        Path shortFile = write(dir, "short", new byte[] {0, 0, 8, 3, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", shortFile, labels, DIGITS))
                .getMessage().contains("ends inside the header"));

        byte[] good = gzip(idx(IdxFormat.IMAGES_MAGIC, new int[] {1, 28, 28}, 784));
        byte[] corrupt = good.clone();
        for (int i = 12; i < corrupt.length - 8; i++) corrupt[i] ^= (byte) 0x5a;
        Path bad = write(dir, "bad.gz", corrupt);
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", bad, labels, DIGITS));
        assertTrue(e.getMessage().startsWith("bad.gz: "), e.getMessage());

        Path notGzip = write(dir, "header.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFormat.verify(notGzip))
                .getMessage().contains("gzip"));

        Path missing = dir.resolve("missing.gz");
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFormat.verify(missing))
                .getMessage().startsWith("missing.gz: no such file"));
    }

    @Test
    void labelsWithoutAClassNameAreRejected() throws Exception {
        Path images = write(dir, "images", idx(IdxFormat.IMAGES_MAGIC, new int[] {1, 28, 28}, 784));
        Path labels = write(dir, "labels", idx(IdxFormat.LABELS_MAGIC, new int[] {1}, 1)); // label 7
        var e = assertThrows(IdxFormatException.class, () -> IdxFormat.read("t", images, labels, List.of("a", "b")));
        assertEquals("labels: label 7 at index 0 has no class name (2 classes)", e.getMessage());
    }

    @Test
    void otherSizesAreResampledTo28x28() throws Exception {
        int side = 14;
        float[] px = new float[2 * side * side];
        Arrays.fill(px, 0, side * side, 1f);                 // image 0: all white
        for (int y = 0; y < 7; y++) for (int x = 0; x < 7; x++) px[side * side + y * side + x] = 1f; // image 1: top-left quarter
        Path images = dir.resolve("small.gz");
        Path labels = dir.resolve("small-labels.gz");
        IdxFormat.write(images, labels, px, new int[] {0, 1}, side, true);

        Dataset d = IdxFormat.read("t", images, labels, null);

        assertEquals(28, d.side());
        float[] white = d.image(0);
        for (float v : white) assertEquals(1f, v, 1e-5f);
        float[] quarter = d.image(1);
        assertEquals(1f, quarter[5 * 28 + 5], 1e-5f);
        assertEquals(0f, quarter[20 * 28 + 20], 1e-5f);
        assertEquals(0f, quarter[5 * 28 + 20], 1e-5f);
    }

    @Test
    void nonSquareImagesAreFittedAndCentred() throws Exception {
        Path images = dir.resolve("wide");
        Path labels = dir.resolve("wide-labels");
        // write() only does square images, so build a 10 rows x 20 columns white image by hand
        byte[] file = idx(IdxFormat.IMAGES_MAGIC, new int[] {1, 10, 20}, 0);
        byte[] all = Arrays.copyOf(file, file.length + 200);
        Arrays.fill(all, file.length, all.length, (byte) 255);
        Files.write(images, all);
        Files.write(labels, idx(IdxFormat.LABELS_MAGIC, new int[] {1}, 1));
        float[] img = IdxFormat.read("t", images, labels, null).image(0); // label 7: classes 0..7
        assertEquals(1f, img[14 * 28 + 14], 1e-5f);   // centre: white
        assertEquals(0f, img[2 * 28 + 14], 1e-5f);    // above the 28x14 band: black
    }

    @Test
    void verifyReportsTheHeaderOfACompleteFile() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "v", 12, true);
        IdxFormat.Header h = IdxFormat.verify(pair[0]);
        assertTrue(h.isImages());
        assertEquals(12, h.count());
        assertEquals(28, h.rows());
        assertEquals(12, IdxFormat.verify(pair[1]).count());
    }

    @Test
    void readingReportsProgressAndCanBeCancelled() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "p", 3000, true);
        List<Double> fractions = new ArrayList<>();
        IdxFormat.read("t", pair[0], pair[1], DIGITS, (f, m) -> fractions.add(f), Cancellation.none());
        assertEquals(1.0, fractions.get(fractions.size() - 1));

        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancellationException.class,
                () -> IdxFormat.read("t", pair[0], pair[1], DIGITS, (f, m) -> { }, cancel));
    }

    @Test
    void unlabelledImagesGetOneClass() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "u", 5, false);
        Dataset d = IdxFormat.readUnlabelled("u", pair[0], (f, m) -> { }, Cancellation.none());
        assertEquals(List.of("unlabelled"), d.classNames());
        assertEquals(5, d.size());
    }

    @Test
    void writeRejectsMismatchedArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> IdxFormat.write(dir.resolve("a"), dir.resolve("b"), new float[784], new int[2], 28, false));
        assertThrows(IllegalArgumentException.class,
                () -> IdxFormat.write(dir.resolve("a"), dir.resolve("b"), new float[784], new int[] {300}, 28, false));
    }
}
