package io.github.latentlab.ui.latent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.ScatterView;

/** The latent pane's Selection tab: what a shift-drag on the map selected. */
final class SelectionBox {
    private SelectionBox() { }

    /** Shift-drag on the map: how many images, of which classes, and the first few of them. */
    static VBox of(LatentViewModel vm, ScatterView scatter) {
        Label summary = new Label("Shift-drag on the map to select the images in a rectangle.");
        summary.setId("selection-summary");
        summary.setWrapText(true);
        ImageGrid images = new ImageGrid();
        images.setPrefSize(800, 140);
        scatter.setOnBoxSelect(rows -> {
            LatentMap m = vm.mapProperty().get();
            if (m == null) return;
            Map<String, Integer> byClass = new TreeMap<>();
            for (int r : rows) byClass.merge(m.classNames().get(m.labels()[r]), 1, Integer::sum);
            StringBuilder text = new StringBuilder(rows.length + " images selected");
            byClass.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> text.append(" · ").append(e.getValue()).append(" × ").append(e.getKey()));
            summary.setText(text.toString());
            int[] shown = Arrays.copyOf(rows, Math.min(rows.length, 20));
            images.setRows(shown.length == 0 ? List.of() : List.of(new ImageGrid.Row("selected",
                    Arrays.asList(m.data().images(shown)), null)), 28);
        });
        return new VBox(6, summary, images);
    }
}
