package io.github.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * Builds a dataset from a folder of ordinary images, one sub-folder per class:
 * {@code digits/cat/a.png, digits/dog/b.jpg}. Class names are the sub-folder names, sorted; files
 * directly in the folder form a class named {@value #UNLABELLED}. Sub-folders of a class folder
 * belong to that class. Hidden files and folders (name starting with ".") are ignored; classes
 * that end up with no readable image are dropped.
 *
 * <p>Each image is read with ImageIO (PNG, JPEG, GIF, BMP, ...), transparent parts are laid on
 * white, colours become luminance (0.299 R + 0.587 G + 0.114 B), and the result is scaled to fit
 * 28x28 keeping its aspect ratio, centred on black. Because the models expect MNIST's bright
 * strokes on a dark background, an image whose mean brightness is above 0.5 (dark ink on light
 * paper, as most scans and drawings are) is inverted first.
 *
 * <p>Files that cannot be read as images are skipped and counted, not fatal.
 */
public final class ImageFolderDataset {
    public static final String UNLABELLED = "unlabelled";
    /** Larger images are skipped: decoding them would take more memory than the whole dataset. */
    public static final long MAX_SOURCE_PIXELS = 40_000_000L;
    /** More files than this would not fit in memory as inputs (3 KB each); more classes cannot be told apart. */
    public static final int MAX_FILES = 500_000;
    public static final int MAX_CLASSES = 1_000;
    private static final int MAX_EXAMPLES = 10;

    private ImageFolderDataset() { }

    /**
     * What a load produced.
     *
     * @param skippedExamples the first few skipped files with the reason, e.g. "notes.txt: not an image"
     */
    public record LoadResult(Dataset dataset, int loaded, int skipped, List<String> skippedExamples) {
        public LoadResult {
            skippedExamples = List.copyOf(skippedExamples);
        }

        /** One paragraph for the user: what was loaded, per class, and what was skipped and why. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            sb.append("Loaded ").append(loaded).append(loaded == 1 ? " image" : " images").append(" in ")
                    .append(dataset.classCount()).append(dataset.classCount() == 1 ? " class" : " classes").append(" (");
            for (int c = 0; c < dataset.classCount(); c++) {
                if (c > 0) sb.append(", ");
                sb.append(dataset.classNames().get(c)).append(": ").append(dataset.indicesOfClass(c).length);
            }
            sb.append(").");
            if (skipped > 0) {
                sb.append(" Skipped ").append(skipped).append(skipped == 1 ? " file" : " files").append(":");
                for (String example : skippedExamples) sb.append("\n  ").append(example);
                if (skipped > skippedExamples.size()) {
                    sb.append("\n  ... and ").append(skipped - skippedExamples.size()).append(" more");
                }
            }
            return sb.toString();
        }
    }

    /** Loads {@code folder} with the dataset id {@code "folder:" + folder}. */
    public static LoadResult load(Path folder, Progress progress, Cancellation cancel) throws IOException {
        return load("folder:" + folder, folder, progress, cancel);
    }

    /**
     * Loads every image under {@code folder}.
     *
     * @throws IOException if the folder does not exist or holds no readable image
     * @throws java.util.concurrent.CancellationException if {@code cancel} was set
     */
    public static LoadResult load(String id, Path folder, Progress progress, Cancellation cancel) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("Not a folder: " + folder);
        Map<String, List<Path>> byClass = listFiles(folder);
        int total = byClass.values().stream().mapToInt(List::size).sum();

        List<String> classNames = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> skippedExamples = new ArrayList<>();
        int skipped = 0, seen = 0;
        for (Map.Entry<String, List<Path>> entry : byClass.entrySet()) {
            int label = classNames.size();
            int before = images.size();
            for (Path file : entry.getValue()) {
                cancel.check();
                try {
                    images.add(toMnistStyle(decode(file)));
                    labels.add(label);
                } catch (IOException | RuntimeException e) {
                    skipped++;
                    if (skippedExamples.size() < MAX_EXAMPLES) {
                        skippedExamples.add(folder.relativize(file) + ": " + reason(e));
                    }
                }
                seen++;
                progress.update((double) seen / total, "Reading images: " + seen + " / " + total);
            }
            if (images.size() > before) classNames.add(entry.getKey());
        }
        if (images.isEmpty()) {
            throw new IOException("No readable images in " + folder + " (" + total + " files, " + skipped
                    + " skipped). Expected one sub-folder per class holding PNG, JPEG, GIF or BMP files"
                    + (skippedExamples.isEmpty() ? "." : "; for example " + skippedExamples.get(0)));
        }
        float[] pixels = new float[images.size() * Dataset.PIXELS];
        int[] labelArray = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * Dataset.PIXELS, Dataset.PIXELS);
            labelArray[i] = labels.get(i);
        }
        Dataset dataset = new Dataset(id, Dataset.SIDE, pixels, labelArray, classNames, Map.of());
        return new LoadResult(dataset, images.size(), skipped, skippedExamples);
    }

    /** Class name to its files, both sorted; root files under {@value #UNLABELLED}. */
    private static Map<String, List<Path>> listFiles(Path folder) throws IOException {
        Map<String, List<Path>> byClass = new TreeMap<>();
        List<Path> rootFiles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                if (isHidden(entry)) continue;
                if (Files.isDirectory(entry)) {
                    byClass.put(entry.getFileName().toString(), filesUnder(entry));
                } else if (Files.isRegularFile(entry)) {
                    rootFiles.add(entry);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!rootFiles.isEmpty()) byClass.merge(UNLABELLED, rootFiles, (a, b) -> { a.addAll(b); return a; });
        long files = byClass.values().stream().mapToLong(List::size).sum();
        if (files > MAX_FILES) {
            throw new IOException(folder + " holds " + files + " files; at most " + MAX_FILES
                    + " are read (each image takes 3 KB of memory as a 28×28 input)");
        }
        if (byClass.size() > MAX_CLASSES) {
            throw new IOException(folder + " has " + byClass.size() + " sub-folders; at most " + MAX_CLASSES
                    + " classes are read (one sub-folder per class)");
        }
        Map<String, List<Path>> ordered = new LinkedHashMap<>();
        byClass.forEach(ordered::put);
        return ordered;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !hasHiddenPart(dir, p)) files.add(p);
            }
            files.sort(Comparator.naturalOrder());
            return files;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean hasHiddenPart(Path root, Path p) {
        for (Path part : root.relativize(p)) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /**
     * One image file as a model input: 28×28 grey in [0, 1], bright strokes on dark (as the
     * folders are read). For trying a single picture on a model.
     */
    public static float[] readAsInput(Path file) throws IOException {
        try {
            return toMnistStyle(decode(file));
        } catch (IOException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + ": " + reason(e), e);
        }
    }

    /** Decodes with ImageIO after checking the size, so a huge photo cannot exhaust memory. */
    static BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new IOException("cannot open");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image (no reader for this format)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw new IOException("too large (" + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels)");
                }
                BufferedImage image = reader.read(0);
                if (image == null) throw new IOException("could not be decoded");
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Greyscale on white, inverted if mostly bright, fitted into 28x28. */
    static float[] toMnistStyle(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] grey = new float[w * h];
        double sum = 0;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = (p >>> 24) / 255f;
            float lum = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
            float v = lum * a + (1 - a); // composite on white
            grey[i] = v;
            sum += v;
        }
        if (sum / grey.length > 0.5) {
            for (int i = 0; i < grey.length; i++) grey[i] = 1 - grey[i];
        }
        float[] out = ImageResize.fitCentered(grey, w, h, Dataset.SIDE);
        for (int i = 0; i < out.length; i++) out[i] = Math.min(1f, Math.max(0f, out[i]));
        return out;
    }

    /** Why a file was skipped, in words: never "null" or a bare exception class name. */
    private static String reason(Exception e) {
        String msg = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().equals("null") ? null : e.getMessage();
        if (e instanceof IIOException) return "corrupt or unsupported image" + (msg == null ? "" : " (" + msg + ")");
        if (e instanceof IOException && msg != null) return msg;
        return "could not be decoded: the image data is damaged";
    }
}
