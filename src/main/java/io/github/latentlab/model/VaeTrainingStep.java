package io.github.latentlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Adam step of a {@link VariationalAutoencoder} without {@code SameDiff.fit}: the graph's
 * forward and backward written out as ND4J ops on arrays allocated once per batch size, then the
 * graph's own per-variable Adam updaters and {@code param -= update}, as SameDiff's training
 * session does. The parameters are the graph's arrays, Adam's state its updater map and the
 * counts its training config, so saving, loading and resuming see no difference.
 *
 * <p>Why: SameDiff spent most of a step in per-op session work (about 60 ops, each looked up,
 * checked and allocated every step), and memory kept growing over thousands of steps; this is
 * about 45 ND4J ops on fixed arrays. The graph stays the model's definition: inference and files
 * use it, and {@code VaeTrainingStepTest} checks this step against {@code SameDiff.fit}.
 */
final class VaeTrainingStep {
    /** One dense layer: its weight [in, out] and bias [1, out], and their gradients. */
    private record Dense(INDArray w, INDArray b, INDArray dw, INDArray db) {
        long out() { return w.size(1); }
    }

    /**
     * Per batch size: pre-activations and activations per layer, the VAE's own arrays, one-row
     * views of the arrays whose sums the loss needs (a sum of squares is a row times itself), the
     * sums themselves, and the step's ops built on these arrays.
     */
    private record Buffers(INDArray[] encPre, INDArray[] encAct, INDArray mu, INDArray logvar, INDArray sigma,
                           INDArray eps, INDArray z, INDArray[] decPre, INDArray[] decAct, INDArray logits,
                           INDArray out, INDArray diff, INDArray gLogits, INDArray[] gDec, INDArray gZ, INDArray gMu,
                           INDArray gLogvar, INDArray tmpZ, INDArray[] gEnc, INDArray ones, INDArray muRow,
                           INDArray logvarRow, INDArray sigmaRow, INDArray diffRow, INDArray latentOnes,
                           INDArray[] sums, INDArray bceSum, PreparedOps ops) { }

    private final GraphAdam adam;
    private final ModelSpec spec;
    private final int inputSize;
    private final List<Dense> encoder = new ArrayList<>();
    private final Dense mu, logvar;
    private final List<Dense> decoder = new ArrayList<>(); // from the code up, "out" last
    private final Map<Long, Buffers> buffers = new HashMap<>(2);
    private final INDArray one = Nd4j.scalar(1f);
    private double lastReconstruction = Double.NaN, lastKl = Double.NaN;

    VaeTrainingStep(SameDiff sd, ModelSpec spec, int inputSize) {
        this.adam = new GraphAdam(sd);
        this.spec = spec;
        this.inputSize = inputSize;
        int hidden = spec.hidden().size();
        for (String name : VariationalAutoencoder.encoderLayers(hidden)) encoder.add(dense(name));
        mu = dense(VariationalAutoencoder.MU_LAYER);
        logvar = dense(VariationalAutoencoder.LOGVAR_LAYER);
        for (String name : VariationalAutoencoder.decoderLayers(hidden)) decoder.add(dense(name));
    }

    private Dense dense(String name) {
        GraphAdam.Param w = adam.param(name + "_W"), b = adam.param(name + "_b");
        return new Dense(w.value(), b.value(), w.gradient(), b.gradient());
    }

    /** Reconstruction and KL per image of the last step (before β). */
    double lastReconstruction() { return lastReconstruction; }
    double lastKl() { return lastKl; }

    /** One step on a batch with its ε (rows × latent); returns the loss per image (reconstruction + β·KL). */
    double fit(INDArray input, INDArray target, float[] epsilon) {
        Buffers b = buffers.computeIfAbsent(input.size(0), this::allocate);
        HostUpload.copy(epsilon, 0, b.eps);
        double loss = forwardAndBackward(input, target, b);
        adam.step();
        return loss;
    }

    /** Forward, loss and backward into each layer's gradient arrays; returns reconstruction + β·KL per image. */
    double forwardAndBackward(INDArray input, INDArray target, Buffers b) {
        double rows = input.size(0);
        double beta = spec.beta();
        PreparedOps ops = b.ops;
        ops.keepFor(input, target); // the last, shorter batch of an epoch comes in a new array
        INDArray x = input;
        for (int i = 0; i < encoder.size(); i++) {
            x = layer(ops, encoder.get(i), x, b.encPre[i], b.encAct[i], true);
        }
        layer(ops, mu, x, b.mu, b.mu, false);
        layer(ops, logvar, x, b.logvar, b.logvar, false);
        ops.scale(b.logvar, 0.5, b.sigma);
        ops.run(() -> new Exp(b.sigma, b.sigma), "exp", b.sigma); // σ = exp(½ log σ²)
        ops.pairwise("multiply", b.sigma, b.eps, b.z);
        ops.pairwise("add", b.z, b.mu, b.z); // z = μ + σ·ε
        INDArray h = b.z;
        for (int i = 0; i < decoder.size() - 1; i++) {
            h = layer(ops, decoder.get(i), h, b.decPre[i], b.decAct[i], true);
        }
        layer(ops, decoder.get(decoder.size() - 1), h, b.logits, b.logits, false);
        ops.sigmoid(b.logits, b.out);
        ops.pairwise("subtract", b.out, target, b.diff);

        // the loss: reconstruction summed over pixels, KL = −½ Σ(1 + log σ² − μ² − σ²), both per image;
        // each sum a product of one-row views (ND4J's norm2 and sum reductions were slower)
        double sumSigma2 = ops.sumOfSquares(b.sigmaRow, b.sums[0]), sumMu2 = ops.sumOfSquares(b.muRow, b.sums[2]);
        ops.gemm(b.logvarRow, b.latentOnes, b.sums[1], false, true, 1.0, 0.0); // Σ log σ², as a product with ones
        double kl = -0.5 * (rows * spec.latent() + b.sums[1].getDouble(0) - sumMu2 - sumSigma2) / rows;
        double recon;
        if (spec.loss() == LossKind.BCE) {
            ops.run(() -> {
                SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(target, b.logits, one, LossReduce.SUM, 0.0);
                op.addOutputArgument(b.bceSum);
                return op;
            }, "bce", target, b.logits, b.bceSum);
            recon = b.bceSum.getDouble() / rows;
            ops.scale(b.diff, 1.0 / rows, b.gLogits);
        } else {
            recon = ops.sumOfSquares(b.diffRow, b.sums[3]) / rows;
            ops.run(() -> new SigmoidDerivative(b.logits, b.diff, b.gLogits), "sigmoid'", b.logits, b.diff, b.gLogits);
            ops.scale(b.gLogits, 2.0 / rows, b.gLogits);
        }
        lastReconstruction = recon;
        lastKl = kl;

        // decoder, top down, to dL/dz
        INDArray g = b.gLogits;
        for (int i = decoder.size() - 1; i >= 0; i--) {
            INDArray below = i == 0 ? b.z : b.decAct[i - 1];
            INDArray gBelow = i == 0 ? b.gZ : b.gDec[i - 1];
            backward(ops, decoder.get(i), below, g, gBelow, b.ones);
            if (i > 0) ops.reluBackward(b.decPre[i - 1], gBelow, gBelow);
            g = gBelow;
        }
        // z = μ + σ·ε: dL/dμ = dL/dz + β·μ / n; dL/dlog σ² = ½·dL/dz·ε·σ + β·(σ² − 1) / 2n
        ops.scale(b.mu, beta / rows, b.gMu);
        ops.pairwise("add", b.gMu, b.gZ, b.gMu);
        ops.pairwise("multiply", b.sigma, b.sigma, b.gLogvar);
        ops.run(() -> new ScalarSubtraction(b.gLogvar, null, b.gLogvar, 1.0), "- 1", b.gLogvar);
        ops.scale(b.gLogvar, beta / (2 * rows), b.gLogvar);
        ops.pairwise("multiply", b.gZ, b.eps, b.tmpZ);
        ops.pairwise("multiply", b.tmpZ, b.sigma, b.tmpZ);
        ops.scale(b.tmpZ, 0.5, b.tmpZ);
        ops.pairwise("add", b.gLogvar, b.tmpZ, b.gLogvar);

        int top = encoder.size() - 1;
        INDArray h0 = top < 0 ? input : b.encAct[top];
        if (top >= 0) {
            backward(ops, mu, h0, b.gMu, b.gEnc[top], b.ones);
            gradientOnly(ops, logvar, h0, b.gLogvar, b.ones);
            ops.gemm(b.gLogvar, logvar.w(), b.gEnc[top], false, true, 1.0, 1.0); // adds the log σ² path
            for (int i = top; i >= 0; i--) {
                ops.reluBackward(b.encPre[i], b.gEnc[i], b.gEnc[i]);
                if (i == 0) {
                    gradientOnly(ops, encoder.get(0), input, b.gEnc[0], b.ones);
                } else {
                    backward(ops, encoder.get(i), b.encAct[i - 1], b.gEnc[i], b.gEnc[i - 1], b.ones);
                }
            }
        } else {
            gradientOnly(ops, mu, input, b.gMu, b.ones);
            gradientOnly(ops, logvar, input, b.gLogvar, b.ones);
        }
        return recon + beta * kl;
    }

    /** pre = x·W + b, act = ReLU(pre) (or act is pre); returns act. */
    private static INDArray layer(PreparedOps ops, Dense d, INDArray x, INDArray pre, INDArray act, boolean relu) {
        ops.gemm(x, d.w(), pre, false, false, 1.0, 0.0);
        ops.pairwise("add", pre, d.b(), pre);
        if (relu) ops.relu(pre, act);
        return act;
    }

    /** The layer's weight and bias gradients from its input and the gradient at its output. */
    private static void gradientOnly(PreparedOps ops, Dense d, INDArray input, INDArray gOut, INDArray ones) {
        ops.gemm(input, gOut, d.dw(), true, false, 1.0, 0.0);
        ops.gemm(ones, gOut, d.db(), false, false, 1.0, 0.0); // column sums, as a product
    }

    /** As {@link #gradientOnly}, plus the gradient at the layer's input. */
    private static void backward(PreparedOps ops, Dense d, INDArray input, INDArray gOut, INDArray gIn, INDArray ones) {
        gradientOnly(ops, d, input, gOut, ones);
        ops.gemm(gOut, d.w(), gIn, false, true, 1.0, 0.0);
    }


    Buffers allocate(long rows) {
        int enc = encoder.size(), dec = decoder.size() - 1;
        INDArray[] encPre = new INDArray[enc], encAct = new INDArray[enc], gEnc = new INDArray[enc];
        for (int i = 0; i < enc; i++) {
            encPre[i] = matrix(rows, encoder.get(i).out());
            encAct[i] = matrix(rows, encoder.get(i).out());
            gEnc[i] = matrix(rows, encoder.get(i).out());
        }
        INDArray[] decPre = new INDArray[dec], decAct = new INDArray[dec], gDec = new INDArray[dec];
        for (int i = 0; i < dec; i++) {
            decPre[i] = matrix(rows, decoder.get(i).out());
            decAct[i] = matrix(rows, decoder.get(i).out());
            gDec[i] = matrix(rows, decoder.get(i).out());
        }
        int d = spec.latent();
        INDArray mu = matrix(rows, d), logvar = matrix(rows, d), sigma = matrix(rows, d), diff = matrix(rows, inputSize);
        return new Buffers(encPre, encAct, mu, logvar, sigma, matrix(rows, d),
                matrix(rows, d), decPre, decAct, matrix(rows, inputSize), matrix(rows, inputSize),
                diff, matrix(rows, inputSize), gDec, matrix(rows, d), matrix(rows, d),
                matrix(rows, d), matrix(rows, d), gEnc, Nd4j.ones(DataType.FLOAT, 1, rows), row(mu), row(logvar), row(sigma),
                row(diff), Nd4j.ones(DataType.FLOAT, 1, rows * d), new INDArray[] {matrix(1, 1), matrix(1, 1), matrix(1, 1), matrix(1, 1)},
                Nd4j.scalar(DataType.FLOAT, 0f), new PreparedOps());
    }

    /** A matrix as one row (a view), for sums as products. */
    private static INDArray row(INDArray m) {
        return m.reshape(1, m.length());
    }

    private static INDArray matrix(long rows, long cols) {
        return Nd4j.create(DataType.FLOAT, rows, cols);
    }
}
