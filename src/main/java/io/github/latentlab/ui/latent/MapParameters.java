package io.github.latentlab.ui.latent;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Spinners;

/** The latent pane's settings of the chosen projection (perplexity, neighbours, components, seed). */
final class MapParameters {
    private MapParameters() { }

    /** The settings of the chosen method; the one shown changes with the method. */
    static HBox of(LatentViewModel vm) {
        Spinner<Double> perplexity = new Spinner<>(2.0, 100.0, vm.perplexityProperty().get(), 5.0);
        perplexity.setPrefWidth(80);
        perplexity.valueProperty().addListener((o, a, b) -> vm.perplexityProperty().set(b));
        Spinner<Integer> iterations = widened(Spinners.bound(vm.iterationsProperty(), 50, 5000, 250));
        Spinner<Integer> neighbours = widened(Spinners.bound(vm.neighboursKProperty(), 2, 200, 5));
        Spinner<Integer> seed = widened(Spinners.bound(vm.seedProperty(), 0, Integer.MAX_VALUE, 1));
        Spinner<Integer> first = widened(Spinners.bound(vm.pcaFirstProperty(), 1, 128, 1));
        Spinner<Integer> second = widened(Spinners.bound(vm.pcaSecondProperty(), 1, 128, 1));
        perplexity.setTooltip(new Tooltip(Texts.get("latent.perplexity.tip")));
        iterations.setTooltip(new Tooltip(Texts.get("latent.iterations.tip")));
        neighbours.setTooltip(new Tooltip(Texts.get("latent.neighbours.tip")));
        seed.setTooltip(new Tooltip(Texts.get("latent.seed.tip")));
        first.setTooltip(new Tooltip(Texts.get("latent.components.tip")));
        second.setTooltip(new Tooltip(Texts.get("latent.components.tip")));
        HBox tsne = new HBox(6, new Label("perplexity"), perplexity, new Label("iterations"), iterations);
        HBox umap = new HBox(6, new Label("neighbours"), neighbours);
        HBox pca = new HBox(6, new Label("components"), first, new Label("and"), second);
        HBox seeded = new HBox(6, new Label("seed"), seed);
        for (HBox b : new HBox[] {tsne, umap, pca, seeded}) {
            b.setAlignment(Pos.CENTER_LEFT);
            b.managedProperty().bind(b.visibleProperty());
        }
        tsne.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.TSNE));
        umap.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.UMAP));
        pca.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.PCA));
        seeded.visibleProperty().bind(tsne.visibleProperty().or(umap.visibleProperty()));
        HBox row = new HBox(14, tsne, umap, pca, seeded);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Spinner<Integer> widened(Spinner<Integer> s) {
        s.setPrefWidth(90);
        return s;
    }
}
