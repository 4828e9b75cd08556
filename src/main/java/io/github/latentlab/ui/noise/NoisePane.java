package io.github.latentlab.ui.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.DenoisedRows;
import io.github.latentlab.model.DenoisingCurve;
import io.github.latentlab.projection.NoiseTrail;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Explanation;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.MapInset;
import io.github.latentlab.ui.controls.Placeholder;
import io.github.latentlab.ui.controls.ScatterView;

/**
 * The noise pane: kind and level of corruption on top, then clean, noisy and denoised rows with
 * PSNR/SSIM under each image, and on the right PSNR against noise level with the slider marked.
 */
public final class NoisePane extends BorderPane {
    final ImageGrid grid = new ImageGrid();
    final Slider slider = new Slider(0, 1, 0.3);
    final Button trainHere = new Button(Texts.get("noise.train"));
    /** Noise-free input has infinite PSNR; the curve shows it at this height. */
    private static final double NOISY_CAP = 40;
    private final NoiseViewModel vm;
    private final XYChart.Series<Number, Number> noisySeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> denoisedSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> marker = new XYChart.Series<>();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    private final XYChart.Series<Number, Number> otherSeries = new XYChart.Series<>();
    final MapInset trailMap;

    /**
     * @param trainOnNoise called with the noise when the user asks to train a model on it
     * @param latent       whose map the noise trail is drawn on
     * @param runs         runs whose curve can be drawn beside the current model's
     */
    public NoisePane(NoiseViewModel vm, Consumer<NoiseSpec> trainOnNoise,
                     LatentMapSource latent,
                     ObservableList<Run> runs) {
        this.vm = vm;
        this.trailMap = new MapInset(latent, "trail-map");
        getStyleClass().add("noise-pane");
        setPadding(new Insets(8));

        ComboBox<NoiseKind> kind = new ComboBox<>();
        kind.setTooltip(new Tooltip(Texts.get("noise.kind.tip")));
        slider.setTooltip(new Tooltip(Texts.get("noise.level.tip")));
        kind.getItems().setAll(NoiseKind.values());
        kind.setConverter(Texts.names());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setId("noise-kind");
        slider.setId("noise-level");
        slider.setPrefWidth(320);
        slider.setBlockIncrement(0.05);
        slider.maxProperty().bind(Bindings.createDoubleBinding(() -> vm.kindProperty().get().maxLevel(), vm.kindProperty()));
        slider.valueProperty().bindBidirectional(vm.levelProperty());
        Label value = new Label();
        value.textProperty().bind(Bindings.createStringBinding(() -> levelText(vm.kindProperty().get(),
                vm.levelProperty().get()), vm.kindProperty(), vm.levelProperty()));
        value.setMinWidth(110);
        Button next = new Button(Texts.get("noise.next"));
        next.setOnAction(e -> vm.next());
        trainHere.setId("train-on-noise");
        trainHere.disableProperty().bind(vm.levelProperty().isEqualTo(0));
        trainHere.setTooltip(new Tooltip(Texts.get("noise.train.tip")));
        trainHere.setOnAction(e -> trainOnNoise.accept(
                new NoiseSpec(vm.kindProperty().get(), vm.levelProperty().get())));
        Label noiseLabel = new Label(Texts.get("noise.label"));
        noiseLabel.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        trainHere.setMinWidth(Region.USE_PREF_SIZE);
        HBox noise = new HBox(10, noiseLabel, kind, slider, value, next);
        noise.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, trainHere, Explanation.button("explain.noise"));
        actions.setAlignment(Pos.CENTER_LEFT);
        // the actions go to a second line when the window is narrow or the text large
        FlowPane bar = new FlowPane(24, 6, noise, actions);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("noise-summary");
        setTop(new VBox(6, bar, summary));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));

        grid.setId("noise-grid");
        grid.setPrefSize(900, 420);
        grid.setOnImageClicked(vm.selectedProperty()::set);
        grid.setHighlighted(vm.selectedProperty().get());
        vm.selectedProperty().addListener((o, a, b) -> grid.setHighlighted(b.intValue()));
        Label hint = new Label(Texts.get("noise.hint"));
        hint.setWrapText(true);
        VBox.setVgrow(grid, Priority.ALWAYS);
        setCenter(new VBox(4, grid, hint));
        VBox right = new VBox(8, curve(runs), trailBox());
        right.setPrefWidth(420);
        right.setMaxWidth(420);
        setRight(right);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.trailProperty().addListener((o, a, t) -> showTrail(t));
        vm.activeProperty().addListener((o, a, shown) -> { if (shown) trailMap.needMap(); });
    }

    private VBox trailBox() {
        Label title = new Label(Texts.get("noise.trail.title"));
        title.setStyle("-fx-font-weight: bold;");
        trailMap.setPrefHeight(280);
        VBox box = new VBox(4, title, trailMap);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void showTrail(NoiseTrail t) {
        if (t == null) return;
        List<ScatterView.Mark> marks = new ArrayList<>();
        for (double[] p : t.noisy()) marks.add(new ScatterView.Mark(p[0], p[1], 0xFFD35400, 2));
        marks.add(new ScatterView.Mark(t.clean()[0], t.clean()[1], Look.ink(), 5));
        var map = trailMap.map();
        DenoisedRows r = vm.resultProperty().get();
        int sel = vm.selectedProperty().get();
        String cls = map != null && r != null && sel < r.indices().length
                ? Texts.className(map.classNames().get(vm.labelOf(r.indices()[sel]))) : "?";
        trailMap.show(marks, t.posterior(), Texts.format(t.posterior() != null ? "noise.trail.posterior" : "noise.trail",
                levelText(vm.kindProperty().get(), vm.levelProperty().get()), t.sameClass(), t.noisy().length, cls, t.spread()));
    }


    private static String levelText(NoiseKind kind, double level) {
        return switch (kind) {
            case GAUSSIAN -> Texts.format("noise.level.gaussian", level);
            case SALT_PEPPER -> Texts.format("noise.level.saltPepper", level * 100);
            case MASK -> Texts.format("noise.level.mask", level * 100);
        };
    }

    private VBox curve(ObservableList<Run> runs) {
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getXAxis().setLabel(Texts.get("noise.curve.xAxis"));
        chart.getYAxis().setLabel(Texts.get("noise.curve.yAxis"));
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        noisySeries.setName(Texts.get("noise.curve.noisy"));
        denoisedSeries.setName(Texts.get("noise.curve.denoised"));
        marker.setName(Texts.get("noise.curve.slider"));
        otherSeries.setName(Texts.get("noise.curve.compared"));
        chart.getData().setAll(List.of(noisySeries, denoisedSeries, marker));
        chart.setPrefWidth(380);
        chart.setPrefHeight(280);
        chart.setMinHeight(200);
        chart.setId("noise-curve");
        vm.curve().addListener((ListChangeListener<DenoisingCurve.Point>) c -> redrawCurve());
        vm.levelProperty().addListener((o, a, b) -> redrawMarker());
        Label status = new Label();
        status.textProperty().bind(vm.curveStatusProperty());
        Button refresh = new Button(Texts.get("noise.curve.recompute"));
        refresh.setOnAction(e -> vm.refreshCurve());
        HBox bar = new HBox(8, status, new Region(), refresh);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        ComboBox<Run> other = new ComboBox<>();
        other.setId("compare-run");
        other.setPromptText(Texts.get("noise.compareWith.none"));
        other.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(other, Priority.ALWAYS);
        // finished (or stopped) runs with a model to load
        Runnable fill = () -> {
            var keep = other.getValue();
            List<Run> usable = new ArrayList<>();
            usable.add(null);
            for (var r : runs) if (r.status() != RunStatus.QUEUED
                    && r.status() != RunStatus.RUNNING && r.checkpoints() != null
                    && (r.model() != null || r.checkpoints().latestFile() != null)) usable.add(r);
            other.getItems().setAll(usable);
            other.setValue(usable.contains(keep) ? keep : null);
        };
        runs.addListener((ListChangeListener<Run>) c -> fill.run());
        other.setOnShowing(e -> fill.run());
        fill.run();
        other.valueProperty().addListener((o, a, b) -> vm.compareRunProperty().set(b));
        other.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(Run r, boolean empty) {
                super.updateItem(r, empty);
                setText(r == null ? Texts.get("noise.compareWith.none") : r.name());
            }
        });
        Label compareLabel = new Label(Texts.get("noise.compareWith"));
        compareLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox compare = new HBox(6, compareLabel, other);
        compare.setAlignment(Pos.CENTER_LEFT);
        StackPane chartBox = Placeholder.over(chart, "noise.curve.placeholder", vm.curve());
        VBox box = new VBox(4, chartBox, bar, compare);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void redrawCurve() {
        List<XYChart.Data<Number, Number>> noisy = new ArrayList<>(), denoised = new ArrayList<>();
        for (DenoisingCurve.Point p : vm.curve()) {
            noisy.add(new XYChart.Data<>(p.level(), Math.min(p.noisyPsnr(), NOISY_CAP)));
            if (Double.isFinite(p.denoisedPsnr())) denoised.add(new XYChart.Data<>(p.level(), p.denoisedPsnr()));
        }
        noisySeries.getData().setAll(noisy);
        denoisedSeries.getData().setAll(denoised);
        List<XYChart.Data<Number, Number>> other = new ArrayList<>();
        for (DenoisingCurve.Point p : vm.curve()) {
            if (!Double.isNaN(p.otherPsnr())) other.add(new XYChart.Data<>(p.level(), p.otherPsnr()));
        }
        otherSeries.getData().setAll(other);
        var run = vm.compareRunProperty().get();
        otherSeries.setName(run == null ? Texts.get("noise.curve.compared") : run.name());
        if (other.isEmpty()) chart.getData().remove(otherSeries);
        else if (!chart.getData().contains(otherSeries)) chart.getData().add(otherSeries);
        redrawMarker();
    }

    /** A vertical line at the slider's level, spanning the curve's range. */
    private void redrawMarker() {
        if (vm.curve().isEmpty()) {
            marker.getData().clear();
            return;
        }
        double lo = vm.curve().stream().mapToDouble(p -> Math.min(Double.isNaN(p.otherPsnr()) ? NOISY_CAP : p.otherPsnr(),
                Math.min(p.denoisedPsnr(), Math.min(p.noisyPsnr(), NOISY_CAP)))).min().orElse(0);
        double hi = vm.curve().stream().mapToDouble(p -> Math.max(Double.isNaN(p.otherPsnr()) ? 0 : p.otherPsnr(),
                Math.max(p.denoisedPsnr(), Math.min(p.noisyPsnr(), NOISY_CAP)))).max().orElse(1);
        double x = vm.levelProperty().get();
        marker.getData().setAll(List.of(new XYChart.Data<>(x, lo), new XYChart.Data<>(x, hi)));
    }

    private void show(DenoisedRows r) {
        if (r == null) {
            grid.setRows(List.of(), 28);
            return;
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        rows.add(new ImageGrid.Row(Texts.get("noise.row.clean"), Arrays.asList(r.clean()), null));
        rows.add(new ImageGrid.Row(Texts.get("noise.row.noisy"), Arrays.asList(r.noisy()), NoiseViewModel.captions(r.noisyPsnr(), r.noisySsim())));
        rows.add(r.denoised() == null
                ? new ImageGrid.Row(Texts.get("noise.row.denoised"), Arrays.asList(new float[r.clean().length][]),
                        Collections.nCopies(r.clean().length, ""))
                : new ImageGrid.Row(Texts.get("noise.row.denoised"), Arrays.asList(r.denoised()),
                        NoiseViewModel.captions(r.denoisedPsnr(), r.denoisedSsim())));
        grid.setRows(rows, 28);
    }
}
