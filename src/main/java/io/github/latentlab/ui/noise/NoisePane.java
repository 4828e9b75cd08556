package io.github.latentlab.ui.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.ui.controls.ImageGrid;

/**
 * The noise pane: kind and level of corruption on top, then clean, noisy and denoised rows with
 * PSNR/SSIM under each image, and on the right PSNR against noise level with the slider marked.
 */
public final class NoisePane extends BorderPane {
    final ImageGrid grid = new ImageGrid();
    final Slider slider = new Slider(0, 1, 0.3);
    final Button trainHere = new Button("Train a denoising model on this noise");
    /** Noise-free input has infinite PSNR; the curve shows it at this height. */
    private static final double NOISY_CAP = 40;
    private final NoiseViewModel vm;
    private final XYChart.Series<Number, Number> noisySeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> denoisedSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> marker = new XYChart.Series<>();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    /** @param trainOnNoise called with the noise when the user asks to train a model on it */
    public NoisePane(NoiseViewModel vm, java.util.function.Consumer<io.github.latentlab.data.noise.NoiseSpec> trainOnNoise) {
        this.vm = vm;
        getStyleClass().add("noise-pane");
        setPadding(new Insets(8));

        ComboBox<NoiseKind> kind = new ComboBox<>();
        kind.getItems().setAll(NoiseKind.values());
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
        Button next = new Button("Next images");
        next.setOnAction(e -> vm.next());
        trainHere.setId("train-on-noise");
        trainHere.disableProperty().bind(vm.levelProperty().isEqualTo(0));
        trainHere.setTooltip(new Tooltip("Sets up the training pane for a denoising autoencoder trained on this noise"));
        trainHere.setOnAction(e -> trainOnNoise.accept(
                new io.github.latentlab.data.noise.NoiseSpec(vm.kindProperty().get(), vm.levelProperty().get())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, new Label("Noise"), kind, slider, value, next, spacer, trainHere);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("noise-summary");
        setTop(new VBox(6, bar, summary));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));

        grid.setId("noise-grid");
        grid.setPrefSize(900, 420);
        setCenter(grid);
        setRight(curve());
        vm.resultProperty().addListener((o, a, r) -> show(r));
    }

    private static String levelText(NoiseKind kind, double level) {
        return switch (kind) {
            case GAUSSIAN -> String.format("σ %.2f", level);
            case SALT_PEPPER -> String.format("%.0f%% of pixels", level * 100);
            case MASK -> String.format("%.0f%% masked", level * 100);
        };
    }

    private VBox curve() {
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getXAxis().setLabel("noise level");
        chart.getYAxis().setLabel("PSNR vs clean (dB)");
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        noisySeries.setName("noisy input");
        denoisedSeries.setName("model output");
        marker.setName("slider");
        chart.getData().setAll(List.of(noisySeries, denoisedSeries, marker));
        chart.setPrefWidth(380);
        chart.setId("noise-curve");
        vm.curve().addListener((ListChangeListener<NoiseViewModel.CurvePoint>) c -> redrawCurve());
        vm.levelProperty().addListener((o, a, b) -> redrawMarker());
        Label status = new Label();
        status.textProperty().bind(vm.curveStatusProperty());
        Button refresh = new Button("Recompute");
        refresh.setOnAction(e -> vm.refreshCurve());
        HBox bar = new HBox(8, status, new Region(), refresh);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, chart, bar);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void redrawCurve() {
        List<XYChart.Data<Number, Number>> noisy = new ArrayList<>(), denoised = new ArrayList<>();
        for (NoiseViewModel.CurvePoint p : vm.curve()) {
            noisy.add(new XYChart.Data<>(p.level(), Math.min(p.noisyPsnr(), NOISY_CAP)));
            denoised.add(new XYChart.Data<>(p.level(), p.denoisedPsnr()));
        }
        noisySeries.getData().setAll(noisy);
        denoisedSeries.getData().setAll(denoised);
        redrawMarker();
    }

    /** A vertical line at the slider's level, spanning the curve's range. */
    private void redrawMarker() {
        if (vm.curve().isEmpty()) {
            marker.getData().clear();
            return;
        }
        double lo = vm.curve().stream().mapToDouble(p -> Math.min(p.denoisedPsnr(), Math.min(p.noisyPsnr(), NOISY_CAP))).min().orElse(0);
        double hi = vm.curve().stream().mapToDouble(p -> Math.max(p.denoisedPsnr(), Math.min(p.noisyPsnr(), NOISY_CAP))).max().orElse(1);
        double x = vm.levelProperty().get();
        marker.getData().setAll(List.of(new XYChart.Data<>(x, lo), new XYChart.Data<>(x, hi)));
    }

    private void show(NoiseViewModel.Result r) {
        if (r == null) {
            grid.setRows(List.of(), 28);
            return;
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        rows.add(new ImageGrid.Row("clean", Arrays.asList(r.clean()), null));
        rows.add(new ImageGrid.Row("noisy", Arrays.asList(r.noisy()), NoiseViewModel.captions(r.noisyPsnr(), r.noisySsim())));
        rows.add(r.denoised() == null
                ? new ImageGrid.Row("denoised", Arrays.asList(new float[r.clean().length][]),
                        Collections.nCopies(r.clean().length, ""))
                : new ImageGrid.Row("denoised", Arrays.asList(r.denoised()),
                        NoiseViewModel.captions(r.denoisedPsnr(), r.denoisedSsim())));
        grid.setRows(rows, 28);
    }
}
