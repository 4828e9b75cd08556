package io.github.latentlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

import io.github.latentlab.util.Logs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code latent-lab COMMAND [options]}, parsed by picocli. Returns an exit code
 * instead of exiting so tests can call it: 0 success, 1 failure (message on stderr), 2 wrong usage
 * (message and the command's usage on stderr). An {@link IllegalArgumentException} from the
 * commands or the core (a latent size out of range, an unknown model kind) is wrong usage too.
 */
public final class Cli {
    static final int FAILED = 1;
    static final int WRONG_USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        CommandLine cli = commandLine();
        try {
            if (args.length == 0) { // app.Main opens the app instead; called directly, there is nothing to run
                cli.usage(cli.getOut());
                return WRONG_USAGE;
            }
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The command tree, printing to this Cli's streams; a new one per run (commands keep their options). */
    CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LatentLabCommand())
                .addSubcommand(new TrainCommand(out, err))
                .addSubcommand(new EvaluateCommand(out, err))
                .addSubcommand(new ProjectCommand(out, err))
                .addSubcommand(new BenchCommand(out, err))
                .addSubcommand(new DatasetsCommand(out))
                .addSubcommand(new TimelineCommand(out, err))
                .addSubcommand(new CommandLine.HelpCommand());
        // set after adding the subcommands: these settings reach the commands present at the call
        return cli.setOut(writerOn(out)).setErr(writerOn(err))
                .setExpandAtFiles(false) // "@file" arguments stay file names, not argument files
                .setParameterExceptionHandler(this::wrongUsage)
                .setExecutionExceptionHandler(this::failed);
    }

    private int wrongUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException u)) return wrongUsage(command, e.getMessage(), null);
        String message = e.getMessage();
        List<String> suggestions = u.getSuggestions();
        if (!u.isUnknownOption() && !command.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
            String name = u.getUnmatched().get(0);
            message = "unknown command '" + name + "'"; // clearer than picocli's "Unmatched argument at index 0"
            // app.Main opens the app for "open FILE.llab [TAB]"; here it came with too few or too many arguments
            if (name.equals("open")) {
                return wrongUsage(command, "open takes a model file and optionally a tab: open FILE.llab [TAB]", null);
            }
        }
        String hint = suggestions.isEmpty() ? null : "Did you mean " + String.join(" or ", suggestions) + "?";
        return wrongUsage(command, message, hint);
    }

    private int failed(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof IllegalArgumentException) return wrongUsage(command, messageOf(e), null);
        LOG.info("{} failed", command.getCommandSpec().qualifiedName(), e); // the stack trace goes to the log file
        command.getErr().println(command.getCommandSpec().qualifiedName() + " failed: " + messageOf(e));
        return FAILED;
    }

    private static int wrongUsage(CommandLine command, String message, String hint) {
        PrintWriter w = command.getErr();
        w.println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (hint != null) w.println(hint);
        w.println();
        command.usage(w);
        return WRONG_USAGE;
    }

    /**
     * A failure's message for a person: the first message along the causes, skipping wrappers whose
     * message is just their cause's {@code toString()}; never "null" or a bare class name.
     */
    static String messageOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank() || m.equals("null")) continue;
            if (t.getCause() != null && m.equals(t.getCause().toString())) continue;
            return m;
        }
        return "an unexpected error without a message (" + e.getClass().getSimpleName()
                + "); the log file under " + Logs.folder() + " has the details";
    }

    /**
     * picocli prints to writers; this one hands text to the stream as it is, so the stream's own
     * encoding applies (σ, β) and a test's capture sees everything after each flush.
     */
    private static PrintWriter writerOn(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }
            @Override public void flush() { stream.flush(); }
            @Override public void close() { stream.flush(); }
        }, true);
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
