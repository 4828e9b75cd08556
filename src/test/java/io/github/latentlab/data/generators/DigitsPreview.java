package io.github.latentlab.data.generators;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Writes a grid of generated digits to a PNG, one row per class, so a person can judge whether
 * they look like handwriting: {@code DigitsPreview [out.png] [columns] [scale]}.
 */
public final class DigitsPreview {
    private DigitsPreview() { }

    public static void main(String[] args) throws IOException {
        String out = args.length > 0 ? args[0] : "/tmp/digits.png";
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int scale = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        DatasetSplit split = BuiltinDigits.standard();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("generated " + (split.train().size() + split.test().size()) + " digits in " + ms + " ms");
        writeGrid(split.train(), columns, scale, new File(out));
        System.out.println("wrote " + out);
    }

    /** Row r shows the first {@code columns} images of class r. */
    static void writeGrid(Dataset data, int columns, int scale, File file) throws IOException {
        int side = data.side(), cell = side * scale + 2;
        BufferedImage img = new BufferedImage(columns * cell, data.classCount() * cell, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < data.classCount(); r++) {
            int[] idx = data.indicesOfClass(r);
            for (int c = 0; c < Math.min(columns, idx.length); c++) {
                float[] px = data.image(idx[c]);
                for (int y = 0; y < side * scale; y++) {
                    for (int x = 0; x < side * scale; x++) {
                        int v = Math.round(px[(y / scale) * side + x / scale] * 255);
                        img.getRaster().setSample(c * cell + 1 + x, r * cell + 1 + y, 0, v);
                    }
                }
            }
        }
        ImageIO.write(img, "png", file);
    }
}
