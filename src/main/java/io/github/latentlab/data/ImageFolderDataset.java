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
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
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
     * @param skippedNotes the first few skipped files with the reason, e.g. "notes.txt: not an image"
     */
    public record LoadResult(Dataset dataset, int loaded, int skipped, List<Message> skippedNotes) {
        public LoadResult {
            skippedNotes = List.copyOf(skippedNotes);
        }

        /** The first few skipped files with the reason, in English. */
        public List<String> skippedExamples() {
            return skippedNotes.stream().map(Message::english).toList();
        }

        /** One paragraph for the user: what was loaded, per class, and what was skipped and why (in English). */
        public String report() {
            return reportMessage().english();
        }

        /** The same in words a window shows in its language. */
        public Message reportMessage() {
            Message classes = null;
            for (int c = 0; c < dataset.classCount(); c++) {
                Message one = Message.of("data.progress.folderClass", dataset.classNames().get(c), dataset.indicesOfClass(c).length);
                classes = classes == null ? one : Message.of("data.progress.list", classes, one);
            }
            int classCount = dataset.classCount();
            Message loadedText = Message.of("data.progress.folderLoaded",
                    loaded == 1 ? Message.of("data.progress.images.one") : Message.of("data.progress.images", loaded),
                    classCount == 1 ? Message.of("data.progress.classes.one") : Message.of("data.progress.classes", classCount),
                    classes == null ? Message.of("plain.text", "") : classes);
            if (skipped == 0) return loadedText;
            Message lines = Message.of("plain.text", "");
            for (Message note : skippedNotes) lines = Message.of("data.progress.folderLine", lines, note);
            if (skipped > skippedNotes.size()) lines = Message.of("data.progress.folderMore", lines, skipped - skippedNotes.size());
            return Message.of("data.progress.folderSkipped", loadedText,
                    skipped == 1 ? Message.of("data.progress.files.one") : Message.of("data.progress.files", skipped), lines);
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
        if (!Files.isDirectory(folder)) throw new Problems.BadInput(Message.of("data.error.folder.notFolder", folder.toString()));
        Map<String, List<Path>> byClass = listFiles(folder);
        int total = byClass.values().stream().mapToInt(List::size).sum();

        List<String> classNames = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Message> skippedExamples = new ArrayList<>();
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
                        skippedExamples.add(Message.of("data.error.file", folder.relativize(file).toString(), reason(e)));
                    }
                }
                seen++;
                progress.update((double) seen / total, Message.of("data.progress.readingImages", seen, total));
            }
            if (images.size() > before) classNames.add(entry.getKey());
        }
        if (images.isEmpty()) {
            throw new Problems.BadInput(skippedExamples.isEmpty()
                    ? Message.of("data.error.folder.noImages", folder.toString(), total, skipped)
                    : Message.of("data.error.folder.noImagesExample", folder.toString(), total, skipped, skippedExamples.get(0)));
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
            throw new Problems.BadInput(Message.of("data.error.folder.tooManyFiles", folder.toString(), files, MAX_FILES));
        }
        if (byClass.size() > MAX_CLASSES) {
            throw new Problems.BadInput(Message.of("data.error.folder.tooManyClasses", folder.toString(), byClass.size(),
                    MAX_CLASSES));
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
            throw new Problems.BadInput(Message.of("data.error.file", String.valueOf(file.getFileName()), Problems.messageOf(e)), e);
        } catch (RuntimeException e) {
            throw new Problems.BadInput(Message.of("data.error.file", String.valueOf(file.getFileName()), reason(e)), e);
        }
    }

    /** Decodes with ImageIO after checking the size, so a huge photo cannot exhaust memory. */
    static BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new Problems.BadInput(Message.of("data.error.image.cannotOpen"));
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new Problems.BadInput(Message.of("data.error.image.notImage"));
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw new Problems.BadInput(Message.of("data.error.image.tooLarge", reader.getWidth(0), reader.getHeight(0)));
                }
                BufferedImage image = reader.read(0);
                if (image == null) throw new Problems.BadInput(Message.of("data.error.image.undecodable"));
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
    private static Message reason(Exception e) {
        String msg = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().equals("null") ? null : e.getMessage();
        if (e instanceof IIOException) {
            return msg == null ? Message.of("data.error.image.corrupt") : Message.of("data.error.image.corruptDetail", msg);
        }
        if (e instanceof Message.Carrier c && c.userMessage() != null) return c.userMessage();
        if (e instanceof IOException && msg != null) return Message.of("plain.text", msg);
        return Message.of("data.error.image.damaged");
    }
}
