package io.github.latentlab.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.SameDiffLoss;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The dense autoencoder's "MSE + λ·(1 − SSIM)" loss for its DL4J output layer: per image, the
 * mean squared error over pixels plus λ times one minus the image's SSIM ({@link SsimGraph}).
 * ND4J's {@link SameDiffLoss} runs it as a small SameDiff graph and takes the gradient with
 * respect to the output by autodiff, so the network trains on ND4J like the plain MSE one.
 *
 * <p>Saved in the network's configuration JSON with its λ and image side (the model store lets
 * this class through, {@link JsonClassNames#DENSE}). A network clone shares this object, and
 * with it the graph: the loss methods are synchronized so two trainings never run it at once.
 * They run outside DL4J's workspaces: a graph built inside the layer's workspace kept op
 * arguments in memory the next network's step overwrote ("Axis array [-452282432]").
 */
public final class MseSsimLoss extends SameDiffLoss {
    private static final String PREDICTION = "layerInput", TARGET = "labels";

    @JsonProperty("ssimWeight") private double ssimWeight;
    @JsonProperty("side") private int side;

    /** For the JSON reader. */
    public MseSsimLoss() { }

    public MseSsimLoss(double ssimWeight, int side) {
        this.ssimWeight = ssimWeight;
        this.side = side;
    }

    public double ssimWeight() { return ssimWeight; }

    /** Per image: mean((y − x)²) + λ·(1 − SSIM(x, y)), shape [n]. */
    @Override
    public SDVariable defineLoss(SameDiff sd, SDVariable prediction, SDVariable target) {
        SDVariable mse = sd.math.squaredDifference(prediction, target).mean(1);
        return mse.add(SsimGraph.perImage(sd, target, prediction, side).rsub(1.0).mul(ssimWeight));
    }

    /** As the superclass, but with the placeholders' real shape [n, side²]. */
    @Override
    protected void createSameDiffInstance(DataType dataType) {
        sd = SameDiff.create();
        SDVariable prediction = sd.placeHolder(PREDICTION, dataType, -1, (long) side * side);
        SDVariable target = sd.placeHolder(TARGET, dataType, -1, (long) side * side);
        scorePerExampleVariable = defineLoss(sd, prediction, target);
        scorePerExampleVariable.markAsLoss();
        sd.createGradFunction(PREDICTION);
    }

    @Override
    public synchronized double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                                            boolean average) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return super.computeScore(labels, preOutput, activation, mask, average);
        }
    }

    @Override
    public synchronized INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation,
                                                   INDArray mask) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return super.computeScoreArray(labels, preOutput, activation, mask);
        }
    }

    @Override
    public synchronized INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation,
                                                 INDArray mask) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return super.computeGradient(labels, preOutput, activation, mask);
        }
    }

    @Override
    public synchronized Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                                       IActivation activation, INDArray mask,
                                                                       boolean average) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return super.computeGradientAndScore(labels, preOutput, activation, mask, average);
        }
    }

    @Override
    public String name() { return "MseSsimLoss(λ=" + ssimWeight + ")"; }

    @Override
    public String toString() { return name(); }
}
