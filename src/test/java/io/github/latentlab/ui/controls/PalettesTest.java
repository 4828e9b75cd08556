package io.github.latentlab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each theme's class palette is distinct, visible on its map, and distinct to colour-blind viewers. */
class PalettesTest {
    private static int[] palette(String theme) {
        return theme.equals("light") ? Palettes.LIGHT : Palettes.DARK;
    }

    private static int background(String theme) {
        return theme.equals("light") ? Palettes.LIGHT_BACKGROUND : Palettes.DARK_BACKGROUND;
    }

    /** Sharma, Wu and Dalal's published test pairs: the implementation is CIEDE2000 itself. */
    @ParameterizedTest
    @CsvSource({
        "50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425",
        "50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0000",
        "50, 2.5, 0, 50, 0, -2.5, 4.3065",
        "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
        "22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373",
        "2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082"})
    void deltaE2000MatchesThePublishedTestData(double l1, double a1, double b1, double l2, double a2, double b2,
                                               double expected) {
        assertEquals(expected, ColorMath.deltaE2000(new double[] {l1, a1, b1}, new double[] {l2, a2, b2}), 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyTwoClassColoursDifferByAtLeast20(String theme) {
        int[] p = palette(theme);
        assertEquals(10, p.length, "ten classes, as MNIST and Fashion-MNIST have");
        assertTrue(closePairs(p, null, 20).isEmpty(), theme + ": " + closePairs(p, null, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyClassColourStandsOutFromTheMapBackground(String theme) {
        for (int c : palette(theme)) {
            double ratio = ColorMath.contrast(c, background(theme));
            assertTrue(ratio >= 3, theme + ": " + Palettes.css(c) + " has contrast " + ratio + ":1");
        }
    }

    /** All pairs stay apart, so the palette needs no second cue (marker shapes) for these viewers. */
    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void colourBlindViewersStillTellEveryTwoApart(String theme) {
        int[] p = palette(theme);
        List<String> close = new ArrayList<>(closePairs(p, ColorMath.DEUTERANOPIA, 10));
        close.addAll(closePairs(p, ColorMath.PROTANOPIA, 10));
        assertTrue(close.isEmpty(), theme + ": " + close);
    }

    @Test
    void chartSeriesAreGivenTheClassColours() {
        String css = Palettes.chartColors(Palettes.DARK);
        assertTrue(css.startsWith("-color-chart-1: #6986ec; -color-chart-1-alpha70: rgba(105, 134, 236, 0.7);"), css);
        assertTrue(css.endsWith("-color-chart-8-alpha20: rgba(251, 178, 177, 0.2);"), css);
    }

    @Test
    void theTestsRejectThePaletteTheMapUsedBefore() {
        int[] tableau = {0xFF4E79A7, 0xFFF28E2B, 0xFFE15759, 0xFF76B7B2, 0xFF59A14F, 0xFFEDC948, 0xFFB07AA1,
            0xFFFF9DA7, 0xFF9C755F, 0xFFBAB0AC};
        assertEquals(5, Arrays.stream(tableau).filter(c -> ColorMath.contrast(c, 0xFFFFFFFF) < 3).count());
        assertEquals(3, closePairs(tableau, null, 20).size());
        assertTrue(closePairs(tableau, ColorMath.DEUTERANOPIA, 10).size() >= 5);
        assertTrue(closePairs(tableau, ColorMath.PROTANOPIA, 10).size() >= 5);
    }

    /** Pairs closer than {@code limit}, as seen through {@code deficiency} (null: normal vision). */
    private static List<String> closePairs(int[] p, double[][] deficiency, double limit) {
        List<String> close = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                double[] a = deficiency == null ? ColorMath.lab(p[i]) : ColorMath.lab(ColorMath.simulate(p[i], deficiency));
                double[] b = deficiency == null ? ColorMath.lab(p[j]) : ColorMath.lab(ColorMath.simulate(p[j], deficiency));
                double d = ColorMath.deltaE2000(a, b);
                if (d < limit) close.add(Palettes.css(p[i]) + "/" + Palettes.css(p[j]) + " ΔE " + Math.round(d));
            }
        }
        return close;
    }
}
