package io.github.latentlab.app;

import io.github.latentlab.cli.Cli;

/**
 * Entry point. With a command, runs the command line; with none, opens the app. A plain class,
 * not an {@code Application}, so the app starts from a classpath jar (no module-info: DL4J's
 * module descriptors are broken).
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        LatentLabApp.launchApp();
    }
}
