package io.github.latentlab.projection;

import java.util.Arrays;
import java.util.Locale;

/**
 * Codes drawn as small grey pictures, as the tutorials do (a 64-number code as 4×16): each code is
 * laid out row by row in a {@code rows}×{@code cols} grid, and one grey scale is shared by all
 * codes shown together (black the lowest number among them, white the highest), so two pictures
 * compare by eye. Cells past the end of the code (a prime length in a rectangle) are NaN.
 *
 * @param images per code, rows×cols grey values in [0, 1], row-major
 * @param min    the number drawn black
 * @param max    the number drawn white (equal to {@code min} when all numbers are equal: mid grey)
 */
public record CodeImages(int rows, int cols, float[][] images, double min, double max) {
    /** The automatic shape keeps to this many rows when it can (the tutorials' 4×16)... */
    static final int MAX_ROWS = 4;
    /** ...and to at most this many columns per row. */
    static final int MAX_RATIO = 4;
    /** Numbers per line in {@link #numbers}: a tooltip stays readable. */
    static final int PER_LINE = 8;

    /**
     * The automatic shape {rows, cols} for a code of {@code length} numbers: at most 4 rows and
     * at most 4 times as wide as tall (2 → 1×2, 8 → 2×4, 16 → 4×4, 32 → 4×8, 64 → 4×16); longer
     * codes get the squarest exact shape (128 → 8×16), lengths without one a padded near-square
     * (7 → 2×4).
     */
    public static int[] shape(int length) {
        if (length < 1) throw new IllegalArgumentException("a code has at least one number");
        int rows = 1;
        for (int r = 1; r <= MAX_ROWS && r * r <= length; r++) if (length % r == 0) rows = r;
        if (length / rows <= MAX_RATIO * rows) return new int[] {rows, length / rows};
        for (int r = (int) Math.sqrt(length); r > 1; r--) {
            if (length % r == 0 && length / r <= MAX_RATIO * r) return new int[] {r, length / r};
        }
        int padded = Math.max(1, (int) Math.round(Math.sqrt(length / 2.0)));
        return new int[] {padded, (length + padded - 1) / padded};
    }

    /** A stated number of rows ({@code rows} ≤ 0: the automatic shape); the last row may be short. */
    public static int[] shape(int length, int rows) {
        if (rows <= 0) return shape(length);
        int r = Math.min(rows, length);
        return new int[] {r, (length + r - 1) / r};
    }

    /** The codes as pictures of the given shape ({@code rows} ≤ 0: automatic), on one shared grey scale. */
    public static CodeImages of(float[][] codes, int rows) {
        if (codes.length == 0) throw new IllegalArgumentException("no codes");
        int length = codes[0].length;
        int[] shape = shape(length, rows);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] code : codes) {
            for (float v : code) {
                if (!Float.isFinite(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) min = max = 0; // nothing finite: all mid grey
        double span = max - min;
        float[][] images = new float[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            float[] img = new float[shape[0] * shape[1]];
            Arrays.fill(img, Float.NaN);
            for (int k = 0; k < length; k++) {
                img[k] = span > 0 ? (float) ((codes[i][k] - min) / span) : 0.5f;
            }
            images[i] = img;
        }
        return new CodeImages(shape[0], shape[1], images, min, max);
    }

    /**
     * The numbers of a code as "z₁ 0.53  z₂ -1.20 …" with two decimals, {@code perRow} to a line
     * (split further so that no line holds more than {@value #PER_LINE}).
     */
    public static String numbers(float[] code, int perRow) {
        int perLine = Math.max(1, Math.min(perRow, PER_LINE));
        while (perRow % perLine != 0) perLine--; // lines break where the picture's rows do
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < code.length; k++) {
            if (k > 0) out.append(k % perLine == 0 ? "\n" : "   ");
            out.append('z').append(subscript(k + 1)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", code[k]));
        }
        return out.toString();
    }

    /** {@code n} in subscript digits (12 → ₁₂). */
    static String subscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) s.append((char) ('₀' + (c - '0')));
        return s.toString();
    }
}
