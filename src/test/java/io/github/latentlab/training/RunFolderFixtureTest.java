package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.cli.Cli;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.Evaluation;
import io.github.latentlab.model.SavedModel;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * A run folder written by Latent Lab 0.1 (commit e1983e9: {@code train --dataset builtin-digits
 * --hidden 8 --latent 2 --epochs 2 --seed 7 --runs DIR}) still opens, its checkpoint gives back
 * the test MSE that version recorded, and it resumes for another epoch.
 */
@Tag("slow")
class RunFolderFixtureTest {
    @TempDir Path dir;

    private static Path fixture() throws Exception {
        return Path.of(RunFolderFixtureTest.class.getResource("/fixtures/run-v0.1/run.json").toURI()).getParent();
    }

    @Test
    void anOlderRunFolderOpensAndItsCheckpointIsFaithful() throws Exception {
        Checkpoints run = Checkpoints.open(fixture());
        RunPlan plan = run.plan();
        assertEquals("ae builtin-digits", plan.name());
        assertEquals(RunStatus.FINISHED, plan.status());
        assertEquals(2, plan.targetEpochs());
        assertEquals(7, plan.seed());
        SavedModel latest = run.loadLatest();
        assertEquals(2, latest.metadata().epochsDone());
        assertEquals(List.of(8), latest.metadata().spec().hidden());
        var data = new DatasetCatalog().load("builtin-digits", null, Progress.NONE, new Cancellation());
        double recorded = latest.metadata().epochs().get(1).testMse();
        assertEquals(recorded, Evaluation.of(latest.model(), data.test()).mse(), 1e-6);
    }

    @Test
    void anOlderRunFolderResumes() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("run"));
        try (Stream<Path> files = Files.list(fixture())) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("train", "--resume", copy.toString(), "--epochs", "1", "--json");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(copy.resolve("epoch-0003.llab")));
        Checkpoints resumed = Checkpoints.open(copy);
        assertEquals(RunStatus.FINISHED, resumed.plan().status());
        assertEquals(3, resumed.loadLatest().metadata().epochsDone());
    }
}
