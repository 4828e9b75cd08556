package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * The models shipped in {@code models/} are what {@code models/train-all} recorded: each loads,
 * rebuilds its dataset's test images within 2% of its recorded MSE, is slim and under 3 MB, has
 * its training timeline beside it (every epoch, at most 4 MB), and all of them stay under 60 MB.
 */
@Tag("slow")
class ShippedModelsTest {
    private static final Path MODELS = Path.of("models");

    @Test
    void everyShippedModelReconstructsItsTestSetAsRecorded() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(MODELS.resolve("models.json").toFile());
        assertTrue(manifest.size() >= 8, "the six Fashion-MNIST kinds and two on built-in digits");
        Map<String, DatasetSplit> data = new HashMap<>();
        List<String> off = new ArrayList<>();
        long total = 0;
        for (JsonNode entry : manifest) {
            Path file = MODELS.resolve(entry.get("file").asText());
            long size = Files.size(file);
            total += size;
            assertTrue(size < 3L << 20, file + " is " + size + " bytes");
            SavedModel saved = ModelStore.load(file);
            assertFalse(saved.metadata().epochs().isEmpty(), file + " carries its loss history");
            String id = saved.metadata().datasetId();
            DatasetSplit split = data.computeIfAbsent(id, k -> {
                try {
                    return new DatasetCatalog().load(k, null, Progress.NONE, new Cancellation());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load " + k + " for " + file, e);
                }
            });
            double recorded = entry.get("test_mse").asDouble();
            double mse = Evaluation.of(saved.model(), split.test()).mse();
            if (Math.abs(mse - recorded) > 0.02 * recorded) off.add(file + ": MSE " + mse + ", recorded " + recorded);

            // its training timeline: every epoch from the untrained model on, within the 4 MB budget
            Path timelineFile = TimelineFile.besideModel(file);
            long timelineSize = Files.size(timelineFile);
            total += timelineSize;
            assertTrue(timelineSize <= 4_000_000, timelineFile + " is " + timelineSize + " bytes");
            Timeline timeline = TimelineFile.read(timelineFile);
            int epochs = saved.metadata().epochsDone();
            assertEquals(IntStream.rangeClosed(0, epochs).boxed().toList(), timeline.epochs(), timelineFile.toString());
            assertEquals(epochs, timeline.model().epochsDone());
            assertTrue(timeline.modelEpochs().contains(1) && timeline.modelEpochs().contains(epochs), timelineFile.toString());
            assertEquals(id, timeline.model().datasetId());
        }
        assertEquals(List.of(), off);
        assertTrue(total < 60L << 20, "models/ holds " + total + " bytes");
    }
}
