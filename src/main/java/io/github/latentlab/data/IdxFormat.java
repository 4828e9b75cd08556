package io.github.latentlab.data;

import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Progress;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format of MNIST-style datasets: a big-endian header (magic number,
 * then one 32-bit size per dimension) followed by unsigned bytes. Files may be gzip-compressed;
 * that is detected from the content (magic 0x1f8b), not from the file name.
 *
 * <p>Everything a header claims is checked before memory is allocated for it: dimensions must
 * be sane (sides 1..{@value #MAX_SIDE}, at most {@link #MAX_PAYLOAD_BYTES} bytes of images, the
 * result must fit in free heap), images and labels must agree in count, and the promised bytes
 * must really be in the file. Any violation is an {@link IdxFormatException} naming the file.
 *
 * <p>Images of any side are delivered as {@link Dataset#SIDE} x {@link Dataset#SIDE} floats in
 * [0, 1] (byte / 255); other sizes are resampled, non-square ones fitted and centred.
 */
public final class IdxFormat {
    /** Unsigned-byte data, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned-byte data, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;
    public static final int MAX_SIDE = 1024;
    /** Largest image payload a header may promise; beyond it the header is taken as corrupt. */
    public static final long MAX_PAYLOAD_BYTES = 4L << 30;
    /** Most images one float array of 28x28 images can hold. */
    public static final int MAX_IMAGES = (Integer.MAX_VALUE - 8) / Dataset.PIXELS;

    private static final int GZIP_MAGIC = 0x1f8b;
    private static final float[] BYTE_TO_FLOAT = new float[256];
    static {
        for (int b = 0; b < 256; b++) BYTE_TO_FLOAT[b] = b / 255f;
    }

    private IdxFormat() { }

    /** What an IDX header announces: {@code rows} and {@code cols} are 0 for a labels file. */
    public record Header(int magic, int count, int rows, int cols) {
        public boolean isImages() { return magic == IMAGES_MAGIC; }
        long payloadBytes() { return isImages() ? (long) count * rows * cols : count; }
        int headerBytes() { return isImages() ? 16 : 8; }
    }

    /** Reads an image file and its label file; see {@link #read(String, Path, Path, List, Progress, Cancellation)}. */
    public static Dataset read(String id, Path images, Path labels, List<String> classNames) throws IOException {
        return read(id, images, labels, classNames, Progress.NONE, Cancellation.none());
    }

    /**
     * Reads an image file and its label file into a {@link Dataset}.
     *
     * @param classNames one name per label value; null names the classes "0".."max label"
     * @throws IdxFormatException if either file is malformed, they disagree, or a label has no name
     * @throws java.util.concurrent.CancellationException if {@code cancel} was set while reading
     */
    public static Dataset read(String id, Path images, Path labels, List<String> classNames,
                               Progress progress, Cancellation cancel) throws IOException {
        Objects.requireNonNull(id, "id");
        try (IdxInput imageIn = IdxInput.open(images); IdxInput labelIn = IdxInput.open(labels)) {
            Header ih = imageIn.header(IMAGES_MAGIC);
            Header lh = labelIn.header(LABELS_MAGIC);
            if (ih.count() != lh.count()) {
                throw new IdxFormatException(labels, Message.of("data.error.idx.countMismatch", lh.count(),
                        String.valueOf(images.getFileName()), ih.count()));
            }
            checkFitsInMemory(images, ih);
            imageIn.checkLength(ih);
            labelIn.checkLength(lh);
            int[] labelValues = readLabels(labelIn, lh);
            List<String> names = classNames != null ? classNames : numberedNames(labelValues);
            for (int i = 0; i < labelValues.length; i++) {
                if (labelValues[i] >= names.size()) {
                    throw new IdxFormatException(labels, Message.of("data.error.idx.noClassName", labelValues[i], i,
                            names.size()));
                }
            }
            float[] pixels = readImages(imageIn, ih, progress, cancel);
            return new Dataset(id, Dataset.SIDE, pixels, labelValues, names, Map.of());
        }
    }

    /** Reads an image file without labels: every image gets label 0 of the single class "unlabelled". */
    public static Dataset readUnlabelled(String id, Path images, Progress progress, Cancellation cancel)
            throws IOException {
        try (IdxInput in = IdxInput.open(images)) {
            Header h = in.header(IMAGES_MAGIC);
            checkFitsInMemory(images, h);
            in.checkLength(h);
            float[] pixels = readImages(in, h, progress, cancel);
            return new Dataset(id, Dataset.SIDE, pixels, new int[h.count()], List.of("unlabelled"), Map.of());
        }
    }

    /**
     * Reads a whole images or labels file without keeping its data: checks magic, dimensions and
     * that every promised byte is present. Used on downloads before they are moved into place.
     */
    public static Header verify(Path file) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            Header h = in.header(0);
            in.checkLength(h);
            long remaining = h.payloadBytes();
            byte[] buf = new byte[1 << 16];
            while (remaining > 0) {
                int want = (int) Math.min(buf.length, remaining);
                int n = in.read(buf, want);
                if (n < want) throw truncated(file, h, h.payloadBytes() - remaining + n);
                remaining -= n;
            }
            return h;
        }
    }

    /**
     * Writes images (values clamped to [0, 1], stored as round(v * 255)) and labels (0..255) as
     * an IDX pair, each file atomically.
     */
    public static void write(Path images, Path labels, float[] pixels, int[] labelValues, int side,
                             boolean gzip) throws IOException {
        if (side < 1 || side > MAX_SIDE) throw new IllegalArgumentException("side must be 1.." + MAX_SIDE + ": " + side);
        if ((long) labelValues.length * side * side != pixels.length) {
            throw new IllegalArgumentException(labelValues.length + " labels need "
                    + (long) labelValues.length * side * side + " pixels, got " + pixels.length);
        }
        for (int label : labelValues) {
            if (label < 0 || label > 255) throw new IllegalArgumentException("IDX labels are bytes: " + label);
        }
        AtomicFiles.write(images, out -> writeIdx(out, gzip, new int[] {labelValues.length, side, side}, data -> {
            byte[] row = new byte[side * side];
            for (int i = 0; i < labelValues.length; i++) {
                for (int p = 0; p < row.length; p++) {
                    float v = pixels[i * row.length + p];
                    v = v > 1 ? 1 : (v >= 0 ? v : 0); // NaN -> 0
                    row[p] = (byte) Math.round(v * 255f);
                }
                data.write(row);
            }
        }));
        AtomicFiles.write(labels, out -> writeIdx(out, gzip, new int[] {labelValues.length}, data -> {
            byte[] bytes = new byte[labelValues.length];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) labelValues[i];
            data.write(bytes);
        }));
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void writeIdx(OutputStream target, boolean gzip, int[] dims, Body body) throws IOException {
        GZIPOutputStream zip = gzip ? new GZIPOutputStream(target, 1 << 16) : null;
        DataOutputStream out = new DataOutputStream(zip != null ? zip : target);
        out.writeInt(dims.length == 3 ? IMAGES_MAGIC : LABELS_MAGIC);
        for (int d : dims) out.writeInt(d);
        body.write(out);
        out.flush();
        if (zip != null) zip.finish();
    }

    private static void checkFitsInMemory(Path file, Header h) throws IdxFormatException {
        if (h.payloadBytes() > MAX_PAYLOAD_BYTES || h.count() > MAX_IMAGES) {
            throw new IdxFormatException(file, Message.of("data.error.idx.tooLarge", h.count(), h.rows(), h.cols(),
                    megabytes(h.payloadBytes()), MAX_IMAGES, megabytes(MAX_PAYLOAD_BYTES)));
        }
        Runtime rt = Runtime.getRuntime();
        long needed = 4L * h.count() * Dataset.PIXELS;
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free && needed < rt.maxMemory()) {
            System.gc(); // "used" counts garbage too: ask once before refusing
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (needed > free) {
            throw new IdxFormatException(file, Message.of("data.error.idx.memory", h.count(), megabytes(needed),
                    megabytes(free)));
        }
    }

    private static int[] readLabels(IdxInput in, Header h) throws IOException {
        byte[] bytes = new byte[h.count()];
        int n = in.read(bytes, bytes.length);
        if (n < bytes.length) throw truncated(in.file, h, n);
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) labels[i] = bytes[i] & 0xff;
        return labels;
    }

    private static float[] readImages(IdxInput in, Header h, Progress progress, Cancellation cancel)
            throws IOException {
        int n = h.count();
        int srcPixels = h.rows() * h.cols();
        boolean native28 = h.rows() == Dataset.SIDE && h.cols() == Dataset.SIDE;
        float[] out = new float[n * Dataset.PIXELS];
        int batch = Math.max(1, Math.min(1000, (1 << 20) / srcPixels));
        byte[] buf = new byte[batch * srcPixels];
        float[] img = new float[srcPixels];
        for (int done = 0; done < n; ) {
            cancel.check();
            int k = Math.min(batch, n - done);
            int got = in.read(buf, k * srcPixels);
            if (got < k * srcPixels) throw truncated(in.file, h, (long) done * srcPixels + got);
            for (int j = 0; j < k; j++) {
                int dst = (done + j) * Dataset.PIXELS;
                if (native28) {
                    for (int p = 0; p < srcPixels; p++) out[dst + p] = BYTE_TO_FLOAT[buf[j * srcPixels + p] & 0xff];
                } else {
                    for (int p = 0; p < srcPixels; p++) img[p] = BYTE_TO_FLOAT[buf[j * srcPixels + p] & 0xff];
                    float[] fitted = ImageResize.fitCentered(img, h.cols(), h.rows(), Dataset.SIDE);
                    System.arraycopy(fitted, 0, out, dst, Dataset.PIXELS);
                }
            }
            done += k;
            progress.update((double) done / n, Message.of("data.progress.reading", String.valueOf(in.file.getFileName()), done, n));
        }
        return out;
    }

    private static IdxFormatException truncated(Path file, Header h, long bytesPresent) {
        if (h.isImages()) {
            long perImage = (long) h.rows() * h.cols();
            return new IdxFormatException(file, Message.of("data.error.idx.truncatedImages", h.count(), h.rows(), h.cols(),
                    bytesPresent / perImage));
        }
        return new IdxFormatException(file, Message.of("data.error.idx.truncatedLabels", h.count(), bytesPresent));
    }

    private static List<String> numberedNames(int[] labels) {
        int max = 0;
        for (int label : labels) max = Math.max(max, label);
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) names.add(Integer.toString(c));
        return names;
    }

    private static String hex(int magic) {
        return String.format(Locale.ROOT, "0x%08x", magic);
    }

    private static String megabytes(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }

    /** One open IDX file: raw or gzip, with read errors turned into messages about that file. */
    private static final class IdxInput implements AutoCloseable {
        final Path file;
        final boolean gzip;
        final long fileSize;
        private final InputStream in;

        private IdxInput(Path file, boolean gzip, long fileSize, InputStream in) {
            this.file = file;
            this.gzip = gzip;
            this.fileSize = fileSize;
            this.in = in;
        }

        static IdxInput open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) throw new IdxFormatException(file, Message.of("data.error.idx.noFile", file.toString()));
            long size = Files.size(file);
            if (size == 0) throw new IdxFormatException(file, Message.of("data.error.idx.empty"));
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            try {
                raw.mark(2);
                int b0 = raw.read();
                int b1 = raw.read();
                raw.reset();
                boolean gzip = ((b0 << 8) | b1) == GZIP_MAGIC;
                InputStream in = raw;
                if (gzip) {
                    try {
                        in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
                    } catch (ZipException | EOFException e) {
                        throw new IdxFormatException(file, e instanceof EOFException || e.getMessage() == null
                                ? Message.of("data.error.idx.gzipShort") : Message.of("data.error.idx.gzipBroken", e.getMessage()), e);
                    }
                }
                return new IdxInput(file, gzip, size, in);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        /** Reads and checks the header; {@code expectedMagic} 0 accepts images or labels. */
        Header header(int expectedMagic) throws IOException {
            byte[] head = new byte[8];
            int n = read(head, 8);
            if (n < 4) throw new IdxFormatException(file, Message.of("data.error.idx.headerShort", n));
            int magic = readInt(head, 0);
            if (magic != IMAGES_MAGIC && magic != LABELS_MAGIC) {
                throw new IdxFormatException(file, Message.of("data.error.idx.magic", hex(magic), hex(IMAGES_MAGIC),
                        hex(LABELS_MAGIC)));
            }
            if (expectedMagic != 0 && magic != expectedMagic) {
                throw new IdxFormatException(file, Message.of(magic == LABELS_MAGIC ? "data.error.idx.isLabels"
                        : "data.error.idx.isImages", hex(magic), hex(expectedMagic)));
            }
            boolean images = magic == IMAGES_MAGIC;
            int headerBytes = images ? 16 : 8;
            byte[] full = new byte[headerBytes];
            System.arraycopy(head, 0, full, 0, n);
            if (images && n == 8) n += read(full, 8, 8);
            if (n < headerBytes) throw new IdxFormatException(file, Message.of("data.error.idx.headerShort", n));
            int count = readInt(full, 4);
            if (count <= 0) throw new IdxFormatException(file, Message.of("data.error.idx.count", count));
            if (!images) return new Header(magic, count, 0, 0);
            int rows = readInt(full, 8);
            int cols = readInt(full, 12);
            if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
                throw new IdxFormatException(file, Message.of("data.error.idx.side", rows, cols, MAX_SIDE));
            }
            return new Header(magic, count, rows, cols);
        }

        /** For an uncompressed file the size tells at once whether the promised bytes are there. */
        void checkLength(Header h) throws IdxFormatException {
            if (gzip) return;
            long present = fileSize - h.headerBytes();
            if (present < h.payloadBytes()) throw truncated(file, h, present);
        }

        int read(byte[] buf, int len) throws IOException {
            return read(buf, 0, len);
        }

        /** Reads up to {@code len} bytes, fewer only at end of data; gzip damage becomes an IdxFormatException. */
        int read(byte[] buf, int off, int len) throws IOException {
            int total = 0;
            try {
                while (total < len) {
                    int n = in.read(buf, off + total, len - total);
                    if (n < 0) break;
                    total += n;
                }
                return total;
            } catch (EOFException e) {
                return total; // gzip stream cut short: report it as a truncated file
            } catch (ZipException e) {
                throw new IdxFormatException(file, e.getMessage() == null ? Message.of("data.error.idx.gzipCorrupt")
                        : Message.of("data.error.idx.gzipCorruptDetail", e.getMessage()), e);
            }
        }

        private static int readInt(byte[] b, int off) {
            return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
