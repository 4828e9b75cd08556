package io.github.latentlab.data.generators;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Handwritten-looking digits drawn from stroke templates, so the app has real-looking data with
 * no download. Every image is a template (one of a few writing styles per digit) bent by a smooth
 * random deformation, then slanted, rotated, scaled, drawn with a random pen width and placed
 * with a random offset, anti-aliased into 28x28 with the digit about 20 pixels tall, as in MNIST.
 *
 * <p>The sampled nuisance values are kept as factor columns, in this order: {@code slant}
 * (horizontal shear, x shift per unit of height, positive leans right), {@code rotation}
 * (degrees, positive clockwise), {@code scale} (height relative to 20 pixels, after any shrink
 * needed to stay inside the frame), {@code width} (pen width in pixels), {@code offset_x},
 * {@code offset_y} (pixels from the centre).
 *
 * <p>Deterministic: image {@code i} depends only on the seed and {@code i} (its label is
 * {@code i % 10}), so results do not depend on thread count, and the test images of a split are
 * simply the images after the training ones.
 */
public final class BuiltinDigits {
    public static final String ID = "builtin-digits";
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FACTOR_NAMES =
            List.of("slant", "rotation", "scale", "width", "offset_x", "offset_y");
    public static final int STANDARD_TRAIN = 20_000;
    public static final int STANDARD_TEST = 4_000;
    public static final long STANDARD_SEED = 42;

    private static final int SIDE = Dataset.SIDE;
    /** Height in pixels of a digit at scale 1, like MNIST's 20x20 box. */
    private static final double BOX = 20;
    /** Width in pixels of the pen's soft edge (ink fades from full to none over it). */
    private static final double EDGE = 1.3;
    /**
     * Distance kept between a stroke's outline and the frame: the soft edge reaches EDGE / 2
     * further, and the outermost pixel centres sit 0.5 inside the frame, so border pixels stay black.
     */
    private static final double MARGIN = 0.5 + EDGE / 2 + 0.05;
    private static final int SPLINE_STEPS = 6;

    private BuiltinDigits() { }

    /** 20,000 training and 4,000 test digits, seed 42: the data the app opens with. */
    public static DatasetSplit standard() {
        return generate(STANDARD_TRAIN, STANDARD_TEST, STANDARD_SEED);
    }

    /** Images 0..trainCount-1 of the seed's sequence for training, the next testCount for testing. */
    public static DatasetSplit generate(int trainCount, int testCount, long seed) {
        if (trainCount < 1 || testCount < 0) {
            throw new IllegalArgumentException("need trainCount >= 1 and testCount >= 0: " + trainCount + ", " + testCount);
        }
        Dataset train = generate(ID + "#train", seed, 0, trainCount);
        Dataset test = generate(ID + "#test", seed, trainCount, testCount);
        return new DatasetSplit(ID, train, test);
    }

    /** Images {@code first .. first+count-1} of the sequence that {@code seed} defines. */
    public static Dataset generate(String id, long seed, int first, int count) {
        float[] pixels = new float[count * Dataset.PIXELS];
        int[] labels = new int[count];
        float[][] factors = new float[FACTOR_NAMES.size()][count];
        IntStream.range(0, count).parallel().forEach(k -> {
            int index = first + k;
            labels[k] = Math.floorMod(index, 10);
            render(seed, index, labels[k], pixels, k * Dataset.PIXELS, factors, k);
        });
        Map<String, float[]> columns = new LinkedHashMap<>();
        for (int f = 0; f < factors.length; f++) columns.put(FACTOR_NAMES.get(f), factors[f]);
        return new Dataset(id, SIDE, pixels, labels, CLASS_NAMES, columns);
    }

    private static void render(long seed, int index, int digit, float[] pixels, int offset,
                               float[][] factors, int row) {
        SplittableRandom rnd = new SplittableRandom(mix64(seed ^ mix64(index + 0x9E3779B97F4A7C15L)));
        List<Stroke> strokes = DigitTemplates.pick(digit, rnd);
        double slant = uniform(rnd, -0.2, 0.5);
        double rotation = 12 * (rnd.nextDouble() + rnd.nextDouble() - 1); // triangular: big tilts are rare
        double scale = uniform(rnd, 0.78, 1.05);
        double width = uniform(rnd, 1.7, 3.5);
        double offsetX = uniform(rnd, -1.5, 1.5);
        double offsetY = uniform(rnd, -1.5, 1.5);
        double aspect = uniform(rnd, 0.8, 1.2); // not a factor: just more variety in width
        Deformation bend = Deformation.random(rnd);

        double rad = Math.toRadians(rotation);
        double cos = Math.cos(rad), sin = Math.sin(rad), px = BOX * scale;
        double[][] lines = new double[strokes.size()][];
        int[] lengths = new int[strokes.size()];
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int s = 0; s < strokes.size(); s++) {
            Stroke stroke = strokes.get(s);
            int n = stroke.points();
            double[] ctrl = new double[2 * n];
            for (int k = 0; k < n; k++) {
                double x = stroke.xy()[2 * k], y = stroke.xy()[2 * k + 1];
                double bx = x + bend.dx(x, y), by = y + bend.dy(x, y);
                double sx = bx * aspect - slant * by; // y points down: the top moves right for slant > 0
                ctrl[2 * k] = (sx * cos - by * sin) * px;
                ctrl[2 * k + 1] = (sx * sin + by * cos) * px;
            }
            if (stroke.smooth()) {
                double[] dense = new double[2 * ((n - 1) * SPLINE_STEPS + 1)];
                lengths[s] = StrokeRasterizer.catmullRom(ctrl, n, SPLINE_STEPS, dense);
                lines[s] = dense;
            } else {
                lengths[s] = n;
                lines[s] = ctrl;
            }
            for (int k = 0; k < lengths[s]; k++) {
                minX = Math.min(minX, lines[s][2 * k]);
                maxX = Math.max(maxX, lines[s][2 * k]);
                minY = Math.min(minY, lines[s][2 * k + 1]);
                maxY = Math.max(maxY, lines[s][2 * k + 1]);
            }
        }
        // Centre the ink box on the offset position; shrink if any of it would leave the frame.
        double half = width / 2;
        double roomX = SIDE / 2.0 - MARGIN - Math.abs(offsetX) - half;
        double roomY = SIDE / 2.0 - MARGIN - Math.abs(offsetY) - half;
        double shrink = Math.min(1, Math.min(roomX / Math.max(1e-9, (maxX - minX) / 2),
                roomY / Math.max(1e-9, (maxY - minY) / 2)));
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        double tx = SIDE / 2.0 + offsetX, ty = SIDE / 2.0 + offsetY;
        StrokeRasterizer raster = new StrokeRasterizer(SIDE, EDGE);
        for (int s = 0; s < lines.length; s++) {
            double[] line = lines[s];
            for (int k = 0; k < lengths[s]; k++) {
                line[2 * k] = tx + (line[2 * k] - cx) * shrink;
                line[2 * k + 1] = ty + (line[2 * k + 1] - cy) * shrink;
            }
            raster.draw(line, lengths[s], width, pixels, offset);
        }
        factors[0][row] = (float) slant;
        factors[1][row] = (float) rotation;
        factors[2][row] = (float) (scale * shrink);
        factors[3][row] = (float) width;
        factors[4][row] = (float) offsetX;
        factors[5][row] = (float) offsetY;
    }

    /** A smooth random displacement of the plane: a few sine waves per axis, like a wobbly hand. */
    private record Deformation(double[] waves) {
        private static final int WAVES = 3;

        static Deformation random(SplittableRandom rnd) {
            double[] w = new double[2 * WAVES * 4];
            for (int i = 0; i < 2 * WAVES; i++) {
                double angle = rnd.nextDouble(2 * Math.PI);
                double freq = 2 * Math.PI * uniform(rnd, 0.6, 2.2);
                w[4 * i] = uniform(rnd, 0, 0.04);           // amplitude, glyph units
                w[4 * i + 1] = freq * Math.cos(angle);       // wave vector
                w[4 * i + 2] = freq * Math.sin(angle);
                w[4 * i + 3] = rnd.nextDouble(2 * Math.PI);  // phase
            }
            return new Deformation(w);
        }

        double dx(double x, double y) { return sum(0, x, y); }

        double dy(double x, double y) { return sum(WAVES, x, y); }

        private double sum(int from, double x, double y) {
            double d = 0;
            for (int i = from; i < from + WAVES; i++) {
                d += waves[4 * i] * Math.sin(waves[4 * i + 1] * x + waves[4 * i + 2] * y + waves[4 * i + 3]);
            }
            return d;
        }
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** Stafford's mix13 finaliser: neighbouring indices get unrelated seeds. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
