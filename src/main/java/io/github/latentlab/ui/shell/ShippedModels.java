package io.github.latentlab.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.model.ModelStore;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.util.AppDirs;
import io.github.latentlab.util.AtomicFiles;

/**
 * The pretrained models that come with the app (the repository's {@code models/}, packed into the
 * jar and the installers as {@code /models/}): listed from {@code models.json}, and copied out to
 * the app's folder when opened, since a model is read from a file.
 */
final class ShippedModels {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedModels.class);
    private static final String ROOT = "/models/";

    /** One shipped model: its file name and how the menu names it. */
    record Entry(String file, String title) {
        /** The file name without .llab, as lessons name the model. */
        String name() { return file.substring(0, file.length() - ".llab".length()); }
    }

    private ShippedModels() { }

    /** The shipped models, in the order {@code models/train-all} made them; none when the list is missing. */
    static List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = ShippedModels.class.getResourceAsStream(ROOT + "models.json")) {
            if (in == null) return out;
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                String file = n.path("file").asText("");
                // only plain file names: the list comes with the app, but a name is never a path
                if (file.matches("[a-z0-9-]+\\.llab")) out.add(new Entry(file, n.path("title").asText(file)));
            }
        } catch (IOException e) {
            LOG.warn("the list of shipped models could not be read", e);
        }
        return out;
    }

    /**
     * The model as a file in the app's folder, with its training timeline beside it when it ships
     * with one (copied from the app on first use, atomically).
     */
    static Path extract(Entry entry) throws IOException {
        Path target = AppDirs.home().resolve("shipped").resolve(entry.file());
        copyOut(entry.file(), target, true);
        copyOut(entry.name() + TimelineFile.EXTENSION, TimelineFile.besideModel(target), false);
        return target;
    }

    /** The bytes of a shipped model's file, or null when the app does not ship it. */
    static byte[] bytes(String name) throws IOException {
        return resource(name + ModelStore.EXTENSION);
    }

    /** Copies a resource of the app's models to {@code target}, unless it is there already. */
    private static void copyOut(String name, Path target, boolean required) throws IOException {
        byte[] bytes = resource(name);
        if (bytes == null) {
            if (required) throw new IOException(name + " is not among the shipped models");
            return;
        }
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) return;
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, bytes);
    }

    /** A file of the app's models folder, or null when it is not there. */
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedModels.class.getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
