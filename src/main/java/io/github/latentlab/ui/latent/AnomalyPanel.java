package io.github.latentlab.ui.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.projection.Anomalies;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.ScatterView;

/**
 * The latent pane's Anomalies tab: a choice of ranking, what is being computed, a strip of the
 * most unusual test images with their scores (click one to find it on the map), and rings
 * around them on the map while the tab is open.
 */
final class AnomalyPanel extends VBox {
    private final AnomalyViewModel vm;
    private final ScatterView scatter;
    private final ReadOnlyObjectProperty<LatentMap> map;
    final ImageGrid strip = new ImageGrid();

    private AnomalyPanel(AnomalyViewModel vm, ScatterView scatter, ReadOnlyObjectProperty<LatentMap> map) {
        super(6);
        this.vm = vm;
        this.scatter = scatter;
        this.map = map;
        ComboBox<Anomalies.Ranking> ranking = new ComboBox<>();
        ranking.setId("anomaly-ranking");
        ranking.getItems().setAll(Anomalies.Ranking.values());
        ranking.setConverter(new StringConverter<>() {
            @Override public String toString(Anomalies.Ranking r) { return r == null ? "" : name(r); }

            @Override public Anomalies.Ranking fromString(String s) { return null; }
        });
        ranking.valueProperty().bindBidirectional(vm.rankingProperty());
        ranking.setTooltip(new Tooltip(Texts.get("latent.anomalies.ranking.tip")));
        Label rankBy = new Label(Texts.get("latent.anomalies.rankBy"));
        rankBy.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("anomaly-status");
        status.getStyleClass().add("text-muted");
        HBox choice = new HBox(6, rankBy, ranking);
        choice.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(14, 4, choice, status); // the status goes below when there is no room
        bar.setAlignment(Pos.CENTER_LEFT);
        strip.setId("anomaly-strip");
        strip.setPrefSize(800, 110);
        strip.setMinHeight(60); // the detail tabs have a fixed height: the strip takes what the bar leaves
        VBox.setVgrow(strip, Priority.ALWAYS);
        strip.setOnImageClicked(vm::select);
        getChildren().addAll(bar, strip);

        Runnable say = () -> {
            status.setText(vm.statusProperty().get() + (vm.topProperty().get() != null
                    && vm.mapRow(vm.topProperty().get().indices()[0]) < 0 ? " " + Texts.get("latent.anomalies.notOnMap") : ""));
            bar.layout(); // the new text in place at once, not one pulse later with the old one cut to its width
        };
        vm.statusProperty().addListener((o, a, b) -> say.run());
        vm.topProperty().addListener((o, a, b) -> { showStrip(); ring(); say.run(); });
        vm.selectedProperty().addListener((o, a, b) -> { strip.setHighlighted(b.intValue()); ring(); });
        vm.shownProperty().addListener((o, a, b) -> ring());
        map.addListener((o, a, b) -> { ring(); say.run(); });
        Look.onChange(this::ring);
    }

    /** The Anomalies tab in {@code details}: open while anomalies are shown, and the other way round. */
    static Tab addTo(TabPane details, AnomalyViewModel vm, ScatterView scatter, ReadOnlyObjectProperty<LatentMap> map) {
        Tab tab = new Tab(Texts.get("latent.anomalies.tab"), new AnomalyPanel(vm, scatter, map));
        tab.setId("detail-anomalies"); // as lessons name it (LatentPane.showDetail)
        details.getTabs().add(tab);
        tab.selectedProperty().addListener((o, was, is) -> vm.shownProperty().set(is));
        vm.shownProperty().addListener((o, was, is) -> {
            if (is) details.getSelectionModel().select(tab);
            else if (tab.isSelected()) details.getSelectionModel().select(0);
        });
        return tab;
    }

    private static String name(Anomalies.Ranking r) {
        return Texts.get(r == Anomalies.Ranking.RECONSTRUCTION ? "latent.anomalies.ranking.reconstruction"
                : "latent.anomalies.ranking.distance");
    }

    /** The most unusual images with their score and class; each one's both scores on hover. */
    private void showStrip() {
        Anomalies.Ranked top = vm.topProperty().get();
        Anomalies.Scores scores = vm.scoresProperty().get();
        Dataset test = vm.testImages();
        if (top == null || scores == null || test == null) {
            strip.setRows(List.of(), 28);
            return;
        }
        int[] idx = top.indices();
        List<String> captions = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        boolean byMse = vm.rankingProperty().get() == Anomalies.Ranking.RECONSTRUCTION;
        for (int k = 0; k < idx.length; k++) {
            String cls = Texts.className(test.classNames().get(test.label(idx[k])));
            captions.add(Texts.format(byMse ? "latent.anomalies.caption.mse" : "latent.anomalies.caption.distance",
                    top.scores()[k], cls));
            tips.add(Texts.format("latent.anomalies.tip", idx[k], cls, scores.mse()[idx[k]], scores.distance()[idx[k]]));
        }
        strip.setRows(List.of(new ImageGrid.Row(Texts.get("latent.anomalies.row"), Arrays.asList(test.images(idx)),
                captions, 0, 0, tips)), test.side());
        strip.setHighlighted(vm.selectedProperty().get());
    }

    /** Rings around the most unusual images on the map, a larger one around the picked image. */
    private void ring() {
        Anomalies.Ranked top = vm.topProperty().get();
        LatentMap m = map.get();
        if (!vm.shownProperty().get() || top == null || m == null) {
            if (!scatter.rings().isEmpty()) scatter.setRings(List.of());
            return;
        }
        List<ScatterView.Mark> rings = new ArrayList<>();
        double[][] xy = m.embedding().xy();
        for (int k = 0; k < top.indices().length; k++) {
            int row = vm.mapRow(top.indices()[k]);
            if (row < 0 || row >= xy.length) continue;
            boolean picked = k == vm.selectedProperty().get();
            rings.add(new ScatterView.Mark(xy[row][0], xy[row][1], Look.ink(),
                    (int) Math.round((picked ? 12 : 7) * Look.scale())));
        }
        scatter.setRings(rings);
    }
}
