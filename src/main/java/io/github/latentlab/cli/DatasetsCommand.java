package io.github.latentlab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import io.github.latentlab.data.catalog.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datasets}: the catalog's ids and whether each can be loaded without a network. */
@Command(name = "datasets", header = "Lists the dataset ids and whether each is available offline.")
final class DatasetsCommand implements Callable<Integer> {
    private final PrintStream out;
    @Mixin CommonOptions common;

    DatasetsCommand(PrintStream out) { this.out = out; }

    @Override
    public Integer call() {
        DatasetCatalog catalog = new DatasetCatalog();
        catalog.available().forEach(info -> out.printf("%-15s %-8s %s: %s (%s)%n", info.id(),
                info.availableOffline() ? "ready" : "download", info.displayName(), info.description(),
                info.location()));
        out.println("default: " + catalog.defaultId());
        return 0;
    }
}
