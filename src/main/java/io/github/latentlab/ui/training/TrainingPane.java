package io.github.latentlab.ui.training;

import java.io.File;

import java.util.function.DoubleConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.controls.EmptyState;
import io.github.latentlab.ui.controls.Explanation;
import io.github.latentlab.ui.TimelineState;
import io.github.latentlab.ui.controls.LossChart;
import io.github.latentlab.ui.controls.Placeholder;
import io.github.latentlab.ui.training.TrainingViewModel.State;

/** The training pane: settings on the left, Start/Pause/Stop, progress and the live loss chart. */
public final class TrainingPane extends BorderPane {
    private final TrainingViewModel vm;
    private final AppCommands actions;
    final Button startButton = new Button(Texts.get("train.start"));
    final Button pauseButton = new Button(Texts.get("train.pause"));
    final Button stopButton = new Button(Texts.get("train.stop"));
    final Button queueButton = new Button(Texts.get("train.queue"));
    final LossChart chart;

    public TrainingPane(TrainingViewModel vm, DatasetCatalog catalog, AppCommands actions) {
        this.vm = vm;
        this.actions = actions;
        getStyleClass().add("training-pane");
        chart = new LossChart(vm.trainCurve(), vm.testCurve());
        chart.logScaleProperty().bind(vm.logScaleProperty());
        setLeft(settings(catalog));
        setCenter(chartArea());
        setPadding(new Insets(8));
    }

    /** Clicking or dragging along the loss curve shows that epoch; the chart marks the epoch shown. */
    public void followTimeline(TimelineState state, DoubleConsumer onPicked) {
        chart.setOnEpochPicked(onPicked);
        chart.viewedEpochProperty().bind(Bindings.createDoubleBinding(
                () -> state.viewingPast() ? state.viewedEpoch() : Double.NaN, state.viewedEpochProperty()));
    }

    private VBox settings(DatasetCatalog catalog) {
        GridPane grid = TrainingSettings.of(vm.form(), catalog);
        grid.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.IDLE));

        startButton.setId("start");
        startButton.setDefaultButton(true);
        startButton.setOnAction(e -> vm.start());
        startButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.IDLE));
        pauseButton.setId("pause");
        pauseButton.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(State.PAUSED))
                .then(Texts.get("train.resume")).otherwise(Texts.get("train.pause")));
        pauseButton.setOnAction(e -> {
            if (vm.getState() == State.PAUSED) vm.resume(); else vm.pause();
        });
        pauseButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(State.PAUSED)));
        stopButton.setId("stop");
        stopButton.setOnAction(e -> vm.stop());
        stopButton.disableProperty().bind(vm.stateProperty().isEqualTo(State.IDLE)
                .or(vm.stateProperty().isEqualTo(State.STOPPING)));
        queueButton.setId("queue");
        queueButton.setOnAction(e -> vm.enqueue());
        queueButton.setTooltip(new Tooltip(Texts.get("train.queue.tip")));
        HBox buttons = new HBox(6, startButton, pauseButton, stopButton, queueButton);
        startButton.getStyleClass().add("accent");

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("message");
        message.getStyleClass().add("danger");
        message.setMaxWidth(560);

        // the settings scroll when the window is short or narrow; the buttons always stay in view
        ScrollPane form = new ScrollPane(grid);
        form.setId("train-settings");
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        form.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        VBox.setVgrow(form, Priority.ALWAYS);
        VBox box = new VBox(10, form, buttons, message);
        box.setPadding(new Insets(0, 12, 0, 0));
        // beside a lesson in presenter mode the pane is narrow: the settings scroll sideways, the chart keeps 40%
        box.setMinWidth(0);
        box.maxWidthProperty().bind(widthProperty().multiply(0.6));
        return box;
    }

    private VBox chartArea() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("progress");
        Label text = new Label();
        text.textProperty().bind(vm.progressTextProperty());
        text.setId("progress-text");
        text.setWrapText(true); // a narrow chart (a lesson open beside the tabs) takes it on two lines
        text.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox log = new CheckBox(Texts.get("train.logScale"));
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.setTooltip(new Tooltip(Texts.get("train.logScale.tip")));
        Slider smoothing = new Slider(0, 0.99, vm.smoothingProperty().get());
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setPrefWidth(110);
        smoothing.setId("smoothing");
        Label smoothingLabel = new Label(Texts.get("train.smoothing"));
        smoothingLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(Bindings.format("%.2f", vm.smoothingProperty()));
        smoothingValue.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip smoothingTip = new Tooltip(Texts.get("train.smoothing.tip"));
        smoothing.setTooltip(smoothingTip);
        smoothingLabel.setTooltip(smoothingTip);
        Button csv = new Button(Texts.get("train.csv"));
        csv.setId("export-csv");
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setTooltip(new Tooltip(Texts.get("train.csv.tip")));
        csv.disableProperty().bind(Bindings.isEmpty(vm.trainCurve()));
        csv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("loss.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.exportCurves(f.toPath());
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox status = new HBox(12, text, Explanation.button("explain.train"));
        status.setAlignment(Pos.CENTER_LEFT);
        chart.setMinHeight(180);
        // a first start: the way in is a lesson or a shipped model, not an empty chart
        EmptyState welcome = new EmptyState("train.welcome", vm.nothingYet(), actions, false);
        welcome.setId("train-welcome");
        StackPane chartBox = Placeholder.over(chart, "train.chart.placeholder", vm.trainCurve(), welcome);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        Label readout = new Label();
        readout.textProperty().bind(chart.readoutProperty());
        readout.getStyleClass().add("text-muted");
        readout.setId("chart-readout");
        readout.visibleProperty().bind(chart.visibleProperty());
        // under the chart: how it is drawn and exported, then the values under the cursor; wraps when narrow
        HBox smoothingRow = new HBox(8, smoothingLabel, smoothing, smoothingValue);
        smoothingRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane below = new FlowPane(14, 4, smoothingRow, log, csv, readout);
        below.setAlignment(Pos.CENTER_LEFT);
        readout.setWrapText(true);
        readout.maxWidthProperty().bind(below.widthProperty());
        VBox area = new VBox(6, bar, status, chartBox, below);
        area.setMinWidth(0); // narrow: the chart shrinks and the row below it wraps, nothing is pushed off the pane
        chart.setMinWidth(0);
        below.setMinWidth(0);
        return area;
    }
}
