package io.github.latentlab.ui.fx;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a folder in the system's file manager (Explorer, Finder, the desktop's own on Linux).
 * Blocking: call it off the FX thread. Returns false where the desktop cannot open folders
 * (headless, no file manager), so the caller can show the path instead.
 */
public final class FolderOpener {
    private FolderOpener() { }

    public static boolean open(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return false;
        }
        try {
            Desktop.getDesktop().open(folder.toFile());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
