package io.github.latentlab.ui.draw;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.LatentMapSource;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.EmptyState;
import io.github.latentlab.ui.controls.Explanation;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.MapInset;
import io.github.latentlab.ui.controls.ScatterView;

/** Draw your own input: a large 28×28 canvas, the live reconstruction beside it, nearest training images below. */
public final class DrawPane extends BorderPane {
    static final double SCALE = 12;
    /** The map column's least width, kept when the canvases shrink. */
    private static final double MAP_MIN_WIDTH = 200;
    final Canvas canvas = new Canvas(DrawViewModel.SIDE * SCALE, DrawViewModel.SIDE * SCALE);
    final Canvas reconstruction = new Canvas(DrawViewModel.SIDE * SCALE, DrawViewModel.SIDE * SCALE);
    final ImageGrid neighbours = new ImageGrid();
    private final DrawViewModel vm;

    final MapInset map;

    /** @param latent whose map the drawing is placed on */
    public DrawPane(DrawViewModel vm, LatentMapSource latent, AppCommands actions) {
        this.vm = vm;
        this.map = new MapInset(latent, "draw-map");
        map.setPrefSize(340, 300);
        vm.activeProperty().addListener((o, a, shown) -> { if (shown) map.needMap(); });
        getStyleClass().add("draw-pane");
        setPadding(new Insets(10));
        canvas.setId("draw-canvas");
        canvas.setCursor(Cursor.CROSSHAIR);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> vm.paint(e.getX() / scale(), e.getY() / scale()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.paint(e.getX() / scale(), e.getY() / scale()));

        Slider brush = new Slider(0.6, 3, vm.brushProperty().get());
        brush.valueProperty().bindBidirectional(vm.brushProperty());
        brush.setTooltip(new Tooltip(Texts.get("draw.brush.tip")));
        Button clear = new Button(Texts.get("draw.clear"));
        clear.setId("draw-clear");
        clear.setOnAction(e -> vm.clear());
        Button open = new Button(Texts.get("draw.open"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("draw.open.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("draw.open.images"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.load(f.toPath());
        });
        // the tools wrap under the canvas rather than widen its column: the map keeps room beside a lesson
        FlowPane tools = new FlowPane(8, 6, new Label(Texts.get("draw.brush")), brush, clear, open, Explanation.button("explain.draw"));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.prefWrapLengthProperty().bind(canvas.widthProperty());
        for (var n : tools.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);

        VBox left = new VBox(6, new Label(Texts.get("draw.drawing")), framed(canvas), tools);
        EmptyState noModel = new EmptyState("draw.empty", vm.hasModelProperty().not(), actions);
        VBox right = new VBox(6, new Label(Texts.get("draw.reconstruction")), new StackPane(framed(reconstruction), noModel));
        Label onMapTitle = new Label(Texts.get("draw.onMap"));
        onMapTitle.setWrapText(true);
        VBox onMap = new VBox(6, onMapTitle, map);
        onMap.setMinWidth(MAP_MIN_WIDTH);
        // the pane takes the width it is given (not its content's), and the canvases follow it
        setMinWidth(0);
        widthProperty().addListener((o, was, is) -> fitCanvases(is.doubleValue()));
        HBox.setHgrow(onMap, Priority.ALWAYS);
        HBox top = new HBox(24, left, right, onMap);
        top.setMinWidth(0);
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setId("draw-message");
        neighbours.setPrefSize(900, 180);
        VBox body = new VBox(10, top, message, new Label(Texts.get("draw.neighbours")), neighbours);
        body.setMinWidth(0);
        setCenter(body);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) vm.load(files.get(0).toPath());
            e.setDropCompleted(files != null && !files.isEmpty());
            e.consume();
        });

        vm.drawingProperty().addListener((o, a, img) -> draw(canvas, img));
        vm.resultProperty().addListener((o, a, r) -> show(r));
        draw(canvas, vm.drawingProperty().get());
        draw(reconstruction, null);
    }

    private static StackPane framed(Canvas c) {
        StackPane p = new StackPane(c);
        p.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1;");
        p.maxWidthProperty().bind(c.widthProperty().add(2));
        p.maxHeightProperty().bind(c.heightProperty().add(2));
        return p;
    }

    /** Screen pixels per image pixel: the canvases grow to 12× and shrink to 6× when the pane is narrow. */
    private double scale() { return canvas.getWidth() / DrawViewModel.SIDE; }

    /**
     * Sizes both canvases to what the pane's width leaves beside the map (a lesson beside the tabs,
     * presenter mode), between 6× and 12× the image, and redraws them.
     */
    private void fitCanvases(double paneWidth) {
        double room = (paneWidth - 2 * 24 - MAP_MIN_WIDTH - 24) / 2;
        double side = Math.max(6, Math.min(SCALE, Math.floor(room / DrawViewModel.SIDE))) * DrawViewModel.SIDE;
        if (side == canvas.getWidth()) return;
        for (Canvas c : new Canvas[] {canvas, reconstruction}) {
            c.setWidth(side);
            c.setHeight(side);
        }
        draw(canvas, vm.drawingProperty().get());
        DrawViewModel.Result r = vm.resultProperty().get();
        draw(reconstruction, r == null ? null : r.reconstruction());
    }

    private void show(DrawViewModel.Result r) {
        draw(reconstruction, r == null ? null : r.reconstruction());
        if (r != null && r.onMap() != null) {
            map.show(List.of(new ScatterView.Mark(r.onMap()[0], r.onMap()[1], Look.ink(), 6)),
                    null, Texts.format(r.offData() > LatentMap.OFF_DATA ? "draw.map.placed.offData" : "draw.map.placed",
                            r.offData()));
        } else if (r != null) {
            map.show(List.of(), null, Texts.get(r.reconstruction() == null ? "draw.map.blank" : "draw.map.none"));
        }
        if (r == null || r.neighbours().length == 0) {
            neighbours.setRows(List.of(), DrawViewModel.SIDE);
            return;
        }
        neighbours.setRows(List.of(new ImageGrid.Row(Texts.get("draw.row.neighbours"), Arrays.asList(r.neighbourImages()),
                Arrays.asList(r.neighbourClasses()))), DrawViewModel.SIDE);
    }

    private static void draw(Canvas c, float[] pixels) {
        ImageGrid.paint(c, pixels);
    }
}
