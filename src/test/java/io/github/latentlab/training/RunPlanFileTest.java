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
                5, 64, 9, RunPlan.FINISHED, "done"));
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
}
