package io.github.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.IdxFormat;
import io.github.latentlab.util.BuildInfo;

class CliTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() { return out.toString(StandardCharsets.UTF_8); }
    private String stderr() { return err.toString(StandardCharsets.UTF_8); }

    /** {@code n} built-in digits written as a gzipped IDX pair in the temp folder, as an {@code idx:} id. */
    private String idxDataset(int n) throws Exception {
        DatasetSplit d = TestData.digits(n, 10);
        Path images = dir.resolve("img.idx.gz"), labels = dir.resolve("lbl.idx.gz");
        IdxFormat.write(images, labels, d.train().pixels(), d.train().labels(), 28, true);
        return "idx:" + images + "," + labels;
    }

    private JsonNode lastJsonLine() throws Exception {
        String[] lines = stdout().strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void noCommandOrUnknownCommandPrintsUsageAndFails() {
        assertEquals(2, run());
        assertTrue(stdout().contains("Usage"));
        assertEquals(2, run("fly"));
        assertTrue(stderr().contains("unknown command 'fly'") && stderr().contains("Usage"), stderr());
    }

    @Test
    void wrongArgumentsPrintUsageAndFail() {
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--epochs", "many"));
        assertTrue(stderr().contains("'--epochs'") && stderr().contains("'many'"), stderr());
        assertTrue(stderr().contains("Usage: latent-lab train"), "the command's own usage: " + stderr());
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--wings", "2"));
        assertTrue(stderr().contains("Unknown option") && stderr().contains("'--wings'"), stderr());
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--model", "gan"));
        assertTrue(stderr().contains("unknown model kind 'gan'"), stderr());
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--model", "dae", "--noise", "saltpepper:0.9"));
        assertTrue(stderr().contains("saltpepper level 0.9 outside 0..0.5"), stderr());
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--latent", "1000"));
        assertTrue(stderr().contains("latent size 1000"), stderr());
        assertEquals(2, run("train"));
        assertTrue(stderr().contains("--dataset is required"), stderr());
        assertEquals(2, run("train", "--dataset", "a", "--dataset", "b"));
        assertTrue(stderr().contains("'--dataset'") && stderr().contains("only once"), stderr());
        assertEquals(2, run("evaluate"));
        assertTrue(stderr().contains("--model"), stderr());
        assertFalse(stderr().contains("null"), stderr());
    }

    @Test
    void versionPrintsWhatTheBuildWasMadeWith() {
        assertEquals(0, run("--version"));
        assertTrue(stdout().contains("Latent Lab " + BuildInfo.appVersion()), stdout());
        assertTrue(stdout().contains(BuildInfo.dl4jVersion()) && stdout().contains(BuildInfo.backendArtifact()), stdout());
        assertNotEquals("unknown", BuildInfo.appVersion(), "build.properties filtered by the build");
        assertNotEquals("unknown", BuildInfo.dl4jVersion(), "build.properties filtered by the build");
    }

    @Test
    void everyCommandHasItsOwnHelpWithTheDefaults() {
        assertEquals(0, run("train", "--help"));
        String help = stdout();
        assertTrue(help.contains("Usage: latent-lab train"), help);
        String latent = help.lines().filter(l -> l.contains("--latent")).filter(l -> l.contains("default")).findFirst()
                .orElseThrow(() -> new AssertionError("no --latent line with its default in\n" + help));
        assertTrue(latent.contains("default: 8"), latent);
        assertEquals(0, run("help", "train"));
        assertEquals(help, stdout(), "help train is train --help");
        for (String command : new String[] {"evaluate", "project", "bench", "datasets"}) {
            assertEquals(0, run(command, "--help"), command);
            assertTrue(stdout().contains("Usage: latent-lab " + command), stdout());
        }
        assertTrue(stdout().contains("--verbose"), stdout());
        assertEquals(0, run("project", "--help"));
        assertTrue(stdout().contains("--export=DIR"), stdout());
    }

    @Test
    void theTopLevelUsageListsTheCommandsAndHowToOpenTheApp() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"train", "evaluate", "project", "bench", "datasets", "help"}) {
            assertTrue(stdout().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " in\n" + stdout());
        }
        assertTrue(stdout().contains("open FILE.llab [TAB]") && stdout().contains("no command"), stdout());
    }

    @Test
    void aTypoGetsASuggestion() {
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--lattent", "4"));
        assertTrue(stderr().contains("'--lattent'"), stderr());
        assertTrue(stderr().contains("Did you mean") && stderr().contains("--latent"), stderr());
        assertEquals(2, run("trian"));
        assertTrue(stderr().contains("unknown command 'trian'") && stderr().contains("Did you mean train"), stderr());
    }

    @Test
    void verboseIsAcceptedByEveryCommandAndLetsInfoLinesOntoTheConsole() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        var console = root.getAppender("CONSOLE");
        Level level = root.getLevel();
        var filters = console.getCopyOfAttachedFiltersList();
        try {
            assertFalse(nd4jInfoReachesTheConsole(root), "quiet by default");
            assertEquals(0, run("datasets", "--verbose"), stderr());
            assertTrue(stdout().contains("builtin-digits"), stdout());
            assertTrue(nd4jInfoReachesTheConsole(root));
            assertEquals(0, run("train", "--verbose", "--help"));
            assertEquals(2, run("--verbose"), "options but no command");
            assertTrue(stderr().contains("a command is needed"), stderr());
        } finally { // the rest of this test JVM stays quiet
            root.setLevel(level);
            console.clearAllFilters();
            filters.forEach(console::addFilter);
        }
    }

    private static boolean nd4jInfoReachesTheConsole(ch.qos.logback.classic.Logger root) {
        var nd4j = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend");
        LoggingEvent info = new LoggingEvent(CliTest.class.getName(), nd4j, Level.INFO, "Loaded backend", null, null);
        return nd4j.isInfoEnabled() && root.getAppender("CONSOLE").getFilterChainDecision(info) != FilterReply.DENY;
    }

    @Test
    void failureMessagesNameTheProblemNotAnExceptionClass() {
        assertEquals("disk full", Cli.messageOf(new RuntimeException(new IOException("disk full"))));
        String none = Cli.messageOf(new IllegalStateException());
        assertFalse(none.equals("null") || none.equals("java.lang.IllegalStateException"), none);
        assertTrue(none.contains("log"), none);
    }

    @Test
    void evaluatingAMissingModelFileFailsWithItsName() {
        assertEquals(1, run("evaluate", "--model", dir.resolve("nothing.llab").toString()));
        assertTrue(stderr().contains("latent-lab evaluate failed: ") && stderr().contains("nothing.llab"), stderr());
    }

    /** The memory soak samples the heap, javacpp's bytes and resident memory, and fits resident memory's growth per step. */
    @Tag("slow")
    @Test
    void benchSoakReportsMemoryPerStep() throws Exception {
        assertEquals(0, run("bench", "--soak", "700", "--model", "ae", "--json"), stderr());
        JsonNode soak = lastJsonLine();
        assertEquals("ae", soak.get("soak_model").asText());
        assertEquals(700, soak.get("steps").asInt());
        assertTrue(soak.get("resident_kb_per_step").isNumber(), soak.toString());
        assertEquals(4, soak.get("samples").size(), "at each of 4 whole epochs of 157 steps: " + soak.get("samples"));
        assertEquals(157, soak.get("samples").get(0).get(0).asInt(), "the first at the first epoch's end");
        for (JsonNode s : soak.get("samples")) assertTrue(s.get(3).asLong() > s.get(1).asLong(), "resident above heap: " + s);
        assertTrue(stderr().contains("resident memory grows"), stderr());
    }

    @Tag("slow")
    @Test
    void trainThenEvaluateEndToEndWithJson() throws Exception {
        String dataset = idxDataset(2000);
        Path model = dir.resolve("dae.llab");

        assertEquals(0, run("train", "--dataset", dataset, "--model", "dae", "--hidden", "64", "--latent", "8",
                "--loss", "bce", "--epochs", "2", "--batch", "64", "--noise", "0.3", "--seed", "3",
                "--out", model.toString(), "--json"), stderr());
        JsonNode train = lastJsonLine();
        assertEquals(2, train.get("epochs").asInt());
        assertEquals(1800, train.get("train_size").asInt(), "seeded 10% hold-out");
        for (String key : new String[] {"train_loss", "test_loss", "test_mse", "samples_per_second", "seconds"}) {
            assertTrue(train.get(key).isNumber(), key + " in " + train);
            assertTrue(train.get(key).asDouble() > 0, key + " in " + train);
        }
        assertTrue(train.get("test_loss").asDouble() < 0.693, "BCE per pixel below chance: " + train);
        assertTrue(stderr().contains("epoch 2/2 done"), stderr());
        assertTrue(Files.size(model) > 1000);
        Path timeline = dir.resolve("dae.timeline");
        assertTrue(stderr().contains("Saved " + timeline.toAbsolutePath()), "the timeline is saved beside: " + stderr());

        assertEquals(0, run("timeline", model.toString(), "--json"), stderr());
        JsonNode t = lastJsonLine().get("timelines").get(0);
        assertEquals(3, t.get("epochs").asInt(), "epochs 0, 1 and 2: " + t);
        assertEquals("[1,2]", t.get("models").asText());
        assertEquals(Files.size(timeline), t.get("bytes").asLong());
        assertTrue(t.get("code_max_rel_error").asDouble() <= 1.0 / 2048, "float16 codes: " + t);
        assertTrue(t.get("recon_max_abs_error").asDouble() <= 0.5 / 255 + 1e-6, "8-bit reconstructions: " + t);
        assertTrue(t.get("decode_max_abs_error").asDouble() < 0.01, "float16 parameters: " + t);
        assertEquals(1, run("timeline", dir.resolve("nothing.timeline").toString()));
        assertTrue(stderr().contains("nothing.timeline"), stderr());

        assertEquals(0, run("evaluate", "--model", model.toString(), "--json"), stderr());
        JsonNode eval = lastJsonLine();
        assertEquals(train.get("test_mse").asDouble(), eval.get("test_mse").asDouble(), 1e-6);
        assertTrue(eval.get("test_psnr").asDouble() > 10, eval.toString());
        assertTrue(eval.get("test_bce").isNumber());

        assertEquals(0, run("evaluate", "--model", model.toString(), "--noise", "gaussian:0.3", "--json"), stderr());
        JsonNode noisy = lastJsonLine();
        for (String key : new String[] {"noisy_psnr", "denoised_psnr", "noisy_ssim", "denoised_ssim", "slider_ms_p50", "slider_ms_p99"}) {
            assertTrue(noisy.get(key).isNumber(), key + " in " + noisy);
        }
        assertEquals("gaussian:0.3", noisy.get("noise").asText());
        assertTrue(noisy.get("slider_ms_p50").asDouble() > 0
                && noisy.get("slider_ms_p50").asDouble() <= noisy.get("slider_ms_p99").asDouble(), noisy.toString());
        assertEquals(0, run("train", "--dataset", dataset, "--model", "vae", "--hidden", "64", "--latent", "4",
                "--loss", "bce", "--beta", "0.5", "--epochs", "1", "--batch", "64", "--json"), stderr());
        JsonNode vae = lastJsonLine();
        assertTrue(vae.get("test_recon").asDouble() > 0, vae.toString());
        assertTrue(vae.get("test_kl").asDouble() >= 0, vae.toString());
        assertEquals(vae.get("test_recon").asDouble() + 0.5 * vae.get("test_kl").asDouble(),
                vae.get("test_vae_loss").asDouble(), 1e-6);
        assertTrue(vae.get("test_mse").asDouble() > 0 && vae.get("test_mse").asDouble() < 0.2, vae.toString());

        Path csv = dir.resolve("map.csv");
        assertEquals(0, run("project", "--model", model.toString(), "--dataset", dataset, "--split", "train",
                "--method", "tsne", "--n", "600", "--landmarks", "300", "--iterations", "250", "--out", csv.toString(),
                "--json"), stderr());
        JsonNode map = lastJsonLine();
        assertEquals(600, map.get("points").asInt());
        assertEquals(300, map.get("fitted").asInt());
        assertTrue(map.get("seconds").asDouble() > 0);
        double trust = map.get("trustworthiness").asDouble();
        assertTrue(trust > 0.5 && trust <= 1, map.toString());
        // the drag path and the decoder alone, timed in the same loop: the decoder is part of the path
        double path = map.get("decode_p50_ms").asDouble(), decoder = map.get("decoder_p50_ms").asDouble();
        assertTrue(decoder > 0 && decoder <= path, map.toString());
        assertTrue(map.get("decoder_p99_ms").asDouble() >= decoder, map.toString());
        assertEquals(601, Files.readAllLines(csv).size(), "header and one line per point");
        assertEquals(2, run("project", "--model", model.toString(), "--method", "mds"));

        assertEquals(2, run("evaluate", "--model", model.toString(), "--noise", "fog:0.3"));
        assertTrue(stderr().contains("unknown noise 'fog'"), stderr());
    }

    @Tag("slow")
    @Test
    void benchReportsGemmAndTrainingRatesInOneRun() throws Exception {
        assertEquals(0, run("bench", "--dataset", "builtin-digits", "--seconds", "2", "--json"), stderr());
        JsonNode bench = lastJsonLine();
        assertTrue(bench.get("gemm_gflops").asDouble() > 0, bench.toString());
        assertTrue(bench.get("train_samples_per_second").asDouble() > 0, bench.toString());
        double ratio = bench.get("train_to_gemm_ratio").asDouble();
        assertTrue(ratio > 0 && ratio < 1.5, bench.toString());
        assertTrue(bench.get("conv_samples_per_second").asDouble() > 0, bench.toString());
    }

    @Tag("slow")
    @Test
    void aConvRunWritesCheckpointsAndResumesWhereItStopped() throws Exception {
        String dataset = idxDataset(640);
        Path runs = dir.resolve("runs");
        assertEquals(0, run("train", "--dataset", dataset, "--model", "conv", "--hidden", "8,16",
                "--epochs", "1", "--batch", "64", "--runs", runs.toString(), "--json"), stderr());
        JsonNode first = lastJsonLine();
        assertEquals("conv", first.get("model").asText());
        Path folder = Path.of(first.get("run").asText());
        assertTrue(Files.exists(folder.resolve("epoch-0001.llab")) && Files.exists(folder.resolve("best.llab")));

        assertEquals(2, run("train", "--resume", folder.toString(), "--json"), "its one epoch is done");
        assertTrue(stderr().contains("already has its 1 epochs"), stderr());
        assertEquals(0, run("train", "--resume", folder.toString(), "--epochs", "1", "--json"), stderr());
        JsonNode resumed = lastJsonLine();
        assertEquals(2, resumed.get("epochs").asInt());
        assertEquals(1, resumed.get("resumed_from_epoch").asInt());
        assertEquals(folder.toString(), resumed.get("run").asText());
        assertTrue(Files.exists(folder.resolve("epoch-0002.llab")));

        assertEquals(2, run("train", "--resume", dir.toString()));
        assertTrue(stderr().contains("is not a Latent Lab run folder"), stderr());
    }

    @Test
    void aBadSsimWeightOrAModelThatCannotTakeTheSsimLossIsRefusedWithAPlainMessage() {
        for (String bad : new String[] {"-0.5", "NaN", "Infinity"}) {
            assertEquals(2, run("train", "--dataset", "builtin-digits", "--loss", "mse+ssim", "--ssim-weight", bad));
            assertTrue(stderr().contains("--ssim-weight needs a number ≥ 0"), stderr());
        }
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--loss", "mse+ssim", "--ssim-weight", "lots"));
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--ssim-weight", "0.5"));
        assertTrue(stderr().contains("--ssim-weight applies to --loss mse+ssim only"), stderr());
        assertEquals(2, run("train", "--dataset", "builtin-digits", "--model", "vae", "--loss", "mse+ssim"));
        assertTrue(stderr().contains("--loss mse+ssim is for ae, dae and conv models"), stderr());
    }

    @Test
    void trainingWithTheSsimLossReportsItsWeightAndTheTestSsim() throws Exception {
        assertEquals(0, run("train", "--dataset", idxDataset(600), "--hidden", "32", "--latent", "4",
                "--loss", "mse+ssim", "--ssim-weight", "0.25", "--epochs", "1", "--batch", "64",
                "--runs", dir.resolve("runs").toString(), "--json"), stderr());
        JsonNode result = lastJsonLine();
        assertEquals("mse+ssim", result.get("loss").asText());
        assertEquals(0.25, result.get("ssim_weight").asDouble());
        double ssim = result.get("test_ssim").asDouble();
        assertTrue(ssim > 0 && ssim < 1, result.toString());
        assertEquals(result.get("test_mse").asDouble() + 0.25 * (1 - ssim), result.get("test_loss").asDouble(), 1e-9,
                "the test loss is the training loss");
        assertTrue(stderr().contains("MSE + SSIM"), stderr());
    }
}
