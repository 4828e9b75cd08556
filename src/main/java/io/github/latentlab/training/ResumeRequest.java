package io.github.latentlab.training;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * How a stopped, interrupted or diverged run goes on.
 *
 * @param learningRate the rate to continue with; NaN keeps the run's own. A diverged run only
 *                     takes a lower rate than the one that diverged (a higher one would diverge
 *                     again); any change keeps Adam's moments and step count ({@link ResumePoint}).
 * @param moreEpochs   epochs to train beyond the checkpoint; 0 trains up to the run's target
 */
public record ResumeRequest(double learningRate, int moreEpochs) {
    public ResumeRequest {
        if (moreEpochs < 0) throw new Problems.BadArgument(Message.of("training.refused.moreEpochs", moreEpochs));
    }

    /** With the run's own rate, up to its target. */
    public static ResumeRequest asPlanned() { return new ResumeRequest(Double.NaN, 0); }

    /** The resume point with this request's rate applied under the rule above. */
    ResumePoint apply(ResumePoint point, RunStatus status) {
        if (Double.isNaN(learningRate)) return point;
        return status == RunStatus.DIVERGED ? point.afterDivergence(learningRate) : point.withLearningRate(learningRate);
    }

    /** The epoch the run trains up to, from {@code done} epochs and its {@code target}. */
    int targetEpochs(int done, int target) {
        return moreEpochs > 0 ? done + moreEpochs : target;
    }
}
