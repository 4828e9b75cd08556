package io.github.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.latentlab.app.Main;

/**
 * Memory stays flat while a model trains: {@code bench --soak} in a child JVM with a fixed,
 * pre-touched heap (so resident memory is the native side's), 8,000 steps per model kind on
 * built-in digits, and resident memory may grow at most 1 KB per step from step 1,000 to 8,000:
 * issue 14's bar, measured as that issue asks.
 * Why that long a window: a 5,000-step version (judged from step 2,000, about 19 samples) failed
 * in CI once on one 10 MB step-up near step 2,400 with memory flat after it (median 1.11 KB per
 * step). Over the 44 samples from step 1,000, that step-up added to ten recorded 8,000-step soaks
 * that pass gives a median of at most 0.82 KB per step, while steady growth of 1.5 KB per step
 * added to the same soaks gives 1.37 to 1.69, a failure in each (docs/benchmarks.md, "Memory on
 * long runs").
 * Each sample waits until ND4J's deallocator threads have freed what GC found unreachable (an
 * earlier version sampled at once, and in CI its samples swung by 13 MB with arrays about to be
 * freed). A failure prints every sample.
 * {@code -Dsurefire.excludedGroups=soak} skips it locally.
 * It was not shown failing on the VAE before its own training step: under a fixed heap that VAE's
 * footprint was larger (1.7 GB against 0.8) but not growing either (docs/benchmarks.md).
 */
@Tag("slow")
@Tag("soak")
class SoakTest {
    @TempDir Path home;

    @ParameterizedTest
    @ValueSource(strings = {"ae", "vae", "conv"})
    void residentMemoryStaysFlat(String kind) throws Exception {
        JsonNode r = soak(kind, 8000, 1000);
        assertTrue(r.get("fixed_heap").asBoolean(), "the heap is fixed and pre-touched");
        // the median slope (Theil–Sen): one sample just after the allocator gave memory back, or one
        // step-up that stays flat after it, tilts a least-squares line; steady growth moves both
        double kb = r.get("resident_kb_per_step_median").asDouble();
        assertTrue(kb <= 1.0, kind + ": resident memory grows " + kb + " KB per step from step 1,000 to 8,000 "
                + "(least squares: " + r.get("resident_kb_per_step").asDouble() + "); samples " + samples(r));
    }

    /** The samples as "step: resident MB (tracked MB)", so that a failure in CI says how memory moved. */
    private static String samples(JsonNode r) {
        StringBuilder b = new StringBuilder();
        for (JsonNode s : r.get("samples")) {
            b.append(String.format(java.util.Locale.ROOT, "%d: %.1f (%.1f); ", s.get(0).asLong(),
                    s.get(3).asDouble() / (1 << 20), s.get(2).asDouble() / (1 << 20)));
        }
        return b.toString();
    }

    private JsonNode soak(String kind, int steps, int from) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = home.resolve(kind + ".err"), out = home.resolve(kind + ".json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch", "-Dlatentlab.home=" + home, "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", cp, Main.class.getName(), "bench", "--soak", String.valueOf(steps), "--fit-from", String.valueOf(from), "--model", kind, "--json")
                .redirectError(log.toFile()).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the soak finished");
        String json = Files.readString(out, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no JSON from the soak:\n" + readQuietly(log)));
        return new ObjectMapper().readTree(json);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
