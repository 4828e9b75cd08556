package io.github.latentlab.ui.latent;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Spinners;

/** The latent pane's settings of the chosen projection (perplexity, neighbours, components, seed). */
final class MapParameters {
    private MapParameters() { }

    /** The settings of the chosen method, each with its label, for a wrapping row; those shown change with the method. */
    static List<Node> of(LatentViewModel vm) {
        Spinner<Double> perplexity = new Spinner<>(2.0, 100.0, vm.perplexityProperty().get(), 5.0);
        perplexity.setPrefWidth(80);
        perplexity.setMinWidth(Region.USE_PREF_SIZE);
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
        HBox perplexityBox = LatentPane.row(label("latent.perplexity"), perplexity);
        HBox tsne = LatentPane.row(label("latent.iterations"), iterations);
        HBox umap = LatentPane.row(label("latent.neighbours"), neighbours);
        HBox pca = LatentPane.row(label("latent.components"), first, label("latent.components.and"), second);
        HBox seeded = LatentPane.row(label("latent.seed"), seed);
        perplexityBox.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.TSNE));
        for (HBox b : new HBox[] {perplexityBox, tsne, umap, pca, seeded}) {
            b.managedProperty().bind(b.visibleProperty());
        }
        tsne.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.TSNE));
        umap.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.UMAP));
        pca.visibleProperty().bind(vm.methodProperty().isEqualTo(MapMethod.PCA));
        seeded.visibleProperty().bind(tsne.visibleProperty().or(umap.visibleProperty()));
        return List.of(perplexityBox, tsne, umap, pca, seeded);
    }

    private static Label label(String key) {
        Label l = new Label(Texts.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Spinner<Integer> widened(Spinner<Integer> s) {
        s.setPrefWidth(90);
        s.setMinWidth(Region.USE_PREF_SIZE);
        return s;
    }
}
