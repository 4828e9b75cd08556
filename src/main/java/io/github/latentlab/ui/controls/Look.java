package io.github.latentlab.ui.controls;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/**
 * How the window looks, app-wide: the light or dark theme and presenter mode (larger text, dots,
 * lines and image tiles, readable from the back of a room). Controls that paint their own pixels
 * (the map, image grids, histograms) take their colours and sizes from here and repaint when it
 * changes; the rest follows the stylesheets the main window swaps. Changed on the FX thread.
 */
public final class Look {
    public enum Theme { LIGHT, DARK }

    /** Presenter mode makes text, dots and lines this much larger. */
    public static final double PRESENTER_SCALE = 1.4;

    private static final ObjectProperty<Theme> THEME = new SimpleObjectProperty<>(Theme.LIGHT);
    private static final BooleanProperty PRESENTER = new SimpleBooleanProperty(false);

    private Look() { }

    public static ObjectProperty<Theme> themeProperty() { return THEME; }

    public static BooleanProperty presenterProperty() { return PRESENTER; }

    /** Runs {@code repaint} whenever the theme or presenter mode changes. */
    public static void onChange(Runnable repaint) {
        for (Observable o : new Observable[] {THEME, PRESENTER}) o.addListener(x -> repaint.run());
    }

    public static boolean dark() { return THEME.get() == Theme.DARK; }

    /** The class and series colours of the theme (see {@link Palettes}). */
    public static int[] palette() { return dark() ? Palettes.DARK : Palettes.LIGHT; }

    /** Class {@code c}'s colour. */
    public static int classColor(int c) {
        int[] p = palette();
        return p[Math.floorMod(c, p.length)];
    }

    /** ARGB behind the map's points. */
    public static int mapBackground() { return dark() ? Palettes.DARK_BACKGROUND : Palettes.LIGHT_BACKGROUND; }

    /** Text painted on canvases. */
    public static Color text() { return dark() ? Color.web("#e6edf3") : Color.gray(0.2); }

    /** Secondary text painted on canvases (labels beside rows). */
    public static Color mutedText() { return dark() ? Color.web("#9ea7b3") : Color.gray(0.35); }

    /** An empty image's placeholder. */
    public static Color placeholder() { return dark() ? Color.web("#21262d") : Color.gray(0.93); }

    /** ARGB of marks and lines drawn over the map: black on the light map, white on the dark one. */
    public static int ink() { return dark() ? 0xFFF0F3F6 : 0xFF000000; }

    /** 1, or {@link #PRESENTER_SCALE} in presenter mode. */
    public static double scale() { return PRESENTER.get() ? PRESENTER_SCALE : 1; }

    /** {@code px} at the current scale, following presenter mode (for widths set in pixels). */
    public static DoubleBinding scaled(double px) {
        return Bindings.createDoubleBinding(() -> px * scale(), PRESENTER);
    }

    public static Color fx(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
