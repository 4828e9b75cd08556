package io.github.latentlab.ui.latent;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;

/**
 * Traversal: one slider per latent dimension (up to 16) around the selected image's code, the
 * decoded image following live, and beside each slider the histogram of that dimension over the
 * shown codes, so a collapsed dimension (all codes at one value) is plain to see.
 */
final class TraversalPanel extends HBox {
    private static final double HIST_W = 120, HIST_H = 18;
    private final LatentViewModel vm;
    private final GridPane rows = new GridPane();
    private final Canvas image = new Canvas(120, 120);
    private final List<Slider> sliders = new ArrayList<>();
    private boolean updating;

    TraversalPanel(LatentViewModel vm) {
        super(12);
        this.vm = vm;
        setPadding(new Insets(6));
        rows.setHgap(6);
        ColumnConstraints gap = new ColumnConstraints(16);
        rows.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), gap);
        rows.setVgap(2);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(150);
        scroll.setPrefViewportWidth(720);
        Label hint = new Label(Texts.get("latent.traverse.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(160);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(scroll, new VBox(4, hint, image));
        vm.mapProperty().addListener((o, a, m) -> rebuild());
        vm.traversalCodeProperty().addListener((o, a, code) -> syncSliders(code));
        vm.traversalImageProperty().addListener((o, a, img) -> {
            ImageGrid.paint(image, img);
        });
    }

    private void rebuild() {
        rows.getChildren().clear();
        sliders.clear();
        double[][] ranges = vm.ranges();
        int[][] hist = vm.histograms();
        int dims = Math.min(ranges.length, LatentViewModel.MAX_TRAVERSE);
        int perColumn = dims <= 4 ? dims : (dims + 1) / 2; // two columns: all 16 dimensions in view
        for (int j = 0; j < dims; j++) {
            double lo = ranges[j][0], hi = ranges[j][1];
            double pad = Math.max(1e-3, (hi - lo) * 0.25); // a little beyond the data, to see what lies there
            Slider s = new Slider(lo - pad, hi + pad, (lo + hi) / 2);
            s.setPrefWidth(150);
            s.setId("traverse-" + j);
            int dim = j;
            s.valueProperty().addListener((o, a, v) -> { if (!updating) vm.traverse(dim, v.doubleValue()); });
            sliders.add(s);
            Canvas h = histogram(hist[j], hi - lo < 1e-6);
            Label value = new Label();
            value.textProperty().bind(Bindings.format("%.2f", s.valueProperty()));
            value.setMinWidth(Region.USE_PREF_SIZE);
            value.prefWidthProperty().bind(Look.scaled(52));
            int col = (j / perColumn) * 5;
            int row = j % perColumn;
            Label name = new Label("z" + subscript(j + 1));
            name.setMinWidth(Region.USE_PREF_SIZE);
            rows.add(name, col, row);
            rows.add(s, col + 1, row);
            rows.add(value, col + 2, row);
            rows.add(h, col + 3, row);
            if (col == 0) rows.add(new Region(), col + 4, row); // a gap between the two columns
        }
        if (ranges.length > dims) {
            rows.add(new Label(Texts.format("latent.traverse.more", dims, ranges.length)), 0, perColumn, 10, 1);
        }
    }

    /** "12" as "₁₂", as dimensions are written in the tutorials (z₁, z₂, …). */
    static String subscript(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) out.append((char) ('₀' + (c - '0')));
        return out.toString();
    }

    private static Canvas histogram(int[] counts, boolean collapsed) {
        Canvas c = new Canvas(HIST_W, HIST_H);
        GraphicsContext g = c.getGraphicsContext2D();
        int max = 1;
        for (int v : counts) max = Math.max(max, v);
        double w = HIST_W / counts.length;
        g.setFill(collapsed ? Color.web("#c0392b") : Look.fx(Look.classColor(0)));
        for (int b = 0; b < counts.length; b++) {
            double hgt = HIST_H * counts[b] / max;
            g.fillRect(b * w, HIST_H - hgt, Math.max(1, w - 1), hgt);
        }
        return c;
    }

    private void syncSliders(float[] code) {
        if (code == null) return;
        updating = true;
        for (int j = 0; j < sliders.size() && j < code.length; j++) {
            if (Math.abs(sliders.get(j).getValue() - code[j]) > 1e-9) sliders.get(j).setValue(code[j]);
        }
        updating = false;
    }
}
