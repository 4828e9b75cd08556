package io.github.latentlab.ui.controls;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;

import io.github.latentlab.ui.fx.ErrorDialog;
import io.github.latentlab.ui.fx.FxExecutor;
import io.github.latentlab.ui.fx.Snapshots;

/**
 * Rows of greyscale images drawn large with sharp pixels, each row with a label on the left and
 * an optional caption under each image. Used for "originals above reconstructions". Redraws on
 * resize, picking the largest whole scale that fits.
 */
public final class ImageGrid extends Region {
    /**
     * One row: a label, images (row-major pixels in [0, 1]; a null image draws an empty box)
     * and a caption per image (the list may be null).
     */
    public record Row(String label, List<float[]> images, List<String> captions) { }

    private static final double CAPTION_SIZE = 11;
    private static final double SMALLEST_CAPTION = 8;

    /** The caption font, smaller for a caption wider than its image (never wider than the tile). */
    private static Font captionFont(String caption, double width) {
        double size = CAPTION_SIZE * Look.scale();
        Text probe = new Text(caption);
        probe.setFont(Font.font(size));
        double w = probe.getLayoutBounds().getWidth();
        return Font.font(w <= width ? size : Math.max(SMALLEST_CAPTION, size * width / w));
    }

    private final Canvas canvas = new Canvas();
    private List<Row> rows = List.of();
    private int side = 28;
    private int perLine = 10;
    private double labelWidth = 96;
    private static final double GAP = 4;
    private static final double CAPTION_HEIGHT = 28;
    /** Where each image was drawn last: {x, y, size, index}, for clicks. */
    private final List<double[]> drawn = new ArrayList<>();
    private int highlighted = -1;
    private IntConsumer onImageClicked;

    public ImageGrid() {
        getChildren().add(canvas);
        Look.onChange(this::draw);
        getStyleClass().add("image-grid");
        setMinSize(200, 120);
        setPrefSize(760, 420);
        // any grid or strip can be saved on its own
        MenuItem save = new MenuItem("Save as PNG…");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save images as PNG");
            chooser.setInitialFileName("images.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f == null) return;
            var image = Snapshots.capture(this); // on the FX thread; the write is not
            CompletableFuture.runAsync(() -> {
                try {
                    Snapshots.write(image, f.toPath());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).whenCompleteAsync((ok, ex) -> {
                if (ex != null) ErrorDialog.show(getScene().getWindow(), "Could not save " + f.getName(), ex);
            }, FxExecutor.INSTANCE);
        });
        ContextMenu menu = new ContextMenu(save);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
        setOnMouseClicked(e -> {
            if (onImageClicked == null || e.getButton() != MouseButton.PRIMARY) return;
            int i = imageAt(e.getX(), e.getY());
            if (i >= 0) onImageClicked.accept(i);
        });
    }

    /** Called with an image's index in its row when the user clicks it. */
    public void setOnImageClicked(IntConsumer handler) { this.onImageClicked = handler; }

    /** Frames the images at this index in every row (-1: none). */
    public void setHighlighted(int index) {
        highlighted = index;
        draw();
    }

    /** The index (within its row) of the image drawn at (x, y), or -1. */
    public int imageAt(double x, double y) {
        for (double[] d : drawn) {
            if (x >= d[0] && x < d[0] + d[2] && y >= d[1] && y < d[1] + d[2]) return (int) d[3];
        }
        return -1;
    }

    /** Shows the rows; every row should have the same number of images. */
    public void setRows(List<Row> rows, int side) {
        this.rows = List.copyOf(rows);
        this.side = side;
        requestLayout();
        draw();
    }

    public List<Row> rows() { return rows; }

    /** Room for the row labels on the left (labels may have several lines). */
    public void setLabelWidth(double width) {
        labelWidth = width;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawn.clear();
        if (rows.isEmpty() || w <= 0 || h <= 0) return;
        int count = rows.stream().mapToInt(r -> r.images().size()).max().orElse(0);
        if (count == 0) return;
        long captionRows = rows.stream().filter(r -> r.captions() != null).count();
        // Choose how many images per line and the scale that make the grid fill the space best.
        double bestCell = 0;
        for (int per = 1; per <= count; per++) {
            int lines = (count + per - 1) / per;
            double cellW = (w - labelWidth * Look.scale()) / per - GAP;
            double cellH = (h / lines - 2 * GAP - captionRows * CAPTION_HEIGHT * Look.scale()) / rows.size() - GAP;
            double cell = Math.min(cellW, cellH);
            if (cell > bestCell) { bestCell = cell; perLine = per; }
        }
        double cell = Math.max(side, Math.floor(bestCell));
        int lines = (count + perLine - 1) / perLine;
        g.setImageSmoothing(false);
        g.setFont(Font.font(12 * Look.scale()));
        double y = 0;
        for (int line = 0; line < lines; line++) {
            for (Row row : rows) {
                g.setFill(Look.mutedText());
                g.setTextAlign(TextAlignment.LEFT);
                String[] labelLines = row.label().split("\n"); // several lines, centred on the row
                for (int l = 0; l < labelLines.length; l++) {
                    g.fillText(labelLines[l], 4, y + cell / 2 + 4 + 15 * Look.scale() * (l - (labelLines.length - 1) / 2.0),
                            labelWidth * Look.scale() - 8);
                }
                for (int k = 0; k < perLine; k++) {
                    int i = line * perLine + k;
                    if (i >= row.images().size()) break;
                    double x = labelWidth * Look.scale() + k * (cell + GAP);
                    float[] pixels = row.images().get(i);
                    if (pixels == null) { // a place held for an image still to come
                        g.setFill(Look.placeholder());
                        g.fillRect(x, y, cell, cell);
                    } else {
                        g.drawImage(toImage(pixels, side), x, y, cell, cell);
                    }
                    drawn.add(new double[] {x, y, cell, i});
                    if (i == highlighted) {
                        g.setStroke(Color.web("#d35400"));
                        g.setLineWidth(2);
                        g.strokeRect(x - 1, y - 1, cell + 2, cell + 2);
                    }
                    if (row.captions() != null && i < row.captions().size() && row.captions().get(i) != null) {
                        g.setFill(Look.text());
                        g.setTextAlign(TextAlignment.CENTER);
                        String[] parts = row.captions().get(i).split("\n");
                        for (int p = 0; p < parts.length; p++) {
                            g.setFont(captionFont(parts[p], cell + GAP - 6)); // a gap between neighbours' captions
                            // squeezed as a last resort: a caption never runs into its neighbour's
                            g.fillText(parts[p], x + cell / 2, y + cell + 12 * Look.scale() * (p + 1), cell + GAP - 6);
                        }
                        g.setFont(Font.font(12 * Look.scale()));
                    }
                }
                y += cell + GAP + (row.captions() != null ? CAPTION_HEIGHT * Look.scale() : 0);
            }
            y += GAP * 2;
        }
    }

    /**
     * Fills a canvas with one 28×28 image, sharp pixels; null draws an empty (light grey) box.
     */
    public static void paint(Canvas canvas, float[] pixels) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (pixels == null) {
            g.setFill(Look.placeholder());
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        g.setImageSmoothing(false);
        g.drawImage(toImage(pixels, (int) Math.round(Math.sqrt(pixels.length))), 0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /** A side×side grey image of pixels in [0, 1] (values outside are clipped). */
    public static WritableImage toImage(float[] pixels, int side) {
        WritableImage img = new WritableImage(side, side);
        int[] argb = new int[side * side];
        for (int i = 0; i < argb.length && i < pixels.length; i++) {
            int v = Math.round(Math.max(0, Math.min(1, pixels[i])) * 255);
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        img.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return img;
    }
}
