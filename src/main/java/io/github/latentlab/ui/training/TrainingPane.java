package io.github.latentlab.ui.training;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.converter.DoubleStringConverter;

import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.ui.controls.LossChart;
import io.github.latentlab.ui.controls.Spinners;
import io.github.latentlab.ui.training.TrainingViewModel.State;

/** The training pane: settings on the left, Start/Pause/Stop, progress and the live loss chart. */
public final class TrainingPane extends BorderPane {
    private final TrainingViewModel vm;
    final Button startButton = new Button("Start");
    final Button pauseButton = new Button("Pause");
    final Button stopButton = new Button("Stop");
    final Button queueButton = new Button("Queue");
    final LossChart chart;

    public TrainingPane(TrainingViewModel vm, DatasetCatalog catalog) {
        this.vm = vm;
        getStyleClass().add("training-pane");
        chart = new LossChart(vm.trainCurve(), vm.testCurve());
        chart.logScaleProperty().bind(vm.logScaleProperty());
        setLeft(settings(catalog));
        setCenter(chartArea());
        setPadding(new Insets(8));
    }

    private VBox settings(DatasetCatalog catalog) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels never shrink to "…"
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints(170));
        int row = 0;

        ComboBox<String> dataset = new ComboBox<>();
        catalog.available().forEach(info -> dataset.getItems().add(info.id()));
        dataset.setEditable(true);
        dataset.valueProperty().bindBidirectional(vm.form().datasetIdProperty());
        dataset.setId("dataset");
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setTooltip(new Tooltip("builtin-digits works offline; fashion-mnist when installed;\n"
                + "mnist and kmnist download once; folder:PATH for your own images"));
        Button folder = new Button("…");
        folder.setTooltip(new Tooltip("Train on a folder of your own images (one sub-folder per class)"));
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder with one sub-folder of images per class");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.form().datasetIdProperty().set("folder:" + dir.getAbsolutePath());
        });
        HBox datasetRow = new HBox(4, dataset, folder);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        grid.addRow(row++, new Label("Dataset"), datasetRow);

        ComboBox<ModelKind> kind = new ComboBox<>();
        kind.getItems().setAll(ModelKind.values());
        kind.valueProperty().bindBidirectional(vm.form().kindProperty());
        kind.setId("model-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, new Label("Model"), kind);

        Spinner<Double> beta = new Spinner<>(0.0, 10.0, vm.form().betaProperty().get(), 0.25);
        beta.setEditable(true);
        beta.valueProperty().addListener((o, a, b) -> { if (b != null) vm.form().betaProperty().set(b); });
        vm.form().betaProperty().addListener((o, a, b) -> beta.getValueFactory().setValue(b.doubleValue()));
        beta.setId("beta");
        beta.disableProperty().bind(vm.form().kindProperty().isNotEqualTo(ModelKind.VAE));
        beta.setTooltip(new Tooltip("A VAE's weight on the KL term: 1 is the standard VAE, 0 drops the pull towards N(0, I)"));
        grid.addRow(row++, new Label("β (VAE)"), beta);

        TextField hidden = new TextField();
        hidden.textProperty().bindBidirectional(vm.form().hiddenProperty());
        hidden.setId("hidden");
        hidden.setTooltip(new Tooltip("Encoder layer sizes, e.g. 256 or 512, 128; the decoder mirrors them.\n"
                + "Convolutional: channels of the stride-2 convolutions, e.g. 16, 32 (28→14→7)"));
        grid.addRow(row++, new Label("Hidden layers"), hidden);

        Spinner<Integer> latent = Spinners.bound(vm.form().latentProperty(), 2, 128, 1);
        latent.setId("latent");
        grid.addRow(row++, new Label("Latent size"), latent);

        ComboBox<LossKind> loss = new ComboBox<>();
        loss.getItems().setAll(LossKind.values());
        loss.valueProperty().bindBidirectional(vm.form().lossProperty());
        loss.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, new Label("Loss"), loss);

        TextField lr = new TextField();
        TextFormatter<Double> lrFormat = new TextFormatter<>(new DoubleStringConverter(), vm.form().learningRateProperty().get());
        lr.setTextFormatter(lrFormat);
        lrFormat.valueProperty().addListener((o, a, b) -> { if (b != null) vm.form().learningRateProperty().set(b); });
        vm.form().learningRateProperty().addListener((o, a, b) -> lrFormat.setValue(b.doubleValue()));
        lr.setId("learning-rate");
        lr.setTooltip(new Tooltip("Adam's learning rate; 0.001 is a safe start, above 0.01 often diverges"));
        grid.addRow(row++, new Label("Learning rate"), lr);

        Spinner<Integer> batch = Spinners.bound(vm.form().batchProperty(), 1, 4096, 32);
        grid.addRow(row++, new Label("Batch size"), batch);

        Spinner<Integer> epochs = Spinners.bound(vm.form().epochsProperty(), 1, 1000, 1);
        epochs.setId("epochs");
        grid.addRow(row++, new Label("Epochs"), epochs);

        Spinner<Integer> seed = Spinners.bound(vm.form().seedProperty(), 0, Integer.MAX_VALUE, 1);
        seed.setId("seed");
        seed.setTooltip(new Tooltip("The same seed and settings train the same model, step for step"));
        grid.addRow(row++, new Label("Seed"), seed);

        ComboBox<NoiseKind> noiseKind = new ComboBox<>();
        noiseKind.getItems().setAll(NoiseKind.values());
        noiseKind.valueProperty().bindBidirectional(vm.form().noiseKindProperty());
        noiseKind.setMaxWidth(Double.MAX_VALUE);
        noiseKind.setId("noise-kind");
        Slider noise = new Slider(0, 1, vm.form().noiseLevelProperty().get());
        noise.maxProperty().bind(Bindings.createDoubleBinding(() -> vm.form().noiseKindProperty().get().maxLevel(),
                vm.form().noiseKindProperty()));
        noise.valueProperty().bindBidirectional(vm.form().noiseLevelProperty());
        Label noiseValue = new Label();
        noiseValue.textProperty().bind(Bindings.format("%.2f", vm.form().noiseLevelProperty()));
        noiseValue.setMinWidth(Region.USE_PREF_SIZE);
        noise.setPrefWidth(130);
        HBox noiseRow = new HBox(6, noise, noiseValue);
        noiseRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox denoise = new CheckBox("train on noisy inputs");
        denoise.selectedProperty().bindBidirectional(vm.form().denoiseProperty());
        denoise.setId("denoise");
        denoise.setTooltip(new Tooltip("A convolutional autoencoder becomes a denoising one: noisy input, clean target"));
        denoise.disableProperty().bind(vm.form().kindProperty().isNotEqualTo(ModelKind.CONV));
        var noisy = vm.form().kindProperty().isEqualTo(ModelKind.DAE)
                .or(vm.form().kindProperty().isEqualTo(ModelKind.CONV).and(vm.form().denoiseProperty()));
        noiseKind.disableProperty().bind(noisy.not());
        noiseRow.disableProperty().bind(noisy.not());
        grid.addRow(row++, new Label("Denoising (conv)"), denoise);
        Tooltip.install(noiseRow, new Tooltip("How strongly inputs are corrupted while a denoising model trains: "
                + "σ for Gaussian, the fraction of pixels for salt-and-pepper and masks"));
        grid.addRow(row++, new Label("Noise"), noiseKind);
        grid.addRow(row++, new Label("Noise level"), noiseRow);

        grid.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.IDLE));

        startButton.setId("start");
        startButton.setDefaultButton(true);
        startButton.setOnAction(e -> vm.start());
        startButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.IDLE));
        pauseButton.setId("pause");
        pauseButton.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(State.PAUSED))
                .then("Resume").otherwise("Pause"));
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
        queueButton.setTooltip(new Tooltip("Add a run with these settings to the queue: it starts when the current one ends"));
        HBox buttons = new HBox(6, startButton, pauseButton, stopButton, queueButton);
        startButton.getStyleClass().add("accent");

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("message");
        message.getStyleClass().add("danger");
        message.setMaxWidth(290);

        // the settings scroll when the window is short; the buttons always stay in view
        ScrollPane form = new ScrollPane(grid);
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        form.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        VBox.setVgrow(form, Priority.ALWAYS);
        VBox box = new VBox(10, form, buttons, message);
        box.setPadding(new Insets(0, 12, 0, 0));
        box.setPrefWidth(320);
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
        CheckBox log = new CheckBox("log scale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        HBox status = new HBox(12, text, new Region(), log);
        HBox.setHgrow(status.getChildren().get(1), Priority.ALWAYS);
        status.setAlignment(Pos.CENTER_LEFT);
        chart.setMinHeight(180);
        Label placeholder = new Label("The loss curve appears here as soon as training starts.");
        placeholder.getStyleClass().add("text-muted");
        placeholder.visibleProperty().bind(Bindings.isEmpty(vm.trainCurve()));
        chart.visibleProperty().bind(placeholder.visibleProperty().not());
        StackPane chartBox = new StackPane(chart, placeholder);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        return new VBox(6, bar, status, chartBox);
    }
}
