package io.github.latentlab.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.timeline.TimelineImages;

/**
 * Keeps a run's timeline as it trains: the untrained model's epoch 0 when the run starts from
 * scratch, then each epoch as it ends, written to the run folder ({@code run.timeline}) and handed
 * to {@code recorded}. A run resumed from an earlier checkpoint goes on from that epoch's timeline.
 * Called on the training thread; a timeline that cannot be written is logged and training goes on
 * (the checkpoints are what a run cannot lose).
 */
public final class TimelineRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineRecorder.class);
    private final Path file;
    private final Consumer<Timeline> recorded;
    private Timeline timeline;

    /** Records into {@code file}, telling {@code recorded} of each new version (on the training thread). */
    public TimelineRecorder(Path file, Consumer<Timeline> recorded) {
        this.file = file;
        this.recorded = recorded;
    }

    /**
     * Before the first epoch: the timeline so far, cut back to the epochs the history has, or a
     * new one of {@code test} (with epoch 0 when nothing was trained yet).
     */
    void begin(TrainableAutoencoder model, Dataset test, ModelMetadata metadata) {
        int done = metadata.epochsDone();
        Timeline earlier = readEarlier(test, metadata);
        timeline = earlier != null ? earlier.upTo(done) : Timeline.start(metadata, TimelineImages.choose(test));
        if (timeline.isEmpty() || timeline.lastEpoch() < done) record(done, model, metadata);
        else recorded.accept(timeline);
    }

    /** After an epoch ended (and its checkpoint was written). */
    void record(int epoch, TrainableAutoencoder model, ModelMetadata metadata) {
        try {
            timeline = timeline.with(epoch, model, metadata);
            TimelineFile.write(file, timeline);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not record epoch {} in {}", epoch, file, e);
        }
        recorded.accept(timeline);
    }

    /** The run folder's timeline when it is one of this data and model, else null (a new one starts). */
    private Timeline readEarlier(Dataset test, ModelMetadata metadata) {
        if (!Files.isRegularFile(file)) return null;
        try {
            Timeline t = TimelineFile.read(file);
            boolean fits = t.images().datasetId().equals(test.id()) && t.model().spec().kind() == metadata.spec().kind()
                    && t.model().spec().hidden().equals(metadata.spec().hidden())
                    && t.model().spec().latent() == metadata.spec().latent()
                    && t.model().inputSize() == metadata.inputSize();
            return fits ? t : null;
        } catch (IOException e) {
            LOG.warn("the run's timeline {} could not be read; a new one starts", file, e);
            return null;
        }
    }
}
