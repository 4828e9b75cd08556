package io.github.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

class ImageFolderDatasetTest {
    @TempDir
    Path dir;

    /** White rectangle on black, {@code w} x {@code h}. */
    private static BufferedImage brightOnDark(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(w / 4, h / 4, Math.max(1, w / 2), Math.max(1, h / 2));
        g.dispose();
        return img;
    }

    private Path save(BufferedImage img, String format, String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        assertTrue(ImageIO.write(img, format, p.toFile()), "no " + format + " writer");
        return p;
    }

    private Path text(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void goodImagesLoadAndBadFilesAreSkippedAndCounted() throws Exception {
        save(brightOnDark(50, 30, BufferedImage.TYPE_INT_RGB), "png", "birds/a.png");
        save(brightOnDark(7, 13, BufferedImage.TYPE_BYTE_GRAY), "jpg", "birds/b.jpg");
        save(brightOnDark(33, 33, BufferedImage.TYPE_BYTE_INDEXED), "gif", "cats/c.gif");
        save(brightOnDark(40, 20, BufferedImage.TYPE_INT_RGB), "bmp", "cats/nested/d.bmp");
        save(brightOnDark(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", "loose.png");
        text("cats/notes.txt", "not an image");
        Path broken = dir.resolve("cats/broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3});
        text("empty/readme.txt", "this class has no images");
        save(brightOnDark(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", ".hidden/x.png");
        text("cats/.DS_Store", "junk");

        ImageFolderDataset.LoadResult result = ImageFolderDataset.load(dir, Progress.NONE, Cancellation.none());

        assertEquals(5, result.loaded());
        assertEquals(3, result.skipped());
        Dataset d = result.dataset();
        assertEquals(List.of("birds", "cats", "unlabelled"), d.classNames());
        assertEquals(List.of(0, 0, 1, 1, 2), Arrays.stream(d.labels()).boxed().toList());
        assertEquals("folder:" + dir, d.id());
        assertEquals(3, result.skippedExamples().size());
        String skipped = String.join("\n", result.skippedExamples());
        assertTrue(skipped.contains("notes.txt: not an image"), skipped);
        assertTrue(skipped.contains("broken.png: "), skipped);
        assertTrue(skipped.contains("readme.txt"), skipped);
        String report = result.report();
        assertTrue(report.startsWith("Loaded 5 images in 3 classes (birds: 2, cats: 2, unlabelled: 1). Skipped 3 files:"), report);
        for (float v : d.pixels()) assertTrue(v >= 0 && v <= 1);
    }

    @Test
    void imagesAreFittedInto28x28KeepingTheirShape() throws Exception {
        BufferedImage band = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = band.createGraphics();
        g.setColor(new Color(200, 200, 200)); // uniform light grey, mean 0.78 > 0.5: inverted to 0.22
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        save(band, "png", "x/band.png");

        float[] img = ImageFolderDataset.load(dir, Progress.NONE, Cancellation.none()).dataset().image(0);

        assertEquals(1 - 200 / 255f, img[14 * 28 + 14], 0.01);   // inside the 28x14 band
        assertEquals(0f, img[2 * 28 + 14], 1e-6);                 // above it: empty canvas
        assertEquals(0f, img[25 * 28 + 14], 1e-6);                // below it
    }

    @Test
    void darkInkOnLightPaperIsInvertedToBrightStrokes() throws Exception {
        BufferedImage paper = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 28, 28);
        g.setColor(Color.BLACK);
        g.fillRect(12, 4, 4, 20); // a "1"
        g.dispose();
        save(paper, "png", "ones/one.png");

        float[] img = ImageFolderDataset.load(dir, Progress.NONE, Cancellation.none()).dataset().image(0);

        assertEquals(1f, img[14 * 28 + 13], 1e-6);
        assertEquals(0f, img[14 * 28 + 2], 1e-6);
    }

    @Test
    void transparencyIsLaidOnWhite() throws Exception {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(8, 8, 4, 4); // opaque black dot
        g.dispose();
        save(img, "png", "dots/dot.png");

        float[] px = ImageFolderDataset.load(dir, Progress.NONE, Cancellation.none()).dataset().image(0);

        // transparent -> white -> (mostly bright, inverted) -> black; the black dot -> bright
        assertEquals(0f, px[2 * 28 + 2], 1e-6);
        assertEquals(1f, px[14 * 28 + 14], 1e-6);
    }

    @Test
    void aFolderWithoutImagesIsAClearError() throws Exception {
        text("a/readme.txt", "hello");
        var e = assertThrows(IOException.class, () -> ImageFolderDataset.load(dir, Progress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().startsWith("No readable images in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("readme.txt: not an image"), e.getMessage());

        Path empty = Files.createDirectory(dir.resolve("empty-root"));
        Files.delete(dir.resolve("a/readme.txt"));
        assertThrows(IOException.class, () -> ImageFolderDataset.load(empty, Progress.NONE, Cancellation.none()));
        assertThrows(IOException.class,
                () -> ImageFolderDataset.load(dir.resolve("missing"), Progress.NONE, Cancellation.none()));
    }

    @Test
    void progressIsReportedPerFileAndCancellationStopsTheLoad() throws Exception {
        for (int i = 0; i < 4; i++) save(brightOnDark(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", "c/" + i + ".png");
        List<Double> fractions = new ArrayList<>();
        ImageFolderDataset.load(dir, (f, m) -> fractions.add(f), Cancellation.none());
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), fractions);

        Cancellation cancel = new Cancellation();
        assertThrows(CancellationException.class, () -> ImageFolderDataset.load(dir, (f, m) -> cancel.cancel(), cancel));
    }
}
