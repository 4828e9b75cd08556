package io.github.latentlab.ui.latent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.ScatterView;

/** The latent pane's Selection tab: what a shift-drag on the map selected. */
final class SelectionBox {
    private SelectionBox() { }

    /** Shift-drag on the map: how many images, of which classes, and the first few of them. */
    static VBox of(LatentViewModel vm, ScatterView scatter) {
        Label summary = new Label(Texts.get("latent.selection.hint"));
        summary.setId("selection-summary");
        summary.setWrapText(true);
        ImageGrid images = new ImageGrid();
        images.setPrefSize(800, 140);
        scatter.setOnBoxSelect(rows -> {
            LatentMap m = vm.mapProperty().get();
            if (m == null) return;
            Map<String, Integer> byClass = new TreeMap<>();
            for (int r : rows) byClass.merge(Texts.className(m.classNames().get(m.labels()[r])), 1, Integer::sum);
            String classes = byClass.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .map(e -> Texts.format("latent.selection.class", e.getValue(), e.getKey()))
                    .collect(Collectors.joining(" · "));
            summary.setText(Texts.format(classes.isEmpty() ? "latent.selection.summary" : "latent.selection.summary.classes",
                    rows.length, classes));
            int[] shown = Arrays.copyOf(rows, Math.min(rows.length, 20));
            images.setRows(shown.length == 0 ? List.of() : List.of(new ImageGrid.Row(Texts.get("latent.selection.row"),
                    Arrays.asList(m.data().images(shown)), null)), 28);
        });
        return new VBox(6, summary, images);
    }
}
