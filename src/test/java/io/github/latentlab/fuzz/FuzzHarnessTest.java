package io.github.latentlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick seeded fuzzing run of every file reader, part of {@code ./mvnw verify}. The long run
 * is the same test with more cases: {@code ./mvnw test -Dtest=FuzzHarnessTest -Dfuzz.cases=2000}
 * (docs/fuzzing.md); {@code -Dfuzz.targets=timeline,session} runs only those readers. Fails on any
 * crash, hang, or exception other than the reader's own refusal with a message that says something.
 */
@Tag("slow")
class FuzzHarnessTest {
    @TempDir Path dir;

    @Test
    void everyReaderRefusesMutatedFilesWithoutCrashingOrHanging() throws Exception {
        int perTarget = Integer.getInteger("fuzz.cases", 150);
        long seed = Long.getLong("fuzz.seed", 1);
        int workers = Integer.getInteger("fuzz.workers", 2);
        long t0 = System.nanoTime();
        List<FuzzHarness.Outcome> outcomes = FuzzHarness.run(dir, seed, perTarget, workers, Duration.ofSeconds(60));
        String report = FuzzHarness.report(outcomes);
        System.out.printf("fuzzing: %d cases per reader, seed %d, %d workers, %.0f s%n%s", perTarget, seed, workers,
                (System.nanoTime() - t0) / 1e9, report);
        String out = System.getProperty("fuzz.report");
        if (out != null) Files.writeString(Path.of(out), report);
        assertTrue(outcomes.stream().filter(o -> !o.kind().equals("MODIFIED")).count() == (long) perTarget * FuzzTargets.selected().size(),
                "every case ran: " + outcomes.size());
        assertTrue(outcomes.stream().noneMatch(FuzzHarness.Outcome::bad), report);
    }
}
