package io.github.latentlab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import io.github.latentlab.data.DatasetCatalog;

/** {@code datasets}: the catalog's ids and whether each can be loaded without a network. */
final class DatasetsCommand {
    private final PrintStream out;

    DatasetsCommand(PrintStream out) { this.out = out; }

    int run(List<String> argv) {
        new Args(argv, Set.of(), Set.of());
        DatasetCatalog catalog = new DatasetCatalog();
        catalog.available().forEach(info -> out.printf("%-15s %-8s %s: %s (%s)%n", info.id(),
                info.availableOffline() ? "ready" : "download", info.displayName(), info.description(),
                info.location()));
        out.println("default: " + catalog.defaultId());
        return 0;
    }
}
