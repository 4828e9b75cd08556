package io.github.latentlab.ui.controls;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;

/**
 * A small copy of the latent map for other panes to draw on (noise trails, the drawing's code):
 * the map's points faded, so the marks drawn over them stand out. It follows the latent pane's
 * map; {@link #needMap()} asks for one when there is none yet. Any pane can use it: it knows
 * the map only through {@link LatentMapSource}.
 */
public final class MapInset extends VBox {
    private final LatentMapSource vm;
    private final ScatterView scatter = new ScatterView();
    private final Label caption = new Label();

    public MapInset(LatentMapSource vm, String id) {
        super(4);
        this.vm = vm;
        scatter.setId(id);
        scatter.setPrefSize(320, 260);
        scatter.setMinSize(160, 140);
        scatter.setStyle("-fx-border-color: -color-border-default;");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE); // all lines shown
        caption.setId(id + "-caption");
        getChildren().setAll(scatter, caption);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        vm.mapProperty().addListener((o, a, m) -> showMap(m));
        showMap(vm.mapProperty().get());
        Look.onChange(() -> showMap(vm.mapProperty().get()));
    }

    /** Asks the latent pane for a map of the current model if it has none (a fast one is made at once). */
    public void needMap() {
        vm.ensureMap();
    }

    /** The map in use, or null. */
    public LatentMap map() { return vm.mapProperty().get(); }

    public ScatterView scatter() { return scatter; }

    /** Draws marks (and an outline) over the faded map, with a line of text under it. */
    public void show(List<ScatterView.Mark> marks, double[][] outline, String text) {
        scatter.setOverlay(marks, outline);
        caption.setText(text);
    }

    private void showMap(LatentMap m) {
        if (m == null) {
            caption.setText(Texts.get("inset.noMap"));
            return;
        }
        int[] colors = ScatterView.classColors(m.labels());
        for (int i = 0; i < colors.length; i++) colors[i] = fade(colors[i]);
        scatter.setColoredPoints(m.embedding().xy(), colors);
        caption.setText(Texts.format("inset.caption", methodName(m.embedding().method()), m.labels().length,
                Texts.name(m.source())));
    }

    /** How a reader names a layout method: the code itself for a 2-D code, else the method. */
    private static String methodName(String method) {
        return switch (method) {
            case "identity" -> Texts.get("inset.latentSpace");
            case "tsne" -> "t-SNE";
            default -> method.toUpperCase(Locale.ROOT);
        };
    }

    /** Two thirds of the way to the map's background: the map stays readable under the marks. */
    private static int fade(int argb) {
        int bg = Look.mapBackground();
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        r += (((bg >> 16) & 0xff) - r) * 2 / 3;
        g += (((bg >> 8) & 0xff) - g) * 2 / 3;
        b += ((bg & 0xff) - b) * 2 / 3;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
