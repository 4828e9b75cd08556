package io.github.latentlab.ui.training;

import java.io.File;
import java.util.Arrays;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.util.converter.DoubleStringConverter;

import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.Spinners;

/**
 * The Train tab's settings in two columns, the model on the left and the optimiser and noise on
 * the right, so that all of them are in view at 1280×800. A setting that does not apply to the
 * chosen model (β for a plain autoencoder, noise for one that trains on clean images) is not shown.
 * Every setting has a tooltip saying what it does and a typical value.
 */
final class TrainingSettings {
    /** Wide enough for "Convolutional autoencoder" on the left, for numbers on the right. */
    private static final double MODEL_FIELD_WIDTH = 232;
    private static final double NUMBER_FIELD_WIDTH = 170;

    private final TrainingForm form;
    private final GridPane grid = new GridPane();
    private int leftRow;
    private int rightRow;

    private TrainingSettings(TrainingForm form) {
        this.form = form;
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE); // labels never shrink to "…"
        ColumnConstraints field = scaledColumn(MODEL_FIELD_WIDTH);
        ColumnConstraints gap = new ColumnConstraints(10);
        ColumnConstraints label2 = new ColumnConstraints();
        label2.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(label, field, gap, label2, scaledColumn(NUMBER_FIELD_WIDTH));
    }

    /** A column of fields {@code px} wide, wider in presenter mode. */
    private static ColumnConstraints scaledColumn(double px) {
        ColumnConstraints c = new ColumnConstraints();
        c.prefWidthProperty().bind(Look.scaled(px));
        c.minWidthProperty().bind(Look.scaled(px));
        return c;
    }

        /** The settings grid for {@code form}, offering the datasets of {@code catalog}. */
    static GridPane of(TrainingForm form, DatasetCatalog catalog) {
        TrainingSettings s = new TrainingSettings(form);
        s.modelColumn(catalog);
        s.optimiserColumn();
        return s.grid;
    }

    private void modelColumn(DatasetCatalog catalog) {
        ComboBox<String> dataset = new ComboBox<>();
        catalog.available().forEach(info -> dataset.getItems().add(info.id()));
        dataset.setEditable(true);
        dataset.valueProperty().bindBidirectional(form.datasetIdProperty());
        dataset.setId("dataset");
        dataset.setMaxWidth(Double.MAX_VALUE);
        Button folder = new Button("…");
        folder.setMinWidth(Region.USE_PREF_SIZE);
        folder.setTooltip(tip("train.dataset.folder.tip"));
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Texts.get("train.dataset.folder.title"));
            File dir = chooser.showDialog(grid.getScene().getWindow());
            if (dir != null) form.datasetIdProperty().set("folder:" + dir.getAbsolutePath());
        });
        HBox datasetRow = new HBox(4, dataset, folder);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        left("train.dataset", datasetRow, dataset);

        ComboBox<ModelKind> kind = new ComboBox<>();
        kind.getItems().setAll(ModelKind.values());
        kind.setConverter(Texts.names());
        kind.valueProperty().bindBidirectional(form.kindProperty());
        kind.setId("model-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        left("train.model", kind, kind);

        TextField hidden = new TextField();
        hidden.textProperty().bindBidirectional(form.hiddenProperty());
        hidden.setId("hidden");
        left("train.hidden", hidden, hidden);

        Spinner<Integer> latent = Spinners.bound(form.latentProperty(), 2, 128, 1);
        latent.setId("latent");
        latent.setMaxWidth(Double.MAX_VALUE);
        left("train.latent", latent, latent);

        ComboBox<LossKind> loss = new ComboBox<>();
        offerLosses(loss, form.kindProperty().get());
        form.kindProperty().addListener((o, was, is) -> offerLosses(loss, is));
        loss.valueProperty().bindBidirectional(form.lossProperty());
        loss.setId("loss");
        loss.setMaxWidth(Double.MAX_VALUE);
        left("train.loss", loss, loss);

        Spinner<Double> beta = numberSpinner(form.betaProperty(), 10, 0.25, "beta");
        int exclusiveRow = leftRow;
        Label betaLabel = left("train.beta", beta, beta);
        showOnlyWhen(form.kindProperty().isEqualTo(ModelKind.VAE), betaLabel, beta);

        // β (VAE only) and denoising (conv only) never show together: they share a row
        CheckBox denoise = new CheckBox(Texts.get("train.denoise.box"));
        denoise.selectedProperty().bindBidirectional(form.denoiseProperty());
        denoise.setId("denoise");
        Label denoiseLabel = add(0, exclusiveRow, "train.denoise", denoise, denoise);
        showOnlyWhen(form.kindProperty().isEqualTo(ModelKind.CONV), denoiseLabel, denoise);

        Spinner<Double> ssimWeight = numberSpinner(form.ssimWeightProperty(), 100, 0.1, "ssim-weight");
        Label ssimLabel = left("train.ssimWeight", ssimWeight, ssimWeight);
        showOnlyWhen(form.lossProperty().isEqualTo(LossKind.MSE_SSIM), ssimLabel, ssimWeight);
    }

    /** An editable spinner from 0 to {@code max} kept in step with {@code value} both ways. */
    private static Spinner<Double> numberSpinner(DoubleProperty value, double max, double step, String id) {
        Spinner<Double> spinner = new Spinner<>(0.0, max, value.get(), step);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((o, a, b) -> { if (b != null) value.set(b); });
        value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.doubleValue()));
        spinner.setId(id);
        spinner.setMaxWidth(Double.MAX_VALUE);
        return spinner;
    }

    /** The losses {@code kind} trains with (not MSE + SSIM for a VAE), keeping the choice when it stays offered. */
    private static void offerLosses(ComboBox<LossKind> box, ModelKind kind) {
        LossKind chosen = box.getValue();
        box.getItems().setAll(Arrays.stream(LossKind.values()).filter(l -> l.suits(kind)).toList());
        if (chosen != null) box.setValue(chosen.suits(kind) ? chosen : LossKind.MSE);
    }

    private void optimiserColumn() {
        TextField lr = new TextField();
        TextFormatter<Double> lrFormat = new TextFormatter<>(new DoubleStringConverter(), form.learningRateProperty().get());
        lr.setTextFormatter(lrFormat);
        lrFormat.valueProperty().addListener((o, a, b) -> { if (b != null) form.learningRateProperty().set(b); });
        form.learningRateProperty().addListener((o, a, b) -> lrFormat.setValue(b.doubleValue()));
        lr.setId("learning-rate");
        right("train.learningRate", lr, lr);

        Spinner<Integer> batch = Spinners.bound(form.batchProperty(), 1, 4096, 32);
        batch.setMaxWidth(Double.MAX_VALUE);
        right("train.batch", batch, batch);

        Spinner<Integer> epochs = Spinners.bound(form.epochsProperty(), 1, 1000, 1);
        epochs.setId("epochs");
        epochs.setMaxWidth(Double.MAX_VALUE);
        right("train.epochs", epochs, epochs);

        Spinner<Integer> seed = Spinners.bound(form.seedProperty(), 0, Integer.MAX_VALUE, 1);
        seed.setId("seed");
        seed.setMaxWidth(Double.MAX_VALUE);
        right("train.seed", seed, seed);

        ComboBox<NoiseKind> noiseKind = new ComboBox<>();
        noiseKind.getItems().setAll(NoiseKind.values());
        noiseKind.setConverter(Texts.names());
        noiseKind.valueProperty().bindBidirectional(form.noiseKindProperty());
        noiseKind.setMaxWidth(Double.MAX_VALUE);
        noiseKind.setId("noise-kind");
        Label noiseLabel = right("train.noise", noiseKind, noiseKind);

        Slider level = new Slider(0, 1, form.noiseLevelProperty().get());
        level.maxProperty().bind(Bindings.createDoubleBinding(() -> form.noiseKindProperty().get().maxLevel(),
                form.noiseKindProperty()));
        level.valueProperty().bindBidirectional(form.noiseLevelProperty());
        Label levelValue = new Label();
        levelValue.textProperty().bind(Bindings.format("%.2f", form.noiseLevelProperty()));
        levelValue.setMinWidth(Region.USE_PREF_SIZE);
        HBox levelRow = new HBox(6, level, levelValue);
        HBox.setHgrow(level, Priority.ALWAYS);
        levelRow.setAlignment(Pos.CENTER_LEFT);
        Label levelLabel = right("train.noiseLevel", levelRow, level);
        BooleanBinding noisy = form.kindProperty().isEqualTo(ModelKind.DAE)
                .or(form.kindProperty().isEqualTo(ModelKind.CONV).and(form.denoiseProperty()));
        showOnlyWhen(noisy, noiseLabel, noiseKind, levelLabel, levelRow);
    }

    /** Adds a setting to the left column: its label (from {@code key}) and tooltip ({@code key}.tip) on {@code control}. */
    private Label left(String key, Node node, Control control) {
        return add(0, leftRow++, key, node, control);
    }

    private Label right(String key, Node node, Control control) {
        return add(3, rightRow++, key, node, control);
    }

    private Label add(int column, int row, String key, Node node, Control control) {
        Label label = new Label(Texts.get(key));
        label.setLabelFor(control);
        Tooltip tip = tip(key + ".tip");
        control.setTooltip(tip);
        label.setTooltip(tip);
        grid.add(label, column, row);
        grid.add(node, column + 1, row);
        return label;
    }

    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip(Texts.get(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    /** Shows these nodes (and gives them room) only while {@code condition} holds. */
    private static void showOnlyWhen(BooleanBinding condition, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(condition);
            n.managedProperty().bind(condition);
        }
    }
}
