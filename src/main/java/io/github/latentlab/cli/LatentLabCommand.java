package io.github.latentlab.cli;

import java.util.concurrent.Callable;

import io.github.latentlab.util.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level command: its usage lists the commands. Opening the app (no arguments, or
 * {@code open FILE.llab [TAB]}) is routed by {@code app.Main} before the command line is parsed.
 */
@Command(name = "latent-lab", sortOptions = false, versionProvider = LatentLabCommand.FromBuild.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Trains, evaluates and maps autoencoders from the command line.",
                "With no command at all it opens the app; 'open FILE.llab [TAB]' opens the app with that model, "
                        + "optionally on a tab (e.g. 'open dae.llab noise')."},
        commandListHeading = "%nCommands:%n",
        footer = {"",
                "Dataset ids: builtin-digits, fashion-mnist, mnist, kmnist, idx:IMAGES,LABELS (IDX files), "
                        + "folder:PATH (one sub-folder per class).",
                "Progress goes to stderr; with --json the last stdout line is one JSON object.",
                "'latent-lab COMMAND --help' or 'latent-lab help COMMAND' shows a command's options."})
final class LatentLabCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = {"-V", "--version"}, versionHelp = true,
            description = "Print the versions this build was made with (app, DL4J and its ND4J backend, JavaFX, "
                    + "Java) and exit.")
    boolean version;

    /** Only options and no command, e.g. {@code latent-lab --verbose}: nothing to do. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }

    /** The versions come from the build (build.properties), never from a string written here. */
    static final class FromBuild implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return BuildInfo.describe().split("\\R");
        }
    }
}
