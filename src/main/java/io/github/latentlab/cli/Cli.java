package io.github.latentlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code latent-lab COMMAND [options]}. Returns an exit code instead of
 * exiting so tests can call it: 0 success, 1 failure (message on stderr), 2 wrong usage.
 */
public final class Cli {
    static final String USAGE = """
            Usage: java -jar latent-lab.jar COMMAND [options]   (no command opens the app;
                                                                 open FILE.llab opens it with a model)

            Commands:
              train     --dataset ID [--test-dataset ID] [--model ae|dae|vae|conv] [--hidden 256[,128]]
                        (conv: channels, default 16,32) [--latent 8] [--loss mse|bce] [--epochs 5]
                        [--batch 128] [--lr 0.001] [--noise SIGMA|gaussian|saltpepper|mask:LEVEL]
                        [--seed 42] [--beta 1 (vae)] [--out FILE.llab] [--runs DIR] [--json]
                        Checkpoints go to a run folder under --runs (default ~/.latent-lab/runs).
              train     --resume RUN_FOLDER [--epochs N more] [--out FILE.llab] [--json]
                        continues a stopped or crashed run from its last checkpoint
              evaluate  --model FILE.llab [--dataset ID] [--noise gaussian|saltpepper|mask:LEVEL]
                        [--seed 42] [--json]
              project   --model FILE.llab [--dataset ID] [--split test|train] [--n 10000]
                        [--method pca|tsne|umap|identity] [--seed 42] [--perplexity 30]
                        [--iterations 1000] [--landmarks 2000] [--neighbours 15] [--out FILE.csv] [--json]
              bench     [--dataset ID] [--seconds 20] [--json]
              datasets  list the dataset ids and whether each is available offline

            Dataset ids: builtin-digits, fashion-mnist, mnist, kmnist,
                         idx:IMAGES,LABELS (IDX files), folder:PATH (one sub-folder per class)
            Progress goes to stderr; with --json the last stdout line is one JSON object.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "train" -> new TrainCommand(out, err).run(rest);
                case "evaluate" -> new EvaluateCommand(out, err).run(rest);
                case "bench" -> new BenchCommand(out, err).run(rest);
                case "project" -> new ProjectCommand(out, err).run(rest);
                case "datasets" -> new DatasetsCommand(out).run(rest);
                default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (Args.UsageException e) {
            err.println("latent-lab: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("latent-lab: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("latent-lab " + args[0] + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
