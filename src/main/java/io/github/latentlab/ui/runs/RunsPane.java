package io.github.latentlab.ui.runs;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Explanation;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.Placeholder;

/**
 * The runs of this session and earlier ones: a table (status, epochs, test MSE), commands to
 * compare, resume and open them, the classic comparisons of the tutorials as one click each, and
 * below, the compared runs' curves overlaid and their reconstructions of the same images.
 */
public final class RunsPane extends BorderPane {
    final TableView<Run> table = new TableView<>();
    final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    final ImageGrid grid = new ImageGrid();
    private final RunsViewModel vm;
    private final CompareViewModel compare;

    public RunsPane(RunsViewModel vm, Consumer<Run> openInTrainTab) {
        this.vm = vm;
        this.compare = vm.compare();
        getStyleClass().add("runs-pane");
        setPadding(new Insets(8));
        setTop(toolbar(openInTrainTab));
        SplitPane split = new SplitPane(table(), comparison());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        setCenter(split);
        compare.curves().addListener((ListChangeListener<CompareViewModel.Curve>) c -> drawCurves());
        compare.resultProperty().addListener((o, a, r) -> drawImages(r));
    }

    private FlowPane toolbar(Consumer<Run> openInTrainTab) {
        MenuButton classic = new MenuButton(Texts.get("runs.classic"));
        classic.setId("classic-comparisons");
        for (ClassicComparisons c : ClassicComparisons.values()) {
            MenuItem item = new MenuItem(c.title());
            item.setOnAction(e -> runClassic(c));
            classic.getItems().add(item);
        }
        classic.setTooltip(new Tooltip(Texts.get("runs.classic.tip")));
        Button compareButton = new Button(Texts.get("runs.compare"));
        compareButton.setId("compare");
        compareButton.setOnAction(e -> compare.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        compareButton.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        Button resume = new Button(Texts.get("runs.resume"));
        resume.setId("resume-run");
        resume.setTooltip(new Tooltip(Texts.get("runs.resume.tip")));
        resume.setOnAction(e -> {
            Run r = table.getSelectionModel().getSelectedItem();
            if (r != null) vm.resume(r);
        });
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Run r = table.getSelectionModel().getSelectedItem();
            return r == null || !r.resumable() || vm.busyProperty().get();
        }, table.getSelectionModel().selectedItemProperty(), vm.busyProperty(), vm.runs()));
        Button open = new Button(Texts.get("runs.open"));
        open.setOnAction(e -> {
            Run r = table.getSelectionModel().getSelectedItem();
            if (r != null) openInTrainTab.accept(r);
        });
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button delete = new Button(Texts.get("runs.delete"));
        delete.setId("delete-run");
        delete.setTooltip(new Tooltip(Texts.get("runs.delete.tip")));
        delete.setOnAction(e -> deleteSelected());
        delete.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        Button openFolder = new Button(Texts.get("runs.openFolder"));
        openFolder.setId("open-runs-folder");
        openFolder.setTooltip(new Tooltip(Texts.get("runs.openFolder.tip")));
        openFolder.setOnAction(e -> chooseFolder());
        Label hint = new Label(); // the text follows the view model's message (the hint when there is none)
        hint.getStyleClass().add("text-muted");
        hint.textProperty().bind(Bindings.when(vm.messageProperty().isEmpty())
                .then(Texts.get("runs.hint")).otherwise(vm.messageProperty()));
        // wraps onto a second line when the window is narrow or the text large (presenter mode)
        FlowPane bar = new FlowPane(8, 6, classic, compareButton, resume, open, delete, openFolder,
                Explanation.button("explain.runs"), hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        hint.setWrapText(true);
        hint.maxWidthProperty().bind(bar.widthProperty().subtract(16));
        return bar;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.get("runs.openFolder.title"));
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) vm.openFolder(dir.toPath());
    }

    /** Queues the comparison's runs and shows them compared (they fill in as they train). */
    public List<Run> runClassic(ClassicComparisons c) {
        List<Run> runs = vm.runClassic(c);
        table.getSelectionModel().clearSelection();
        runs.forEach(r -> table.getSelectionModel().select(r));
        return runs;
    }

    /** Deletes the selected runs' folders after asking; a running or queued run is left alone. */
    private void deleteSelected() {
        List<Run> chosen = table.getSelectionModel().getSelectedItems().stream()
                .filter(r -> r.status() != RunStatus.RUNNING && r.status() != RunStatus.QUEUED).toList();
        if (chosen.isEmpty()) return; // the view model leaves these alone too
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                Texts.format("runs.delete.confirm", chosen.size()),
                ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(getScene().getWindow());
        ask.setHeaderText(Texts.get("runs.delete.header"));
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        vm.delete(chosen);
    }

    private TableView<Run> table() {
        table.setId("runs-table");
        table.setItems(vm.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column(Texts.get("runs.column.run"), 230, Run::name));
        table.getColumns().add(column(Texts.get("runs.column.model"), 250, r -> r.config().spec().describe(784)));
        table.getColumns().add(column(Texts.get("runs.column.data"), 110, Run::datasetId));
        table.getColumns().add(column(Texts.get("runs.column.epochs"), 80,
                r -> Texts.format("runs.epochs", r.history().epochsDone(), r.targetEpochs())));
        table.getColumns().add(column(Texts.get("runs.column.testMse"), 90, r -> Double.isNaN(r.lastTestMse()) ? "–"
                : String.format("%.4f", r.lastTestMse())));
        table.getColumns().add(column(Texts.get("runs.column.status"), 150, r -> Texts.name(r.status())));
        table.getColumns().add(column(Texts.get("runs.column.note"), 400, Run::message));
        table.setPlaceholder(new Label(Texts.get("runs.empty")));
        return table;
    }

    private static TableColumn<Run, String> column(String title, double width, Function<Run, String> value) {
        TableColumn<Run, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        // a header never shrinks below its own title (bold, plus the sort arrow's room), at any text size
        Text probe = new Text(title);
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
        double room = Math.ceil(probe.getLayoutBounds().getWidth()) + 28;
        c.minWidthProperty().bind(Look.scaled(room));
        return c;
    }

    private VBox comparison() {
        ComboBox<CompareViewModel.Measure> measure = new ComboBox<>();
        measure.getItems().setAll(CompareViewModel.Measure.values());
        measure.valueProperty().bindBidirectional(compare.measureProperty());
        ComboBox<NoiseKind> noiseKind = new ComboBox<>();
        noiseKind.getItems().setAll(NoiseKind.values());
        noiseKind.setConverter(Texts.names());
        noiseKind.valueProperty().bindBidirectional(compare.noiseKindProperty());
        Slider noise = new Slider(0, 1, 0);
        noise.setTooltip(new Tooltip(Texts.get("runs.inputNoise.tip")));
        measure.setTooltip(new Tooltip(Texts.get("runs.measure.tip")));
        noise.valueProperty().bindBidirectional(compare.noiseLevelProperty());
        noise.setPrefWidth(140);
        noise.setId("compare-noise");
        Label noiseValue = new Label();
        noiseValue.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.format("runs.inputNoise", compare.noiseLevelProperty().get()), compare.noiseLevelProperty()));
        noise.valueChangingProperty().addListener((o, was, is) -> { if (!is) compare.refresh(); });
        noiseKind.valueProperty().addListener((o, a, b) -> compare.refresh());
        Label status = new Label();
        status.textProperty().bind(compare.statusProperty());
        status.getStyleClass().add("text-muted");
        HBox controls = new HBox(8, new Label(Texts.get("runs.curves")), measure, new Label(Texts.get("runs.inputs")),
                noiseKind, noise, noiseValue);
        controls.setAlignment(Pos.CENTER_LEFT);

        chart.setId("compare-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.getXAxis().setLabel(Texts.get("runs.chart.epoch"));
        chart.getYAxis().setLabel(Texts.get("runs.chart.perPixel"));
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        chart.setMinWidth(380);
        grid.setId("compare-grid");
        grid.setLabelWidth(190);
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        StackPane chartBox = Placeholder.over(chart, "runs.compare.placeholder", compare.curves());
        chartBox.setMinWidth(380);
        HBox body = new HBox(10, chartBox, gridScroll);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        HBox.setHgrow(gridScroll, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        return new VBox(6, controls, status, body);
    }

    private void drawCurves() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (CompareViewModel.Curve c : compare.curves()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.name());
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.y()[i])) s.getData().add(new XYChart.Data<>(c.x()[i], c.y()[i]));
            }
            all.add(s);
        }
        chart.setCreateSymbols(compare.measureProperty().get() == CompareViewModel.Measure.TEST_MSE);
        chart.getYAxis().setLabel(compare.measureProperty().get().toString());
        chart.getData().setAll(all);
    }

    private void drawImages(CompareViewModel.Result r) {
        if (r == null) {
            grid.setRows(List.of(), 28);
            return;
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        rows.add(new ImageGrid.Row(Texts.get("runs.row.original"), List.of(r.clean()), null));
        if (r.inputs() != r.clean()) {
            rows.add(new ImageGrid.Row(Texts.format("runs.row.input", r.noise()), List.of(r.inputs()), null));
        }
        for (CompareViewModel.RunRow row : r.rows()) {
            String label = row.reconstructions() == null ? Texts.format("runs.row.noModel", row.name())
                    : Texts.format("runs.row.scores", row.name(), row.mse(), row.psnr());
            rows.add(new ImageGrid.Row(label, row.reconstructions() == null
                    ? Arrays.asList(new float[r.clean().length][]) : List.of(row.reconstructions()), null));
        }
        grid.setRows(rows, r.side());
    }

    public CompareViewModel compareViewModel() { return compare; }
}
