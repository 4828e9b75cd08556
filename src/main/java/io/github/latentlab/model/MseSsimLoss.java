package io.github.latentlab.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The dense autoencoder's "MSE + λ·(1 − SSIM)" loss for its DL4J output layer: per image, the
 * mean squared error over pixels plus λ times one minus the image's SSIM (as {@code metrics.Ssim}:
 * 11×11 Gaussian window σ 1.5, valid positions, C1 = 0.01², C2 = 0.03²). Score and gradient are
 * explicit ND4J array operations ({@link GaussianWindow}: the local means are matrix products, the
 * gradient goes back through their transpose), so the network trains on ND4J like the plain MSE one.
 *
 * <p>Why not ND4J's SameDiffLoss: it ran the small SSIM graph twice per step and made a step ~5×
 * slower than plain MSE. The conv model, a SameDiff graph already, uses {@link SsimGraph} and
 * autodiff instead; the tests check both against the reference SSIM and finite differences.
 *
 * <p>Saved in the network's configuration JSON with its λ and image side (the model store lets
 * this class through, {@link JsonClassNames#DENSE}). It runs outside DL4J's workspaces and keeps
 * no state, so network clones may share it.
 */
public final class MseSsimLoss implements ILossFunction {
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    @JsonProperty("ssimWeight") private double ssimWeight;
    @JsonProperty("side") private int side;
    @JsonIgnore private transient volatile GaussianWindow window;

    /** For the JSON reader. */
    public MseSsimLoss() { }

    public MseSsimLoss(double ssimWeight, int side) {
        this.ssimWeight = ssimWeight;
        this.side = side;
    }

    public double ssimWeight() { return ssimWeight; }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    /** Per image: mean((y − x)²) + λ·(1 − SSIM(x, y)), shape [N, 1]. */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        requireNoMask(mask);
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray y = activation.getActivation(preOutput.dup(), false);
            INDArray mse = y.sub(labels).muli(y.sub(labels)).mean(true, 1);
            Terms t = new Terms(labels, y);
            return mse.addi(t.ssim.mean(1, 2).rsubi(1).muli(ssimWeight).reshape(labels.size(0), 1));
        }
    }

    /** dLoss/dPreOutput per image (DL4J averages over the batch itself). */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        requireNoMask(mask);
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray y = activation.getActivation(preOutput.dup(), false);
            Terms t = new Terms(labels, y);
            INDArray dSsim = t.gradient(labels, y).muli(-ssimWeight / (t.window.positions() * t.window.positions()));
            INDArray dY = y.sub(labels).muli(2.0 / labels.size(1)).addi(dSsim);
            return activation.backprop(preOutput.dup(), dY).getFirst();
        }
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    private static void requireNoMask(INDArray mask) {
        if (mask != null) throw new UnsupportedOperationException("the MSE + SSIM loss takes no mask");
    }

    /** The local statistics of target x and output y, the SSIM map s = A1·A2 / (B1·B2), and what its gradient needs. */
    private final class Terms {
        final GaussianWindow window;
        final INDArray muX, muY, a1, a2, b1, b2, ssim;

        Terms(INDArray x, INDArray y) {
            window = window(y.dataType());
            // the five local means in one pass over a stacked batch: a few large products, not many small ones
            INDArray[] means = split(window.filter(Nd4j.concat(0, x, y, x.mul(x), y.mul(y), x.mul(y))), 5);
            muX = means[0];
            muY = means[1];
            INDArray xx = means[2], yy = means[3], xy = means[4];
            INDArray muXmuY = muX.mul(muY), muXsq = muX.mul(muX), muYsq = muY.mul(muY);
            a1 = muXmuY.mul(2).addi(C1);
            a2 = xy.sub(muXmuY).muli(2).addi(C2);
            b1 = muXsq.add(muYsq).addi(C1);
            b2 = xx.sub(muXsq).addi(yy.sub(muYsq)).addi(C2);
            ssim = a1.mul(a2).divi(b1.mul(b2));
        }

        /**
         * d(sum of the SSIM map)/dy per pixel. Through μy: s·(2μx/A1 − 2μx/A2 − 2μy/B1 + 2μy/B2);
         * through E[y²]: −s/B2 (times 2y); through E[xy]: 2s/A2 (times x); each map taken back
         * to the pixels by the window's transpose.
         */
        INDArray gradient(INDArray x, INDArray y) {
            INDArray dMu = muX.mul(2).divi(a1).subi(muX.mul(2).divi(a2)).subi(muY.mul(2).divi(b1))
                    .addi(muY.mul(2).divi(b2)).muli(ssim);
            INDArray dYy = ssim.div(b2).negi();
            INDArray dXy = ssim.mul(2).divi(a2);
            INDArray[] back = split(window.adjoint(Nd4j.concat(0, dMu, dYy, dXy)), 3);
            return back[0].addi(back[1].muli(y).muli(2)).addi(back[2].muli(x));
        }
    }

    /** {@code parts} equal blocks of rows (views). */
    private static INDArray[] split(INDArray stacked, int parts) {
        long rows = stacked.size(0) / parts;
        INDArray[] out = new INDArray[parts];
        for (int i = 0; i < parts; i++) {
            out[i] = stacked.get(NDArrayIndex.interval(i * rows, (i + 1) * rows));
        }
        return out;
    }

    /** The window for this side and data type, made once (it is immutable, so a race only makes it twice). */
    private GaussianWindow window(DataType type) {
        GaussianWindow w = window;
        if (w == null || w.dataType() != type) window = w = new GaussianWindow(side, type);
        return w;
    }

    @Override
    public String name() { return "MseSsimLoss(λ=" + ssimWeight + ")"; }

    @Override
    public String toString() { return name(); }
}
