package io.github.latentlab.ui.controls;

/** The pixels of one dot of {@link ScatterView}: its round mask and its blend onto what lies under it. */
final class Dots {
    private Dots() { }

    /** Which pixels of a size×size square a round dot covers (a square below 4 px). */
    static boolean[] mask(int size) {
        boolean[] m = new boolean[size * size];
        double r = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - r, dy = y + 0.5 - r;
                m[y * size + x] = size < 4 || dx * dx + dy * dy <= r * r + 0.25;
            }
        }
        return m;
    }

    /** {@code over} at {@code alpha}/256 on {@code under} (both opaque). */
    static int blend(int under, int over, int alpha) {
        int inv = 256 - alpha;
        int r = (((over >> 16) & 0xff) * alpha + ((under >> 16) & 0xff) * inv) >> 8;
        int g = (((over >> 8) & 0xff) * alpha + ((under >> 8) & 0xff) * inv) >> 8;
        int b = ((over & 0xff) * alpha + (under & 0xff) * inv) >> 8;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
