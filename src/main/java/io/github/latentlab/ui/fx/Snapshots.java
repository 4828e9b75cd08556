package io.github.latentlab.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import io.github.latentlab.util.AtomicFiles;

/** Renders a node to PNG: {@link #capture} on the FX thread, {@link #write} anywhere. */
public final class Snapshots {
    private Snapshots() { }

    public static BufferedImage capture(Node node) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
