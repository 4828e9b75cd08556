package io.github.latentlab.ui.controls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * A scatter plot of many points (70,000 stay fluid) drawn straight into a {@link PixelBuffer}
 * shown by one ImageView: no node per point. Points are 2–4 pixels wide (fewer points, larger),
 * colored by class. Pressing or
 * dragging reports the position in data coordinates and marks it with a ring; a click (release
 * without moving) also reports a pick; shift-drag selects the points in a rectangle. The scroll
 * wheel zooms about the cursor, right- or middle-drag (or ctrl-drag) pans, {@link #resetView()}
 * fits all points again. An overlay of a few marked points and an outline (e.g. a noise trail
 * and its ellipse), and rings around chosen points, can be drawn over the points ({@link MapOverlay}).
 */
public final class ScatterView extends Region {
    private static final double MARGIN = 10;

    private final ImageView view = new ImageView();
    private final Circle cursor = new Circle(6, Color.TRANSPARENT);
    private double[][] xy = new double[0][];
    private int[] colors = new int[0];
    private double minX, maxX, minY, maxY;
    private BiConsumer<Double, Double> onPoint = (x, y) -> { };
    private BiConsumer<Double, Double> onPick = (x, y) -> { };
    private IntConsumer onHover = i -> { };
    private Consumer<int[]> onBox = rows -> { };
    private final Rectangle box = new Rectangle();
    private double boxStartX, boxStartY;
    /** Hover and click find the nearest point through it; rebuilt on the first pick after the view moves. */
    private ScreenPickGrid pickGrid;
    private boolean gridStale = true;
    private IntBuffer buffer;
    private int[] canvas = new int[0];
    private PixelBuffer<IntBuffer> pixels;
    private int width, height;
    private long lastDrawNanos;
    /** Optional decoded images tiled under the points (a 2-D latent's "manifold"). */
    private ImageUnderlay underlay;
    private double underlayOpacity = 0.6;
    private int dotSize;
    private double dotOpacity = 1;
    /** The view: data point (centerX, centerY) at the middle of the region, fitted scale × zoom. */
    private double centerX, centerY, zoom = 1;
    private double panLastX, panLastY;
    private boolean panning;
    private final MapOverlay overlay = new MapOverlay();

    /** A point drawn over the map: data position, ARGB color, radius in pixels. */
    public record Mark(double x, double y, int color, int radius) { }

    public ScatterView() {
        Look.onChange(this::redraw);
        getStyleClass().add("scatter-view");
        cursor.setStroke(Color.BLACK);
        cursor.setStrokeWidth(2);
        cursor.setVisible(false);
        cursor.setMouseTransparent(true);
        getChildren().addAll(view, cursor);
        setMinSize(200, 200);
        setPrefSize(700, 600);
        box.setFill(Color.color(0.2, 0.4, 0.8, 0.12));
        box.setStroke(Color.color(0.2, 0.4, 0.8));
        box.setVisible(false);
        box.setMouseTransparent(true);
        getChildren().add(box);
        followMouse();
    }

    /** Press or drag decodes, click picks, shift-drag selects a box, right- or ctrl-drag pans, the wheel zooms. */
    private void followMouse() {
        setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.isControlDown()) { // pan
                panning = true;
                panLastX = e.getX();
                panLastY = e.getY();
            } else if (e.isShiftDown()) { // shift-drag: box select
                boxStartX = e.getX();
                boxStartY = e.getY();
                box.setX(boxStartX);
                box.setY(boxStartY);
                box.setWidth(0);
                box.setHeight(0);
                box.setVisible(true);
            } else {
                report(e.getX(), e.getY());
            }
        });
        setOnMouseDragged(e -> {
            if (panning) {
                panBy(e.getX() - panLastX, e.getY() - panLastY);
                panLastX = e.getX();
                panLastY = e.getY();
            } else if (box.isVisible()) {
                box.setX(Math.min(boxStartX, e.getX()));
                box.setY(Math.min(boxStartY, e.getY()));
                box.setWidth(Math.abs(e.getX() - boxStartX));
                box.setHeight(Math.abs(e.getY() - boxStartY));
            } else {
                report(e.getX(), e.getY());
            }
        });
        setOnMouseMoved(e -> {
            onHover.accept(nearestOnScreen(e.getX(), e.getY(), 12)); // -1: over empty space
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) zoomAbout(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.0025));
        });
        setOnMouseReleased(e -> {
            if (panning) {
                panning = false;
                return;
            }
            if (box.isVisible()) {
                box.setVisible(false);
                onBox.accept(pointsIn(box.getX(), box.getY(), box.getX() + box.getWidth(), box.getY() + box.getHeight()));
                return;
            }
            if (xy.length > 0 && e.isStillSincePress()) onPick.accept(toDataX(e.getX()), toDataY(e.getY()));
        });
    }

    /** Called with data coordinates when the user presses or drags on the map. */
    public void setOnPoint(BiConsumer<Double, Double> handler) { this.onPoint = handler; }

    /** Called with data coordinates when the user clicks (presses and releases without moving). */
    public void setOnPick(BiConsumer<Double, Double> handler) { this.onPick = handler; }

    /** Called with the index of the visible point under the mouse (within 12 px), or -1 over empty space. */
    public void setOnHover(IntConsumer handler) { this.onHover = handler; }

    /** The visible point nearest to screen position (sx, sy) within {@code radius} px, or -1. */
    public int nearestOnScreen(double sx, double sy, double radius) {
        if (gridStale || pickGrid == null) {
            double[] px = new double[xy.length];
            double[] py = new double[xy.length];
            for (int k = 0; k < xy.length; k++) {
                px[k] = toScreenX(xy[k][0]);
                py[k] = toScreenY(xy[k][1]);
            }
            pickGrid = new ScreenPickGrid(px, py, width, height);
            gridStale = false;
        }
        return pickGrid.nearest(sx, sy, radius, k -> (colors[k] >>> 24) != 0);
    }

    /**
     * Draws {@code res}×{@code res} decoded images (row-major, row 0 at the top = highest y)
     * covering data rectangle [x0, x1]×[y0, y1] under the points, as dark ink on white; null
     * removes them.
     */
    public void setUnderlay(float[][] images, int res, double x0, double x1, double y0, double y1) {
        this.underlay = images == null ? null : new ImageUnderlay(images, res, x0, x1, y0, y1);
        redraw();
    }

    /** Called with the visible points inside a shift-dragged rectangle. */
    public void setOnBoxSelect(Consumer<int[]> handler) { this.onBox = handler; }

    /** Indices of the visible points inside the screen rectangle (sx0, sy0)–(sx1, sy1). */
    public int[] pointsIn(double sx0, double sy0, double sx1, double sy1) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            if ((colors[i] >>> 24) == 0) continue;
            double x = toScreenX(xy[i][0]), y = toScreenY(xy[i][1]);
            if (x >= sx0 && x <= sx1 && y >= sy0 && y <= sy1) in.add(i);
        }
        return in.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many points are drawn (not hidden). */
    public int visiblePoints() {
        int n = 0;
        for (int c : colors) if ((c >>> 24) != 0) n++;
        return n;
    }

    /** The color of point i (ARGB; alpha 0 when hidden). */
    public int colorOf(int i) { return colors[i]; }

    /** Nanoseconds the last full redraw took (for measuring). */
    public long lastDrawNanos() { return lastDrawNanos; }

    /** Points colored by class label (see {@link Look#classColor}). */
    public void setPoints(double[][] xy, int[] labels) {
        setColoredPoints(xy, classColors(labels));
    }

    public static int[] classColors(int[] labels) {
        int[] c = new int[labels.length];
        for (int i = 0; i < c.length; i++) c[i] = Look.classColor(labels[i]);
        return c;
    }

    /**
     * Points with one ARGB color each; a color with alpha 0 hides its point (e.g. a class
     * switched off in the legend).
     */
    public void setColoredPoints(double[][] xy, int[] colors) {
        this.xy = xy;
        this.colors = colors;
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
        }
        if (maxX <= minX) { maxX = minX + 1; }
        if (maxY <= minY) { maxY = minY + 1; }
        centerX = (minX + maxX) / 2;
        centerY = (minY + maxY) / 2;
        zoom = 1;
        cursor.setVisible(false);
        underlay = null;
        gridStale = true;
        redraw();
    }

    /**
     * New colors for the same points (same bounds, cursor kept). Colors counted for other points (a
     * map that replaced these a moment ago) are not used: the next setColoredPoints brings its own.
     */
    public void recolor(int[] colors) {
        if (colors.length != xy.length) return;
        this.colors = colors;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.max(1, getWidth()), h = (int) Math.max(1, getHeight());
        if (w != width || h != height) {
            width = w;
            height = h;
            // a direct buffer, as PixelBuffer wants; pixels are drawn in an int[] and copied in one go
            buffer = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            canvas = new int[w * h];
            pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(pixels));
            gridStale = true;
            redraw();
        }
    }

    /** The dot size in pixels: as set, or by how many points there are (fewer points, larger dots). */
    int dotSize() {
        int auto = xy.length < 2_000 ? 6 : xy.length < 20_000 ? 4 : 3;
        return (int) Math.round((dotSize > 0 ? dotSize : auto) * Look.scale());
    }

    /** Dots of {@code pixels} across (0: by the number of points). */
    public void setDotSize(int pixels) {
        this.dotSize = Math.max(0, Math.min(24, pixels));
        redraw();
    }

    /** How opaque dots are, 0.1 to 1: lower shows where they pile up. */
    public void setDotOpacity(double opacity) {
        this.dotOpacity = Math.max(0.1, Math.min(1, opacity));
        redraw();
    }

    /** How strongly the decoded-grid underlay shows, 0 to 1. */
    public void setUnderlayOpacity(double opacity) {
        this.underlayOpacity = Math.max(0, Math.min(1, opacity));
        redraw();
    }

    private void redraw() {
        if (pixels == null) return;
        long t0 = System.nanoTime();
        int[] a = canvas;
        Arrays.fill(a, Look.mapBackground());
        if (underlay != null && xy.length > 0) underlay.draw(a, width, height, this::toScreenX, this::toScreenY, underlayOpacity);
        int size = dotSize();
        boolean[] dot = Dots.mask(size);
        int alpha = (int) Math.round(dotOpacity * 256);
        double s = scale(), ox = width / 2.0 - centerX * s, oy = height / 2.0 + centerY * s;
        for (int i = 0; i < xy.length; i++) {
            double fx = ox + xy[i][0] * s - size / 2.0, fy = oy - xy[i][1] * s - size / 2.0;
            if (fx < -size || fy < -size || fx >= width || fy >= height) continue; // outside the zoomed view
            int px = (int) Math.floor(fx), py = (int) Math.floor(fy);
            int color = colors[i];
            if ((color >>> 24) == 0) continue; // hidden
            for (int dy = 0; dy < size; dy++) {
                int yy = py + dy;
                if (yy < 0 || yy >= height) continue;
                for (int dx = 0; dx < size; dx++) {
                    int xx = px + dx;
                    if (xx < 0 || xx >= width || !dot[dy * size + dx]) continue;
                    int k = yy * width + xx;
                    a[k] = alpha >= 256 ? color : Dots.blend(a[k], color, alpha);
                }
            }
        }
        if (!overlay.isEmpty()) overlay.draw(a, width, height, this::toScreenX, this::toScreenY);
        buffer.clear();
        buffer.put(a);
        buffer.clear();
        pixels.updateBuffer(b -> null);
        lastDrawNanos = System.nanoTime() - t0;
    }

    private double scale() {
        return zoom * Math.min((width - 2 * MARGIN) / (maxX - minX), (height - 2 * MARGIN) / (maxY - minY));
    }

    private double toScreenX(double x) { return width / 2.0 + (x - centerX) * scale(); }
    private double toScreenY(double y) { return height / 2.0 - (y - centerY) * scale(); }

    /** Multiplies the zoom by {@code factor}, keeping the data point under (sx, sy) where it is. */
    public void zoomAbout(double sx, double sy, double factor) {
        if (xy.length == 0) return;
        double x = toDataX(sx), y = toDataY(sy);
        zoom = Math.max(0.2, Math.min(500, zoom * factor));
        centerX = x - (sx - width / 2.0) / scale();
        centerY = y + (sy - height / 2.0) / scale();
        viewChanged();
    }

    /** Moves the view by (dx, dy) screen pixels: the points follow the mouse. */
    public void panBy(double dx, double dy) {
        if (xy.length == 0) return;
        centerX -= dx / scale();
        centerY += dy / scale();
        viewChanged();
    }

    /** Fits all points in the view again. */
    public void resetView() {
        centerX = (minX + maxX) / 2;
        centerY = (minY + maxY) / 2;
        zoom = 1;
        viewChanged();
    }

    /** The current zoom (1 = all points fit). */
    public double zoom() { return zoom; }

    private void viewChanged() {
        cursor.setVisible(false);
        gridStale = true; // rebuilt on the next pick, not on every pan step
        redraw();
    }

    /**
     * Draws {@code marks} over the points and, if not null, {@code outline} (a closed polyline
     * in data coordinates); an empty list and null remove the overlay.
     */
    public void setOverlay(List<Mark> marks, double[][] outline) {
        overlay.set(marks, outline);
        redraw();
    }

    /** The marks drawn over the points. */
    public List<Mark> overlay() { return overlay.marks(); }

    /** Rings (of each mark's colour and radius) around points, drawn over everything else; empty removes them. */
    public void setRings(List<Mark> rings) {
        overlay.setRings(rings);
        redraw();
    }

    /** The rings drawn over the points. */
    public List<Mark> rings() { return overlay.rings(); }

    private void report(double sx, double sy) {
        if (xy.length == 0) return;
        cursor.setCenterX(sx);
        cursor.setCenterY(sy);
        cursor.setVisible(true);
        onPoint.accept(toDataX(sx), toDataY(sy));
    }

    private double toDataX(double sx) { return centerX + (sx - width / 2.0) / scale(); }
    private double toDataY(double sy) { return centerY - (sy - height / 2.0) / scale(); }

    /** The screen position of data point (x, y), for tests. */
    public Point2D toScreen(double x, double y) {
        return new Point2D(toScreenX(x), toScreenY(y));
    }
}
