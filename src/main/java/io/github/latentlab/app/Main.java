package io.github.latentlab.app;

import java.util.Arrays;

import io.github.latentlab.cli.Cli;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.util.Logs;
import io.github.latentlab.util.NoJavaSerialization;

/**
 * Entry point. With a command, runs the command line; with none, opens the app;
 * {@code open FILE.llab} opens the app with that model, {@code lesson NAME|FILE.md} with that lesson,
 * {@code session FILE.llsession} with that session. A plain class,
 * not an {@code Application}, so the app starts from a classpath jar (no module-info: DL4J's
 * module descriptors are broken).
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        NoJavaSerialization.install(); // before any file is read: no object is ever built from file content
        Logs.useAppFolder(); // before the first logger: the log file goes to the app's data folder
        NativeRuntime.selectNativeBuild(); // before anything loads ND4J
        if ((args.length == 2 || args.length == 3) && args[0].equals("open")) {
            // the app with a saved model opened, optionally on a tab ("open dae.llab noise")
            LatentLabApp.launchApp(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 2 && args[0].equals("lesson")) { // a shipped lesson's name or a lesson file
            LatentLabApp.launchApp("--lesson", args[1]);
            return;
        }
        if (args.length == 2 && args[0].equals("session")) { // a saved session (.llsession)
            LatentLabApp.launchApp("--session", args[1]);
            return;
        }
        if (args.length > 0) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        LatentLabApp.launchApp();
    }
}
