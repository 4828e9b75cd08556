package io.github.latentlab.training;

import io.github.latentlab.model.LossPoint;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.util.Message;

import java.util.List;

/**
 * What the training service tells observers. Progress events come at most ~10 per second; each
 * carries every loss point since the previous event so no iteration is lost to throttling.
 *
 * @param newPoints  training-loss points since the previous event (oldest first)
 * @param lastEpoch  the epoch just finished, on {@link Type#EPOCH}, else null
 * @param etaSeconds estimated seconds left, NaN while unknown
 * @param note       words for a person on state changes (STOPPED, FINISHED and FAILED above all),
 *                   in any language ({@link #message()} is the English); null on PROGRESS
 */
public record TrainingEvent(Type type, long iteration, int epoch, int totalEpochs,
                            double fractionDone, double trainLoss, double samplesPerSecond,
                            double etaSeconds, List<LossPoint> newPoints, EpochRecord lastEpoch,
                            Message note) {
    public enum Type { STARTED, PROGRESS, EPOCH, PAUSED, RESUMED, STOPPED, FINISHED, FAILED }

    public TrainingEvent {
        newPoints = List.copyOf(newPoints);
    }

    /** The note in English, null when there is none. */
    public String message() {
        return note == null ? null : note.english();
    }

    /** True when the run is over (no further events will come). */
    public boolean isTerminal() {
        return type == Type.STOPPED || type == Type.FINISHED || type == Type.FAILED;
    }
}
