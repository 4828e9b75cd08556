package io.github.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder's run.json is read field by field: a wrong type names the field instead of reading as 0. */
class RunPlanFileTest {
    @TempDir Path dir;

    private Path runJson(String json) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("run"));
        Files.writeString(folder.resolve("run.json"), json);
        return folder;
    }

    @Test
    void aPlanWrittenByTheAppReadsBack() throws Exception {
        Checkpoints run = Checkpoints.create(dir.resolve("runs"), new RunPlan("ae builtin-digits", "builtin-digits", null,
                5, 64, 9, RunStatus.FINISHED, "done"));
        RunPlan back = Checkpoints.open(run.folder()).plan();
        assertEquals(run.plan(), back);
    }

    @Test
    void aTextWhereANumberBelongsIsRefusedNamingTheField() throws Exception {
        Path folder = runJson("{\"name\":\"x\",\"dataset\":\"builtin-digits\",\"targetEpochs\":\"abc\"}");
        IOException e = assertThrows(IOException.class, () -> Checkpoints.open(folder));
        assertTrue(e.getMessage().contains("run.json is damaged") && e.getMessage().contains("\"targetEpochs\"")
                && e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void missingDataOrAnUnknownStatusIsRefused() throws Exception {
        IOException noData = assertThrows(IOException.class, () -> Checkpoints.open(runJson("{\"targetEpochs\":3}")));
        assertTrue(noData.getMessage().contains("\"dataset\" is missing"), noData.getMessage());
        IOException status = assertThrows(IOException.class, () -> Checkpoints.open(
                runJson("{\"dataset\":\"d\",\"targetEpochs\":3,\"status\":\"exploded\"}")));
        assertTrue(status.getMessage().contains("exploded"), status.getMessage());
        IOException negative = assertThrows(IOException.class, () -> Checkpoints.open(
                runJson("{\"dataset\":\"d\",\"targetEpochs\":-4}")));
        assertTrue(negative.getMessage().contains("-4"), negative.getMessage());
    }

    @Test
    void listingRunsReportsADamagedFolderAndKeepsTheGoodOnes() throws Exception {
        Path root = dir.resolve("runs");
        Checkpoints good = Checkpoints.create(root, new RunPlan("ok", "builtin-digits", null, 2, 32, 1, RunStatus.RUNNING, ""));
        Path bad = Files.createDirectories(root.resolve("0000-bad"));
        Files.writeString(bad.resolve("run.json"), "{\"dataset\": 7");
        java.util.List<String> damaged = new java.util.ArrayList<>();
        java.util.List<Checkpoints> runs = Checkpoints.list(root, (p, why) -> damaged.add(p.getFileName() + ": " + why));
        assertEquals(java.util.List.of(good.folder()), runs.stream().map(Checkpoints::folder).toList());
        assertEquals(1, damaged.size());
        assertTrue(damaged.get(0).startsWith("0000-bad: ") && damaged.get(0).contains("run.json is damaged"), damaged.get(0));
        assertEquals("{\"dataset\": 7", Files.readString(bad.resolve("run.json")), "a damaged folder is left as it is");
    }
}
