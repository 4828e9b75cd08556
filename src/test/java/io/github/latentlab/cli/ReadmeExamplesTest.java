package io.github.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.data.catalog.DatasetCatalog;

/**
 * Runs every command-line example of README.md: each line of the fenced code blocks in the
 * "## Command line" section that starts with {@code java -jar target/latent-lab.jar} (trailing
 * {@code # comments} stripped, lines ending in {@code \} joined), in README order, except those
 * that open a window (no arguments, {@code open ...}, {@code lesson ...} or {@code session ...}). Each runs in a child JVM,
 * {@code java -Xmx2g -Dlatentlab.home=TEMP/home -cp TEST_CLASSPATH io.github.latentlab.app.Main ARGS},
 * in a temporary working folder, so relative files such as {@code ae.llab} and {@code map.csv}
 * resolve there and an example can read what an earlier one wrote. Each must exit 0 within 10
 * minutes; a {@code --json} one must end its stdout with a JSON object.
 *
 * <p>The arguments are changed so the examples run offline and quickly:
 * <ul>
 *   <li>datasets: {@code mnist} and {@code kmnist} (download only) become {@code builtin-digits};
 *       {@code fashion-mnist} stays when {@link DatasetCatalog} has it offline (Debian's
 *       dataset-fashion-mnist), else becomes {@code builtin-digits};</li>
 *   <li>{@code train}: {@code --epochs N} becomes {@code --epochs 1}; without {@code --epochs},
 *       {@code --epochs 1} is appended (with {@code --resume}: one more epoch);</li>
 *   <li>{@code bench} without {@code --seconds} gets {@code --seconds 1};</li>
 *   <li>{@code project}: {@code --n} above 600 becomes {@code --n 600};</li>
 *   <li>an argument containing {@code RUN_FOLDER} becomes the run folder of the earliest earlier
 *       example that printed one (its JSON {@code run} field, or its "Run folder: ..." line);</li>
 *   <li>{@code ~/.latent-lab} (the app's folder) and any other leading {@code ~} become TEMP/home;</li>
 *   <li>a command asking for {@code --help} is left as it is.</li>
 * </ul>
 */
@Tag("slow")
class ReadmeExamplesTest {
    static final String PREFIX = "java -jar target/latent-lab.jar";
    static final int SMALL_MAP = 600;
    private static final long TIMEOUT_MINUTES = 10;

    @TempDir Path dir;

    /** One README example: its line as written and its arguments after the jar. */
    record Example(String line, List<String> args) { }

    @Test
    void everyCommandLineExampleOfTheReadmeRuns() throws Exception {
        List<Example> examples = commandLineExamples(Files.readAllLines(readme(), StandardCharsets.UTF_8));
        assertTrue(examples.size() >= 5, "the Command line section has its examples: " + examples);
        Path home = dir.resolve("home");
        boolean fashionOffline = new DatasetCatalog().available().stream()
                .anyMatch(d -> d.id().equals(DatasetCatalog.FASHION_MNIST) && d.availableOffline());
        String runFolder = null;
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (Example example : examples) {
            i++;
            if (opensAWindow(example.args())) {
                System.out.printf("README example %d: %s%n  skipped: it opens the app%n", i, example.line());
                continue;
            }
            if (runFolder == null && example.args().stream().anyMatch(a -> a.contains("RUN_FOLDER"))) {
                failures.add(example.line() + ": no earlier example printed a run folder");
                continue;
            }
            List<String> args = forTheTest(example.args(), home, fashionOffline, runFolder);
            System.out.printf("README example %d: %s%n  runs: latent-lab %s%n", i, example.line(), String.join(" ", args));
            Result result = runInChildJvm(args, home, "example-" + i);
            System.out.printf("  exit %d after %.1f s%n", result.exitCode(), result.seconds());
            if (result.exitCode() != 0) {
                failures.add(example.line() + ": exit " + result.exitCode() + "\n" + tail(result.stderr(), 15));
                continue;
            }
            JsonNode json = args.contains("--json") ? lastJsonObject(result.stdout()) : null;
            if (args.contains("--json") && json == null) {
                failures.add(example.line() + ": the last stdout line is no JSON object\n" + tail(result.stdout(), 5));
            }
            if (runFolder == null) runFolder = runFolderOf(json, result.stderr());
        }
        if (!failures.isEmpty()) fail(failures.size() + " README example(s) failed:\n" + String.join("\n\n", failures));
    }

    @Test
    void examplesAreReadFromTheCommandLineSectionOnly() {
        List<String> readme = List.of(
                "## Data", "```sh", PREFIX + " datasets", "```",
                "## Command line", "text", "```sh",
                PREFIX + "                 # the app",
                PREFIX + " train --dataset mnist \\",
                "     --epochs 5 --json   # a comment",
                "./mvnw package",
                PREFIX + " open ae.llab [noise]",
                "```", PREFIX + " outside a code block",
                "## Tests", "```", PREFIX + " bench", "```");
        List<Example> examples = commandLineExamples(readme);
        assertEquals(List.of(List.of(), List.of("train", "--dataset", "mnist", "--epochs", "5", "--json"),
                List.of("open", "ae.llab", "[noise]")), examples.stream().map(Example::args).toList());
        Path home = Path.of("/tmp/home");
        assertEquals(List.of("train", "--dataset", "builtin-digits", "--epochs", "1", "--json"),
                forTheTest(examples.get(1).args(), home, true, null));
        assertEquals(List.of("train", "--resume", "/runs/r1", "--epochs", "1"),
                forTheTest(List.of("train", "--resume", "~/.latent-lab/runs/RUN_FOLDER"), home, true, "/runs/r1"));
        assertEquals(List.of("train", "--dataset", "builtin-digits", "--runs", "/tmp/home/runs", "--epochs", "1"),
                forTheTest(List.of("train", "--dataset=fashion-mnist", "--runs", "~/.latent-lab/runs"), home, false, null));
        assertEquals(List.of("project", "--n", "600", "--json"), forTheTest(List.of("project", "--n", "10000", "--json"),
                home, true, null));
        assertEquals(List.of("bench", "--json", "--seconds", "1"), forTheTest(List.of("bench", "--json"), home, true, null));
        assertEquals(List.of("train", "--help"), forTheTest(List.of("train", "--help"), home, true, null));
        assertTrue(opensAWindow(examples.get(0).args()) && opensAWindow(examples.get(2).args()));
        assertTrue(opensAWindow(List.of("lesson", "01-autoencoder")));
        assertTrue(opensAWindow(List.of("session", "class.llsession")));
    }

    private static Path readme() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath(); // surefire sets basedir
        return base.resolve("README.md");
    }

    /** The {@code java -jar} lines of the code blocks in "## Command line", comments stripped, continuations joined. */
    static List<Example> commandLineExamples(List<String> readme) {
        List<Example> examples = new ArrayList<>();
        boolean inSection = false, inCode = false;
        StringBuilder pending = null;
        for (String raw : readme) {
            if (raw.startsWith("## ")) {
                inSection = raw.strip().equals("## Command line");
                continue;
            }
            if (!inSection) continue;
            if (raw.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) continue;
            String line = raw.replaceFirst("(^|\\s)#.*$", "").stripTrailing();
            boolean continues = line.endsWith("\\");
            if (continues) line = line.substring(0, line.length() - 1);
            pending = pending == null ? new StringBuilder(line.strip()) : pending.append(' ').append(line.strip());
            if (continues) continue;
            String whole = pending.toString().strip();
            pending = null;
            if (whole.equals(PREFIX) || whole.startsWith(PREFIX + " ")) {
                String rest = whole.substring(PREFIX.length()).strip();
                examples.add(new Example(whole, rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"))));
            }
        }
        return examples;
    }

    static boolean opensAWindow(List<String> args) {
        return args.isEmpty() || args.get(0).equals("open") || args.get(0).equals("lesson") || args.get(0).equals("session");
    }

    /** The arguments the test runs for an example: see the class comment. */
    static List<String> forTheTest(List<String> example, Path home, boolean fashionOffline, String runFolder) {
        List<String> args = new ArrayList<>();
        for (String arg : example) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) { // --name=value as two arguments, so values are found alike
                args.add(arg.substring(0, eq));
                args.add(value(arg.substring(eq + 1), home, fashionOffline, runFolder));
            } else {
                args.add(value(arg, home, fashionOffline, runFolder));
            }
        }
        if (args.contains("--help") || args.contains("-h")) return args;
        switch (args.get(0)) {
            case "train" -> setOrAppend(args, "--epochs", "1");
            case "bench" -> {
                if (!args.contains("--seconds")) setOrAppend(args, "--seconds", "1");
            }
            case "project" -> {
                int n = args.indexOf("--n");
                if (n >= 0 && n + 1 < args.size() && Integer.parseInt(args.get(n + 1)) > SMALL_MAP) {
                    args.set(n + 1, String.valueOf(SMALL_MAP));
                }
            }
            default -> { }
        }
        return args;
    }

    private static String value(String arg, Path home, boolean fashionOffline, String runFolder) {
        if (arg.equals(DatasetCatalog.MNIST) || arg.equals(DatasetCatalog.KMNIST)) return DatasetCatalog.BUILTIN_DIGITS;
        if (arg.equals(DatasetCatalog.FASHION_MNIST) && !fashionOffline) return DatasetCatalog.BUILTIN_DIGITS;
        if (arg.contains("RUN_FOLDER")) return runFolder;
        if (arg.equals("~/.latent-lab") || arg.startsWith("~/.latent-lab/")) return home + arg.substring("~/.latent-lab".length());
        if (arg.equals("~") || arg.startsWith("~/")) return home + arg.substring(1);
        // the repository's shipped models, from the temporary folder the example runs in
        if (arg.startsWith("models/")) return readme().resolveSibling(arg).toString();
        return arg;
    }

    private static void setOrAppend(List<String> args, String option, String value) {
        int i = args.indexOf(option);
        if (i >= 0 && i + 1 < args.size()) {
            args.set(i + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
    }

    record Result(int exitCode, double seconds, String stdout, String stderr) { }

    /** Runs {@code app.Main} with the test's classpath in a child JVM, as {@code java -jar} would. */
    private Result runInChildJvm(List<String> args, Path home, String name) throws IOException, InterruptedException {
        // surefire runs tests from a manifest-only jar; the real classpath is in this property
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Djava.awt.headless=true", "-Dlatentlab.home=" + home));
        String nativeExtension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (nativeExtension != null) command.add("-Dorg.bytedeco.javacpp.platform.extension=" + nativeExtension);
        command.addAll(List.of("-cp", classpath, "io.github.latentlab.app.Main"));
        command.addAll(args);
        Path output = Files.createDirectories(dir.resolve(".example-output"));
        Path stdout = output.resolve(name + ".stdout"), stderr = output.resolve(name + ".stderr");
        long t0 = System.nanoTime();
        // output to files, not pipes: a chatty child can never block on a full pipe
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("latent-lab " + String.join(" ", args) + " still running after " + TIMEOUT_MINUTES + " minutes, killed\n"
                    + tail(Files.readString(stderr), 15));
        }
        return new Result(process.exitValue(), (System.nanoTime() - t0) / 1e9, Files.readString(stdout), Files.readString(stderr));
    }

    private static JsonNode lastJsonObject(String stdout) {
        List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return null;
        try {
            JsonNode node = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String runFolderOf(JsonNode json, String stderr) {
        if (json != null && json.hasNonNull("run")) return json.get("run").asText();
        return stderr.lines().filter(l -> l.startsWith("Run folder: ")).map(l -> l.substring("Run folder: ".length()))
                .findFirst().orElse(null);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
