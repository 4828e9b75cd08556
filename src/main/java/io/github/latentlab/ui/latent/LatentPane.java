package io.github.latentlab.ui.latent;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.EmptyState;
import io.github.latentlab.ui.controls.Explanation;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.ScatterView;
import io.github.latentlab.ui.fx.Snapshots;

/** The latent map: codes of test images in 2-D, colored by class; drag anywhere to decode. */
public final class LatentPane extends BorderPane {
    final ScatterView scatter = new ScatterView();
    final Canvas decoded = new Canvas(224, 224);
    private final Canvas hover = new Canvas(56, 56);
    private final DecodeHonesty honesty = new DecodeHonesty();
    final ImageGrid strips = new ImageGrid();
    private final TabPane details = new TabPane();

    /** How the hover line names an image of each source ("Test image 12: 7"). */
    private static final Map<MapImages, String> HOVER = Map.of(MapImages.TEST, "latent.hover.test",
            MapImages.TRAIN, "latent.hover.train", MapImages.ALL, "latent.hover.all");

    private final LatentViewModel vm;
    private final MapColoring coloring;
    private final AppCommands actions;

    public LatentPane(LatentViewModel vm, AppCommands actions) {
        this.vm = vm;
        this.actions = actions;
        this.coloring = new MapColoring(scatter, vm.mapProperty());
        getStyleClass().add("latent-pane");
        setPadding(new Insets(8));
        Node top = toolbar();
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        setCenter(mapAndDetails());
        setRight(sidePanel());
        clearDecoded();
        followDecoded();
    }

    /** Projection, image count and source, Show map, Fit view, Export, and the 2-D decoded grid. */
    private Node toolbar() {
        ComboBox<MapMethod> method = new ComboBox<>();
        method.getItems().setAll(MapMethod.values());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setId("projection");
        method.setConverter(Texts.names());
        method.setMinWidth(Region.USE_PREF_SIZE);
        method.setTooltip(new Tooltip(Texts.get("latent.projection.tip")));
        Spinner<Integer> points = new Spinner<>(100, 70_000, vm.pointsProperty().get(), 1000);
        points.setEditable(true);
        points.setPrefWidth(110);
        points.setMinWidth(Region.USE_PREF_SIZE);
        points.setTooltip(new Tooltip(Texts.get("latent.points.tip")));
        boolean[] adjusting = {false};
        points.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && !adjusting[0]) vm.pointsProperty().set(b);
        });
        // shows no more than the chosen images hold (4,000 test images are not offered as "5000"),
        // while the number asked for stays for a source with more images
        vm.availableImagesProperty().addListener((o, a, n) -> {
            var f = (SpinnerValueFactory.IntegerSpinnerValueFactory) points.getValueFactory();
            adjusting[0] = true;
            f.setMax(Math.max(100, n.intValue()));
            f.setValue(Math.min(vm.pointsProperty().get(), f.getMax()));
            adjusting[0] = false;
        });
        Button show = new Button(Texts.get("latent.show"));
        show.setId("show-map");
        show.setOnAction(e -> vm.compute());
        // nothing to map before a model exists: the buttons say so by being off
        show.disableProperty().bind(vm.app().viewModelProperty().isNull());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setId("latent-status");
        Label projection = new Label(Texts.get("latent.projection")), images = new Label(Texts.get("latent.of"));
        ComboBox<MapImages> source = new ComboBox<>();
        source.getItems().setAll(MapImages.values());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setId("map-source");
        source.setConverter(Texts.names());
        source.setMinWidth(Region.USE_PREF_SIZE);
        source.setTooltip(new Tooltip(Texts.get("latent.source.tip")));
        Button reset = new Button(Texts.get("latent.fit"));
        reset.setTooltip(new Tooltip(Texts.get("latent.fit.tip")));
        reset.setOnAction(e -> scatter.resetView());
        reset.disableProperty().bind(vm.mapProperty().isNull());
        reset.setMinWidth(Region.USE_PREF_SIZE);
        for (var fixed : new Control[] {projection, images, show}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        MenuButton export = exportMenu();
        export.disableProperty().bind(vm.mapProperty().isNull());
        // a narrow window (a lesson docked beside the tabs) wraps the controls onto a second row
        FlowPane bar = new FlowPane(8, 6, row(projection, method), row(images, points, source), row(show, reset, export));
        bar.setAlignment(Pos.CENTER_LEFT);
        Node explain = Explanation.button("explain.latent");
        BorderPane barAndHelp = new BorderPane(bar, null, explain, null, null);
        BorderPane.setAlignment(explain, Pos.TOP_RIGHT);
        FlowPane settings = new FlowPane(14, 6);
        settings.getChildren().addAll(MapParameters.of(vm));
        settings.getChildren().addAll(DecodedGridBox.of(vm, scatter));
        settings.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        return new VBox(6, barAndHelp, settings, status);
    }

    /** Controls kept together on one line of a wrapping toolbar. */
    static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The map with its legend as PNG, the strips as PNG, and the codes for the Embedding Projector. */
    private MenuButton exportMenu() {
        MenuItem codes = new MenuItem(Texts.get("latent.export.codes"));
        codes.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Texts.get("latent.export.codes.title"));
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.exportTo(dir.toPath());
        });
        MenuItem mapPng = new MenuItem(Texts.get("latent.export.map"));
        mapPng.setOnAction(e -> choosePng("latent-map.png").ifPresent(this::exportMapPng));
        MenuItem stripsPng = new MenuItem(Texts.get("latent.export.strips"));
        stripsPng.setOnAction(e -> choosePng("latent-strips.png").ifPresent(f -> exportNodePng(details, f)));
        MenuButton export = new MenuButton(Texts.get("latent.export"), null, mapPng, stripsPng, codes);
        export.setId("export-codes");
        export.setMinWidth(Region.USE_PREF_SIZE);
        return export;
    }

    /** The map (drag to decode, click to pick) over the tabs of strips, traversal, neighbours and selection. */
    private Node mapAndDetails() {
        scatter.setId("latent-map");
        scatter.setStyle("-fx-border-color: -color-border-default;");
        scatter.setOnPoint(vm::decodeAt);
        scatter.setOnPick(vm::pick);
        Button sample = new Button(Texts.get("latent.sample"));
        sample.setId("sample-codes");
        sample.setOnAction(e -> vm.sample());
        sample.setTooltip(new Tooltip(Texts.get("latent.sample.tip")));
        sample.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox spherical = new CheckBox(Texts.get("latent.spherical"));
        spherical.setTooltip(new Tooltip(Texts.get("latent.spherical.tip")));
        spherical.setMinWidth(Region.USE_PREF_SIZE);
        spherical.selectedProperty().bindBidirectional(vm.sphericalProperty());
        spherical.selectedProperty().addListener((o, a, b) -> vm.interpolate());
        Label walkHint = new Label(Texts.get("latent.walk.hint"));
        walkHint.setMinWidth(Region.USE_PREF_SIZE);
        // the hint above the check box and button when the pane is too narrow for one line
        FlowPane stripBar = new FlowPane(10, 4, walkHint, row(spherical, sample));
        stripBar.setAlignment(Pos.CENTER_LEFT);
        strips.setPrefSize(800, 170);
        strips.setId("latent-strips");
        ImageGrid neighbourGrid = new ImageGrid();
        neighbourGrid.setPrefSize(800, 170);
        vm.neighboursProperty().addListener((o, a, n) -> neighbourGrid.setRows(List.of(
                new ImageGrid.Row(Texts.get("latent.neighbours.byCode"), Arrays.asList(n.codeImages()), null),
                new ImageGrid.Row(Texts.get("latent.neighbours.byPixels"), Arrays.asList(n.pixelImages()), null)), 28));
        details.getTabs().setAll(
                new Tab(Texts.get("latent.detail.walk"), new VBox(6, stripBar, strips)),
                new Tab(Texts.get("latent.detail.traverse"), new TraversalPanel(vm)),
                new Tab(Texts.get("latent.detail.neighbours"), neighbourGrid),
                new Tab(Texts.get("latent.detail.selection"), SelectionBox.of(vm, scatter)));
        String[] names = {"walk", "traverse", "neighbours", "selection"}; // as lessons name them (showDetail)
        for (int i = 0; i < names.length; i++) details.getTabs().get(i).setId("detail-" + names[i]);
        AnomalyPanel.addTo(details, vm.anomalies(), scatter, vm.mapProperty()); // "anomalies"
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.prefHeightProperty().bind(Look.scaled(190));
        details.setMinHeight(Region.USE_PREF_SIZE);
        details.maxHeightProperty().bind(Look.scaled(190));
        details.setId("latent-details");
        vm.interpolationProperty().addListener((o, a, b) -> showStrips(vm));
        vm.interpolationPathProperty().addListener((o, a, path) -> showPath(path));
        vm.samplesProperty().addListener((o, a, b) -> showStrips(vm));
        Label axes = new Label();
        axes.setId("map-axes");
        axes.getStyleClass().add("text-muted");
        axes.setWrapText(true);
        axes.setMinHeight(Region.USE_PREF_SIZE); // wrapped onto a second line, not cut to one with "…" when the map is narrow
        vm.mapProperty().addListener((o, was, m) -> axes.setText(m == null ? "" : axesText(m)));
        EmptyState empty = new EmptyState("latent.empty", vm.mapProperty().isNull(), actions);
        StackPane mapBox = new StackPane(scatter, empty);
        VBox mapAndAxes = new VBox(4, mapBox, axes);
        VBox.setVgrow(mapBox, Priority.ALWAYS);
        // the map takes the height that is left; the strips below keep their own
        VBox centre = new VBox(6, mapAndAxes, details);
        VBox.setVgrow(mapAndAxes, Priority.ALWAYS);
        return centre;
    }

    /** The image decoded at the cursor with how far it is from real data, the hovered image, colors and legend. */
    private Node sidePanel() {
        HBox colorRow = new HBox(6, new Label(Texts.get("latent.colorBy")), coloring.colorBy());
        colorRow.setAlignment(Pos.CENTER_LEFT);
        Label hoverText = new Label(Texts.get("latent.hover.none"));
        hoverText.setId("hover-text");
        scatter.setOnHover(i -> {
            LatentMap m = vm.mapProperty().get();
            if (m == null || i < 0 || i >= m.labels().length) { // over empty space: name no image
                ImageGrid.paint(hover, null);
                hoverText.setText(Texts.get("latent.hover.none"));
                return;
            }
            ImageGrid.paint(hover, m.data().image(i));
            hoverText.setText(Texts.format(HOVER.get(m.source()), i, Texts.className(m.classNames().get(m.labels()[i]))));
        });
        HBox hoverBox = new HBox(8, hover, hoverText);
        hoverBox.setAlignment(Pos.CENTER_LEFT);
        hoverText.setWrapText(true);
        VBox side = new VBox(8, new Label(Texts.get("latent.decoded")), decoded, honesty, hoverBox, colorRow, dotControls(),
                coloring.legend());
        side.setPadding(new Insets(0, 4, 0, 10));
        // a short window scrolls the panel rather than cutting off the legend
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        scroll.prefWidthProperty().bind(Look.scaled(256));
        scroll.minWidthProperty().bind(Look.scaled(256));
        // canvases painted once repaint in a new theme
        Look.onChange(() -> {
            if (vm.decodedProperty().get() == null) clearDecoded();
            ImageGrid.paint(hover, null);
        });
        return scroll;
    }

    /** Dot size (0: by how many points there are) and opacity, for crowded or sparse maps and for a projector. */
    private Node dotControls() {
        Slider size = new Slider(0, 12, 0);
        size.setId("dot-size");
        size.setMajorTickUnit(1);
        size.setSnapToTicks(true);
        size.setTooltip(new Tooltip(Texts.get("latent.dots.size.tip")));
        size.valueProperty().addListener((o, was, v) -> scatter.setDotSize(v.intValue()));
        Slider opacity = new Slider(0.1, 1, 1);
        opacity.setId("dot-opacity");
        opacity.setTooltip(new Tooltip(Texts.get("latent.dots.opacity.tip")));
        opacity.valueProperty().addListener((o, was, v) -> scatter.setDotOpacity(v.doubleValue()));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        Label sizeLabel = new Label(Texts.get("latent.dots.size"));
        Label opacityLabel = new Label(Texts.get("latent.dots.opacity"));
        sizeLabel.setMinWidth(Region.USE_PREF_SIZE);
        opacityLabel.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(0, sizeLabel, size);
        grid.addRow(1, opacityLabel, opacity);
        return grid;
    }

    /** The decoded image and its honesty line. */
    private void followDecoded() {
        vm.decodedProperty().addListener((o, a, d) -> {
            if (d == null) clearDecoded(); // a new map: the last decode belonged to the old one
            else ImageGrid.paint(decoded, d.image());
            honesty.show(d);
        });
    }

    /** The map's axis names, and for t-SNE and UMAP that their distances are not to be read. */
    private static String axesText(LatentMap m) {
        String axes = Texts.format("latent.axes", m.embedding().xAxis(), m.embedding().yAxis());
        return m.embedding().distancesMeaningful() ? axes : axes + " · " + Texts.get("latent.axes.nonlinear");
    }

    private Optional<Path> choosePng(String name) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.png"), "*.png"));
        File f = chooser.showSaveDialog(getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Fits all points into the map again (after zooming or panning). */
    public void fitView() { scatter.resetView(); }

    /** Shows the side panel's tab {@code name} (walk, traverse, neighbours, selection, …); unknown names are ignored. */
    public void showDetail(String name) {
        details.getTabs().stream().filter(t -> ("detail-" + name).equals(t.getId())).findFirst()
                .ifPresent(t -> details.getSelectionModel().select(t));
    }

    /** The map beside its legend, captured now and written off the UI thread. */
    public void exportMapPng(Path file) {
        var picture = Snapshots.sideBySide(Snapshots.capture(scatter),
                Snapshots.capture(coloring.legendForExport()));
        writePng(picture, file);
    }

    private void exportNodePng(Node node, Path file) {
        writePng(Snapshots.capture(node), file);
    }

    private void writePng(BufferedImage picture, Path file) {
        vm.app().background().run(() -> {
            Snapshots.write(picture, file);
            return file;
        }, f -> vm.statusProperty().set(Texts.format("status.saved", f)),
                e -> vm.statusProperty().set(Texts.format("latent.saveFailed", file, Texts.problem(e))));
    }

    /** The walk between two picked images on the map: its two ends and the way between them. */
    private void showPath(double[][] path) {
        if (path == null || path.length < 2) {
            scatter.setOverlay(List.of(), null);
            return;
        }
        double[] first = path[0];
        double[] last = path[path.length - 1];
        List<ScatterView.Mark> ends = List.of(new ScatterView.Mark(first[0], first[1], Look.ink(), 6),
                new ScatterView.Mark(last[0], last[1], Look.ink(), 6));
        // the overlay's outline is closed: there and back along the same steps draws an open path
        double[][] thereAndBack = new double[path.length * 2 - 1][];
        for (int i = 0; i < path.length; i++) thereAndBack[i] = path[i];
        for (int i = 1; i < path.length; i++) thereAndBack[path.length - 1 + i] = path[path.length - 1 - i];
        scatter.setOverlay(ends, thereAndBack);
    }

    private void showStrips(LatentViewModel vm) {
        List<ImageGrid.Row> rows = new ArrayList<>();
        if (vm.interpolationProperty().get() != null) {
            rows.add(new ImageGrid.Row(Texts.get("latent.walk.row"), Arrays.asList(vm.interpolationProperty().get()), null));
        }
        if (vm.samplesProperty().get() != null) {
            rows.add(new ImageGrid.Row(Texts.get("latent.samples.row"), Arrays.asList(vm.samplesProperty().get()), null));
        }
        strips.setRows(rows, 28);
    }

    private void clearDecoded() {
        ImageGrid.paint(decoded, null);
    }
}
