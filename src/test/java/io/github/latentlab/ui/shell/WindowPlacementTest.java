package io.github.latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the window opens: sized to the screen the first time, where it was after, never off-screen. */
class WindowPlacementTest {
    @TempDir Path dir;

    @Test
    void aFirstWindowFitsTheScreenItOpensOn() {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1280, 770); // 1280×800 less a panel
        Rectangle2D r = WindowPlacement.firstBounds(laptop);
        assertEquals(laptop, r, "a laptop's screen is taken whole");
        assertTrue(r.getMinY() >= 0, "the title bar is on screen");
        Rectangle2D big = WindowPlacement.firstBounds(new Rectangle2D(0, 0, 2560, 1400));
        assertEquals(WindowPlacement.MAX_FIRST_WIDTH, big.getWidth());
        assertEquals(WindowPlacement.MAX_FIRST_HEIGHT, big.getHeight());
    }

    @Test
    void aRememberedPlaceIsUsedOnlyWhileItIsOnAScreen() throws Exception {
        Path file = dir.resolve("window.properties");
        Files.writeString(file, "x=1700\ny=100\nwidth=1200\nheight=800\ndivider=0.45\ntab=3\n");
        WindowPlacement p = new WindowPlacement(file);
        Rectangle2D left = new Rectangle2D(0, 0, 1600, 1000);
        Rectangle2D right = new Rectangle2D(1600, 0, 1920, 1080);
        assertEquals(new Rectangle2D(1700, 100, 1200, 800), p.remembered(List.of(left, right)));
        assertNull(p.remembered(List.of(left)), "its monitor was unplugged");
        assertEquals(0.45, p.divider(), 1e-12);
        assertEquals(3, p.tab());
    }

    @Test
    void aDamagedFileIsIgnored() throws Exception {
        Path file = dir.resolve("window.properties");
        Files.writeString(file, "width=wide\nheight=-5\ndivider=7\ntab=x\n\\u12");
        WindowPlacement p = new WindowPlacement(file);
        assertNull(p.remembered(List.of(new Rectangle2D(0, 0, 1920, 1080))));
        assertTrue(Double.isNaN(p.divider()));
        assertEquals(-1, p.tab());
    }
}
