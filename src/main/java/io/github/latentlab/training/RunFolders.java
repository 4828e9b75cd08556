package io.github.latentlab.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.model.ModelStore;

/** Reads runs from disk: every run folder in a runs folder, or one run's own folder. */
final class RunFolders {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolders.class);

    private RunFolders() { }

    /**
     * The runs in {@code folder}, newest first, at most {@code limit}; a run with no checkpoint
     * yet is skipped. A damaged run folder is left as it is and added to {@code damaged}
     * ("name: why"), and logged.
     */
    static List<Run> read(Path folder, int limit, List<String> damaged) {
        BiConsumer<Path, String> skip = (f, why) -> {
            damaged.add(f.getFileName() + ": " + why);
            LOG.warn("run folder {} not listed: {}", f, why);
        };
        List<Checkpoints> folders = isRunFolder(folder) ? openOne(folder, skip) : Checkpoints.list(folder, skip);
        List<Run> found = new ArrayList<>();
        for (Checkpoints c : folders) {
            if (found.size() >= limit) break;
            try {
                if (c.latestFile() != null) found.add(Run.fromFolder(c, ModelStore.readMetadata(c.latestFile())));
            } catch (IOException | RuntimeException e) {
                skip.accept(c.folder(), e.getMessage());
            }
        }
        return found;
    }

    static boolean isRunFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(Checkpoints.PLAN_FILE));
    }

    private static List<Checkpoints> openOne(Path folder, BiConsumer<Path, String> damaged) {
        try {
            return List.of(Checkpoints.open(folder));
        } catch (IOException e) {
            damaged.accept(folder, e.getMessage());
            return List.of();
        }
    }
}
