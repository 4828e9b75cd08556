package io.github.latentlab.ui.controls;

/**
 * The colours of classes (and of runs and series in charts), one palette per theme. Each is our
 * own, found by a search starting from Tableau 10's hues (so a learner still sees blue, orange,
 * red, teal, green, olive, violet, rose, plum and grey) under three rules that
 * {@code PalettesTest} checks: every two colours differ by CIEDE2000 ΔE ≥ 20; each has a contrast
 * ratio ≥ 3:1 against its theme's map background (WCAG, for dots and lines); and under simulated
 * deuteranopia and protanopia (Machado et al. 2009, full severity) every two still differ by ΔE ≥
 * 10. Tableau 10 itself fails all three on white (Sandal yellow at 1.6:1, 12 colour-blind pairs).
 */
public final class Palettes {
    private Palettes() { }

    /** On the light theme's white map. */
    public static final int[] LIGHT = {0xFF3A70B7, 0xFFCD7F1E, 0xFF891B20, 0xFF0097A7, 0xFF357D57,
        0xFF766C0B, 0xFFAF76F2, 0xFFD1546D, 0xFF675770, 0xFF918A89};
    public static final int LIGHT_BACKGROUND = 0xFFFFFFFF;

    /** On the dark theme's map. */
    public static final int[] DARK = {0xFF6986EC, 0xFFFB932B, 0xFFF74143, 0xFF1AD0FF, 0xFF7AB57A,
        0xFFEFD786, 0xFFB0709C, 0xFFFBB2B1, 0xFF93826F, 0xFFB6BAC7};
    public static final int DARK_BACKGROUND = 0xFF161B22;

    /**
     * The chart colours AtlantaFX looks up ({@code -color-chart-1} … {@code -8} and their 70% and 20%
     * variants) as an inline style, so that chart series take the same colours as the classes.
     */
    public static String chartColors(int[] palette) {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < Math.min(8, palette.length); i++) {
            int c = palette[i];
            String rgb = ((c >> 16) & 0xff) + ", " + ((c >> 8) & 0xff) + ", " + (c & 0xff);
            css.append("-color-chart-").append(i + 1).append(": ").append(css(c)).append("; ")
                    .append("-color-chart-").append(i + 1).append("-alpha70: rgba(").append(rgb).append(", 0.7); ")
                    .append("-color-chart-").append(i + 1).append("-alpha20: rgba(").append(rgb).append(", 0.2); ");
        }
        return css.toString().trim();
    }

    /** "#rrggbb" for CSS. */
    public static String css(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
