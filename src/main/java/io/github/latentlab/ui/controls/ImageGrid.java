package io.github.latentlab.ui.controls;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import io.github.latentlab.ui.fx.FxExecutor;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.Texts;

/**
 * Rows of greyscale images drawn large with sharp pixels, each row with a label on the left and
 * an optional caption under each image. Used for "originals above reconstructions". Redraws on
 * resize, picking the largest whole scale that fits.
 */
public final class ImageGrid extends Region {
    /**
     * One row: a label, images (row-major pixels in [0, 1]; a null image draws an empty box; NaN
     * pixels stay empty) and a caption per image (the list may be null). Images are
     * {@code width}×{@code height} pixels (0: the grid's square side), drawn as wide as a tile with
     * their own aspect; {@code tips}, if not null, is a tooltip per image.
     */
    public record Row(String label, List<float[]> images, List<String> captions, int width, int height,
                      List<String> tips) {
        public Row(String label, List<float[]> images, List<String> captions) {
            this(label, images, captions, 0, 0, null);
        }
    }

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
    /** Where each image was drawn last: {x, y, width, height, index, row}, for clicks and tooltips. */
    private final List<double[]> drawn = new ArrayList<>();
    private int highlighted = -1;
    private IntConsumer onImageClicked;
    private final Tooltip tip = new Tooltip();
    /** The image whose tooltip is installed: {row, index}, or null. */
    private int[] tipFor;

    public ImageGrid() {
        getChildren().add(canvas);
        Look.onChange(this::draw);
        getStyleClass().add("image-grid");
        setMinSize(200, 120);
        setPrefSize(760, 420);
        // any grid or strip can be saved on its own
        MenuItem save = new MenuItem(Texts.get("grid.save"));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("grid.save.title"));
            chooser.setInitialFileName("images.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.png"), "*.png"));
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
                if (ex != null) ErrorDialog.show(getScene().getWindow(), Texts.format("error.save", f.getName()), ex);
            }, FxExecutor.INSTANCE);
        });
        ContextMenu menu = new ContextMenu(save);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
        setOnMouseClicked(e -> {
            if (onImageClicked == null || e.getButton() != MouseButton.PRIMARY) return;
            int i = imageAt(e.getX(), e.getY());
            if (i >= 0) onImageClicked.accept(i);
        });
        setOnMouseMoved(e -> followTips(e.getX(), e.getY()));
        setOnMouseExited(e -> followTips(-1, -1));
    }

    /** A tooltip while the mouse is over an image of a row that has them (the numbers of a code). */
    private void followTips(double x, double y) {
        double[] d = drawnAt(x, y);
        Row row = d == null ? null : rows.get((int) d[5]);
        int index = d == null ? -1 : (int) d[4];
        String text = row == null || row.tips() == null || index >= row.tips().size() ? null : row.tips().get(index);
        int[] now = text == null ? null : new int[] {(int) d[5], index};
        if (Arrays.equals(now, tipFor)) return;
        tipFor = now;
        Tooltip.uninstall(this, tip);
        if (text == null) return;
        tip.setText(text);
        tip.setShowDelay(Duration.millis(200));
        Tooltip.install(this, tip);
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
        double[] d = drawnAt(x, y);
        return d == null ? -1 : (int) d[4];
    }

    /** What {@link #imageAt} found at (x, y), with its row, or null. */
    private double[] drawnAt(double x, double y) {
        for (double[] d : drawn) {
            if (x >= d[0] && x < d[0] + d[2] && y >= d[1] && y < d[1] + d[3]) return d;
        }
        return null;
    }

    /** A row's image size {width, height}: its own, else the grid's square side. */
    private int[] pixelsOf(Row row) {
        return row.width() > 0 && row.height() > 0 ? new int[] {row.width(), row.height()} : new int[] {side, side};
    }

    /**
     * A tile's size {width, height} in a cell of {@code cell} pixels: as wide as the cell (or as
     * tall, for a tall image); a row with its own image size gets whole screen pixels per image
     * pixel when that leaves it at least three quarters of the cell, so small pictures (codes)
     * stay crisp.
     */
    private double[] tileOf(Row row, double cell) {
        int[] px = pixelsOf(row);
        double unit = cell / Math.max(px[0], px[1]);
        if (row.width() > 0 && Math.floor(unit) >= 0.75 * unit) unit = Math.floor(unit);
        return new double[] {px[0] * unit, px[1] * unit};
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
        // a row of flat pictures (codes) takes less height than a row of square ones
        double weight = rows.stream().mapToDouble(r -> (double) pixelsOf(r)[1] / Math.max(pixelsOf(r)[0], pixelsOf(r)[1])).sum();
        // Choose how many images per line and the scale that make the grid fill the space best.
        double bestCell = 0;
        for (int per = 1; per <= count; per++) {
            int lines = (count + per - 1) / per;
            double cellW = (w - labelWidth * Look.scale()) / per - GAP;
            double cellH = (h / lines - 2 * GAP - captionRows * CAPTION_HEIGHT * Look.scale() - rows.size() * GAP) / weight;
            double cell = Math.min(cellW, cellH);
            if (cell > bestCell) { bestCell = cell; perLine = per; }
        }
        double cell = Math.max(side, Math.floor(bestCell));
        int lines = (count + perLine - 1) / perLine;
        g.setImageSmoothing(false);
        g.setFont(Font.font(12 * Look.scale()));
        double y = 0;
        for (int line = 0; line < lines; line++) {
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                double[] tile = tileOf(row, cell);
                int[] px = pixelsOf(row);
                g.setFill(Look.mutedText());
                g.setTextAlign(TextAlignment.LEFT);
                String[] labelLines = row.label().split("\n"); // several lines, centred on the row
                for (int l = 0; l < labelLines.length; l++) {
                    g.fillText(labelLines[l], 4, y + tile[1] / 2 + 4 + 15 * Look.scale() * (l - (labelLines.length - 1) / 2.0),
                            labelWidth * Look.scale() - 8);
                }
                for (int k = 0; k < perLine; k++) {
                    int i = line * perLine + k;
                    if (i >= row.images().size()) break;
                    double x0 = labelWidth * Look.scale() + k * (cell + GAP);
                    double x = x0 + (cell - tile[0]) / 2;
                    float[] pixels = row.images().get(i);
                    if (pixels == null) { // a place held for an image still to come
                        g.setFill(Look.placeholder());
                        g.fillRect(x, y, tile[0], tile[1]);
                    } else {
                        g.drawImage(toImage(pixels, px[0], px[1]), x, y, tile[0], tile[1]);
                    }
                    drawn.add(new double[] {x, y, tile[0], tile[1], i, r});
                    if (i == highlighted) {
                        g.setStroke(Color.web("#d35400"));
                        g.setLineWidth(2);
                        g.strokeRect(x - 1, y - 1, tile[0] + 2, tile[1] + 2);
                    }
                    if (row.captions() != null && i < row.captions().size() && row.captions().get(i) != null) {
                        g.setFill(Look.text());
                        g.setTextAlign(TextAlignment.CENTER);
                        String[] parts = row.captions().get(i).split("\n");
                        for (int p = 0; p < parts.length; p++) {
                            g.setFont(captionFont(parts[p], cell + GAP - 6)); // a gap between neighbours' captions
                            // squeezed as a last resort: a caption never runs into its neighbour's
                            g.fillText(parts[p], x0 + cell / 2, y + tile[1] + 12 * Look.scale() * (p + 1), cell + GAP - 6);
                        }
                        g.setFont(Font.font(12 * Look.scale()));
                    }
                }
                y += tile[1] + GAP + (row.captions() != null ? CAPTION_HEIGHT * Look.scale() : 0);
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
        return toImage(pixels, side, side);
    }

    /** A width×height grey image of pixels in [0, 1] (values outside are clipped, NaN stays transparent). */
    public static WritableImage toImage(float[] pixels, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length && i < pixels.length; i++) {
            if (Float.isNaN(pixels[i])) continue;
            int v = Math.round(Math.max(0, Math.min(1, pixels[i])) * 255);
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
