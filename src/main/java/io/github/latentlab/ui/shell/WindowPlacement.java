package io.github.latentlab.ui.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.util.AtomicFiles;

/**
 * Where the window was: its size and position, whether it was maximised, the Train tab's divider,
 * the last tab, the theme and presenter mode, kept in {@code window.properties} in the app's folder. A new window opens
 * sized to the screen it is on; a remembered place that no longer fits any screen (a monitor
 * unplugged) is not used. A first window on a screen narrower than 1600 px fills it. A damaged file is ignored: the window then opens as on a first start.
 */
public final class WindowPlacement {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);
    /** A first window takes this share of the screen, up to the size the panes are designed for. */
    private static final double SCREEN_SHARE = 0.92;
    static final double MAX_FIRST_WIDTH = 1600;
    static final double MAX_FIRST_HEIGHT = 1000;

    private final Path file;
    private final Properties saved = new Properties();

    public WindowPlacement(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                if (Files.size(file) < 64 * 1024) saved.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                LOG.info("window placement {} not used: {}", file, e.getMessage());
                saved.clear();
            }
        }
    }

    /** The size a first window gets on a screen with these visual bounds. */
    static Rectangle2D firstBounds(Rectangle2D screen) {
        // a laptop's screen is all the room the panes need: take it whole; leave a margin on larger ones
        double share = screen.getWidth() < MAX_FIRST_WIDTH ? 1 : SCREEN_SHARE;
        double w = Math.min(MAX_FIRST_WIDTH, Math.floor(screen.getWidth() * share));
        double h = Math.min(MAX_FIRST_HEIGHT, Math.floor(screen.getHeight() * share));
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /** The remembered bounds if they still fit on one of {@code screens}' visual bounds, else null. */
    Rectangle2D remembered(List<Rectangle2D> screens) {
        double x = number("x");
        double y = number("y");
        double w = number("width");
        double h = number("height");
        if (!(w >= 400 && h >= 300)) return null;
        Rectangle2D r = new Rectangle2D(x, y, w, h);
        for (Rectangle2D s : screens) {
            // at least the title bar's middle must be on a screen, and the window no larger than it
            if (s.contains(x + w / 2, y + 10) && w <= s.getWidth() + 1 && h <= s.getHeight() + 1) return r;
        }
        return null;
    }

    /** Places {@code stage} where it was, or sized to the primary screen. */
    public void place(Stage stage) {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D r = remembered(screens);
        if (r == null) r = firstBounds(Screen.getPrimary().getVisualBounds());
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
        if (Boolean.parseBoolean(saved.getProperty("maximized"))) stage.setMaximized(true);
    }

    /** The Train tab's divider as it was (NaN: none remembered). */
    public double divider() {
        double d = number("divider");
        return d > 0.05 && d < 0.95 ? d : Double.NaN;
    }

    /** The last tab's index (-1: none remembered). */
    public int tab() {
        double t = number("tab");
        return Double.isFinite(t) && t >= 0 && t < 20 ? (int) t : -1;
    }

    /** Puts the remembered theme and presenter mode back. */
    public void restoreLook() {
        Look.themeProperty().set("dark".equals(saved.getProperty("theme")) ? Look.Theme.DARK : Look.Theme.LIGHT);
        Look.presenterProperty().set(Boolean.parseBoolean(saved.getProperty("presenter")));
    }

    /** Writes where the window is now (atomically; a failure is logged, never shown). */
    public void save(Stage stage, double divider, int tab) {
        Properties p = new Properties();
        if (!stage.isMaximized()) {
            p.setProperty("x", Double.toString(stage.getX()));
            p.setProperty("y", Double.toString(stage.getY()));
            p.setProperty("width", Double.toString(stage.getWidth()));
            p.setProperty("height", Double.toString(stage.getHeight()));
        } else {
            for (String k : new String[] {"x", "y", "width", "height"}) {
                if (saved.getProperty(k) != null) p.setProperty(k, saved.getProperty(k));
            }
        }
        p.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        p.setProperty("divider", Double.toString(divider));
        p.setProperty("tab", Integer.toString(tab));
        p.setProperty("theme", Look.dark() ? "dark" : "light");
        p.setProperty("presenter", Boolean.toString(Look.presenterProperty().get()));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), "Latent Lab window placement");
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            LOG.warn("could not save the window placement to {}", file, e);
        }
    }

    private double number(String key) {
        try {
            return Double.parseDouble(saved.getProperty(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
