package io.github.latentlab.ui.latent;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ScatterView;

/** The latent pane's decoded grid under a 2-D code's map: on or off, resolution, range and opacity. */
final class DecodedGridBox {
    private DecodedGridBox() { }

    /** For a 2-D latent: a grid of decoded codes under the points, its resolution and range (parts of a wrapping row). */
    static List<Node> of(LatentViewModel vm, ScatterView scatter) {
        CheckBox grid = new CheckBox(Texts.get("latent.grid"));
        grid.setId("manifold");
        grid.setMinWidth(Region.USE_PREF_SIZE);
        grid.setTooltip(new Tooltip(Texts.get("latent.grid.tip")));
        Spinner<Integer> res = new Spinner<>(4, 30, 15);
        res.setPrefWidth(80);
        res.setTooltip(new Tooltip(Texts.get("latent.grid.resolution.tip")));
        Spinner<Double> spread = new Spinner<>(0.5, 3.0, 1.0, 0.25);
        spread.setPrefWidth(90);
        spread.setTooltip(new Tooltip(Texts.get("latent.grid.range.tip")));
        Slider opacity = new Slider(0.1, 1, 0.6);
        opacity.setPrefWidth(90);
        opacity.setId("grid-opacity");
        opacity.setTooltip(new Tooltip(Texts.get("latent.grid.opacity.tip")));
        opacity.valueProperty().addListener((o, a, b) -> scatter.setUnderlayOpacity(b.doubleValue()));
        Runnable manifold = () -> {
            if (grid.isSelected()) vm.computeManifold(res.getValue(), spread.getValue());
            else scatter.setUnderlay(null, 0, 0, 0, 0, 0);
        };
        grid.selectedProperty().addListener((o, a, b) -> manifold.run());
        res.valueProperty().addListener((o, a, b) -> manifold.run());
        spread.valueProperty().addListener((o, a, b) -> manifold.run());
        Label resLabel = new Label(Texts.get("latent.grid.resolution"));
        Label rangeLabel = new Label(Texts.get("latent.grid.range"));
        Label opacityLabel = new Label(Texts.get("latent.grid.opacity"));
        for (Label l : new Label[] {resLabel, rangeLabel, opacityLabel}) l.setMinWidth(Region.USE_PREF_SIZE);
        for (Spinner<?> s : new Spinner<?>[] {res, spread}) s.setMinWidth(Region.USE_PREF_SIZE);
        opacity.setMinWidth(Region.USE_PREF_SIZE);
        // each setting with its label, so a narrow pane wraps between them, never inside one
        List<Node> gridBox = List.of(LatentPane.row(grid, resLabel, res), LatentPane.row(rangeLabel, spread),
                LatentPane.row(opacityLabel, opacity));
        for (Node part : gridBox) {
            part.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.IDENTITY));
            part.managedProperty().bind(part.visibleProperty());
        }
        // the grid belongs under a 2-D code's own map only (not under an animating t-SNE)
        vm.methodProperty().addListener((o, was, is) -> {
            if (is != MapMethod.IDENTITY) scatter.setUnderlay(null, 0, 0, 0, 0, 0);
        });
        vm.manifoldProperty().addListener((o, a, m) -> {
            if (m != null && grid.isSelected() && vm.methodProperty().get() == MapMethod.IDENTITY) {
                scatter.setUnderlay(m.images(), m.res(), m.x0(), m.x1(), m.y0(), m.y1());
            }
        });
        vm.mapProperty().addListener((o, a, m) -> { if (m != null && grid.isSelected()) manifold.run(); });
        return gridBox;
    }
}
