package io.github.latentlab.ui.latent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.ScatterView;

/**
 * How the latent map's points are colored and its legend: by class (each class can be hidden from
 * the legend) or by a generator factor on a blue-to-red ramp, chosen in {@link #colorBy()}.
 */
final class MapColoring {
    private static final String COLOR_BY_CLASS = "class";
    /** The generated digits' factors (BuiltinDigits.FACTORS), as the window names them. */
    private static final Map<String, String> FACTORS = Map.of("slant", "latent.factor.slant", "rotation",
            "latent.factor.rotation", "scale", "latent.factor.scale", "width", "latent.factor.width",
            "offset_x", "latent.factor.offsetX", "offset_y", "latent.factor.offsetY");

    private final ScatterView scatter;
    private final ReadOnlyObjectProperty<LatentMap> map;
    private final FlowPane legend = new FlowPane(8, 4);
    private final ComboBox<String> colorBy = new ComboBox<>();
    private final Set<Integer> hiddenClasses = new HashSet<>();
    private String colorChoice = COLOR_BY_CLASS;
    /** While a new map's choices are put in the box (its changes are not the user's). */
    private boolean offering;

    MapColoring(ScatterView scatter, ReadOnlyObjectProperty<LatentMap> map) {
        this.scatter = scatter;
        this.map = map;
        legend.setPrefWrapLength(224);
        colorBy.setId("color-by");
        colorBy.setConverter(new StringConverter<>() {
            @Override public String toString(String choice) { return choiceName(choice); }

            @Override public String fromString(String text) { throw new UnsupportedOperationException("choices are not typed"); }
        });
        colorBy.getItems().setAll(COLOR_BY_CLASS);
        colorBy.setValue(COLOR_BY_CLASS);
        followMap(map);
        // another theme: the map's colours and the legend's swatches follow
        Look.onChange(() -> {
            LatentMap m = map.get();
            if (m == null) return;
            scatter.recolor(colors(m));
            rebuildLegend(m);
        });
    }

    /** How the choice reads: "class", or a built-in dataset's factor by its key, another factor by its name. */
    private static String choiceName(String choice) {
        if (choice == null) return "";
        if (COLOR_BY_CLASS.equals(choice)) return Texts.get("latent.colorBy.class");
        String key = FACTORS.get(choice);
        return key == null ? choice : Texts.get(key);
    }

    /** A layout method as the window names it: "pca" as {@link MapMethod#PCA} does. */
    private static String methodName(String method) {
        for (MapMethod v : MapMethod.values()) if (v.name().equalsIgnoreCase(method)) return Texts.name(v);
        return method.toUpperCase(Locale.ROOT);
    }

    /** The choice of class or factor. */
    ComboBox<String> colorBy() { return colorBy; }

    /** The live legend: a check box per class, or the factor's scale. */
    Node legend() { return legend; }

    /** A new map or another coloring redraws the points and the legend. */
    private void followMap(ReadOnlyObjectProperty<LatentMap> map) {
        map.addListener((o, a, m) -> {
            if (m == null) return;
            boolean sameData = a != null && a.data() == m.data();
            if (!sameData) hiddenClasses.clear();
            // the choices of the new data, without recoloring: the points shown are still the old map's
            offering = true;
            colorBy.getItems().setAll(COLOR_BY_CLASS);
            colorBy.getItems().addAll(m.data().factors().keySet());
            if (!colorBy.getItems().contains(colorChoice)) colorChoice = COLOR_BY_CLASS;
            colorBy.setValue(colorChoice);
            offering = false;
            scatter.setColoredPoints(m.embedding().xy(), colors(m));
            rebuildLegend(m);
        });
        colorBy.valueProperty().addListener((o, a, b) -> {
            if (b == null || offering) return;
            colorChoice = b;
            LatentMap m = map.get();
            if (m == null) return;
            scatter.recolor(colors(m));
            rebuildLegend(m);
        });
    }

    /** The legend as plain colored labels (the live one has check boxes) under the map's title. */
    Node legendForExport() {
        VBox box = new VBox(4);
        box.setPadding(new Insets(10));
        box.setStyle("-fx-background-color: white;");
        LatentMap m = map.get();
        if (m != null) {
            Label title = new Label(Texts.format("latent.legend.title", methodName(m.embedding().method()),
                    m.labels().length, Texts.name(m.source())));
            title.setStyle("-fx-font-weight: bold;");
            box.getChildren().addAll(title, new Label(Texts.format("latent.legend.coloredBy", choiceName(colorChoice))));
        }
        if (m != null && !COLOR_BY_CLASS.equals(colorChoice)) {
            box.getChildren().addAll(factorScale(m));
        } else if (m != null) {
            for (int c = 0; c < m.classNames().size(); c++) {
                if (hiddenClasses.contains(c)) continue;
                Label l = new Label(Texts.className(m.classNames().get(c)), swatch(c));
                l.setStyle("-fx-text-fill: black;");
                box.getChildren().add(l);
            }
        }
        new Scene(box); // a scene applies CSS so the snapshot has text
        box.applyCss();
        box.layout();
        return box;
    }

    /** Class colors (hidden classes transparent), or a blue-to-red ramp over a factor's range. */
    private int[] colors(LatentMap m) {
        int n = m.labels().length;
        if (COLOR_BY_CLASS.equals(colorChoice)) {
            int[] c = ScatterView.classColors(m.labels());
            for (int i = 0; i < n; i++) if (hiddenClasses.contains(m.labels()[i])) c[i] = 0;
            return c;
        }
        float[] f = m.data().factors().get(colorChoice);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { lo = Math.min(lo, f[i]); hi = Math.max(hi, f[i]); }
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = ramp(hi > lo ? (f[i] - lo) / (hi - lo) : 0.5);
        return c;
    }

    /** Blue (low) through grey to red (high). */
    private static int ramp(double t) {
        int r = (int) Math.round(59 + t * (192 - 59)), g = (int) Math.round(110 + (0.5 - Math.abs(t - 0.5)) * 120 - t * 40);
        int b = (int) Math.round(180 - t * (180 - 43));
        return 0xFF000000 | (Math.max(0, Math.min(255, r)) << 16) | (Math.max(0, Math.min(255, g)) << 8) | Math.max(0, Math.min(255, b));
    }

    /** Five swatches along the ramp of the chosen factor, with the factor's value at each. */
    private List<Node> factorScale(LatentMap m) {
        float[] f = m.data().factors().get(colorChoice);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < m.labels().length; i++) { lo = Math.min(lo, f[i]); hi = Math.max(hi, f[i]); }
        List<Node> items = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            int argb = ramp(k / 4.0);
            Rectangle swatch = new Rectangle(10, 10, Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
            HBox item = new HBox(4, swatch, new Label(Texts.format("latent.legend.value", lo + (hi - lo) * k / 4)));
            item.setAlignment(Pos.CENTER_LEFT);
            items.add(item);
        }
        return items;
    }

    /** A dot in class {@code c}'s map color, beside the class name (the text keeps the theme's color). */
    private static Node swatch(int c) {
        return new Circle(6 * Look.scale(), Look.fx(Look.classColor(c)));
    }

    private void rebuildLegend(LatentMap m) {
        legend.getChildren().clear();
        if (!COLOR_BY_CLASS.equals(colorChoice)) {
            legend.getChildren().addAll(factorScale(m));
            return;
        }
        for (int c = 0; c < m.classNames().size(); c++) {
            CheckBox box = new CheckBox(Texts.className(m.classNames().get(c)));
            box.setSelected(!hiddenClasses.contains(c));
            box.setGraphic(swatch(c));
            box.setId("class-toggle-" + c);
            int cls = c;
            box.selectedProperty().addListener((o, was, on) -> {
                if (on) hiddenClasses.remove(cls); else hiddenClasses.add(cls);
                scatter.recolor(colors(m));
            });
            legend.getChildren().add(box);
        }
    }
}
