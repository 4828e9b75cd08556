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
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /** Per batch size: pre-activations and activations per layer, and the VAE's own arrays. */
    private record Buffers(INDArray[] encPre, INDArray[] encAct, INDArray mu, INDArray logvar, INDArray sigma,
                           INDArray eps, INDArray z, INDArray[] decPre, INDArray[] decAct, INDArray logits,
                           INDArray out, INDArray diff, INDArray gLogits, INDArray[] gDec, INDArray gZ, INDArray gMu,
                           INDArray gLogvar, INDArray tmpZ, INDArray[] gEnc, INDArray ones) { }

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
        b.eps.data().setData(epsilon);
        double loss = forwardAndBackward(input, target, b);
        adam.step();
        return loss;
    }

    /** Forward, loss and backward into each layer's gradient arrays; returns reconstruction + β·KL per image. */
    double forwardAndBackward(INDArray input, INDArray target, Buffers b) {
        double rows = input.size(0);
        double beta = spec.beta();
        INDArray x = input;
        for (int i = 0; i < encoder.size(); i++) {
            x = layer(encoder.get(i), x, b.encPre[i], b.encAct[i], true);
        }
        layer(mu, x, b.mu, b.mu, false);
        layer(logvar, x, b.logvar, b.logvar, false);
        Transforms.exp(b.sigma.assign(b.logvar).muli(0.5), false);
        b.z.assign(b.sigma).muli(b.eps).addi(b.mu);
        INDArray h = b.z;
        for (int i = 0; i < decoder.size() - 1; i++) {
            h = layer(decoder.get(i), h, b.decPre[i], b.decAct[i], true);
        }
        layer(decoder.get(decoder.size() - 1), h, b.logits, b.logits, false);
        Nd4j.exec(new Sigmoid(b.logits, b.out));
        b.diff.assign(b.out).subi(target);

        // the loss: reconstruction summed over pixels, KL = −½ Σ(1 + log σ² − μ² − σ²), both per image
        double sumSigma2 = sq(b.sigma.norm2Number().doubleValue());
        double kl = -0.5 * (rows * spec.latent() + b.logvar.sumNumber().doubleValue()
                - sq(b.mu.norm2Number().doubleValue()) - sumSigma2) / rows;
        double recon;
        if (spec.loss() == LossKind.BCE) {
            recon = Nd4j.exec(new SigmoidCrossEntropyLoss(target, b.logits, one, LossReduce.SUM, 0.0))[0].getDouble(0) / rows;
            b.gLogits.assign(b.diff).muli(1.0 / rows);
        } else {
            recon = sq(b.diff.norm2Number().doubleValue()) / rows;
            Nd4j.exec(new SigmoidDerivative(b.logits, b.diff, b.gLogits));
            b.gLogits.muli(2.0 / rows);
        }
        lastReconstruction = recon;
        lastKl = kl;

        // decoder, top down, to dL/dz
        INDArray g = b.gLogits;
        for (int i = decoder.size() - 1; i >= 0; i--) {
            INDArray below = i == 0 ? b.z : b.decAct[i - 1];
            INDArray gBelow = i == 0 ? b.gZ : b.gDec[i - 1];
            backward(decoder.get(i), below, g, gBelow, b.ones);
            if (i > 0) Nd4j.exec(new ThresholdReluBp(b.decPre[i - 1], gBelow, gBelow, 0.0));
            g = gBelow;
        }
        // z = μ + σ·ε: dL/dμ = dL/dz + β·μ / n; dL/dlog σ² = ½·dL/dz·ε·σ + β·(σ² − 1) / 2n
        b.gMu.assign(b.mu).muli(beta / rows).addi(b.gZ);
        b.gLogvar.assign(b.sigma).muli(b.sigma).subi(1.0).muli(beta / (2 * rows));
        b.tmpZ.assign(b.gZ).muli(b.eps).muli(b.sigma).muli(0.5);
        b.gLogvar.addi(b.tmpZ);

        int top = encoder.size() - 1;
        INDArray h0 = top < 0 ? input : b.encAct[top];
        if (top >= 0) {
            backward(mu, h0, b.gMu, b.gEnc[top], b.ones);
            gradientOnly(logvar, h0, b.gLogvar, b.ones);
            Nd4j.gemm(b.gLogvar, logvar.w(), b.gEnc[top], false, true, 1.0, 1.0); // adds the log σ² path
            for (int i = top; i >= 0; i--) {
                Nd4j.exec(new ThresholdReluBp(b.encPre[i], b.gEnc[i], b.gEnc[i], 0.0));
                if (i == 0) {
                    gradientOnly(encoder.get(0), input, b.gEnc[0], b.ones);
                } else {
                    backward(encoder.get(i), b.encAct[i - 1], b.gEnc[i], b.gEnc[i - 1], b.ones);
                }
            }
        } else {
            gradientOnly(mu, input, b.gMu, b.ones);
            gradientOnly(logvar, input, b.gLogvar, b.ones);
        }
        return recon + beta * kl;
    }

    /** pre = x·W + b, act = ReLU(pre) (or act is pre); returns act. */
    private static INDArray layer(Dense d, INDArray x, INDArray pre, INDArray act, boolean relu) {
        Nd4j.gemm(x, d.w(), pre, false, false, 1.0, 0.0);
        pre.addiRowVector(d.b());
        if (relu) Nd4j.exec(new RectifiedLinear(pre, act, 0.0));
        return act;
    }

    /** The layer's weight and bias gradients from its input and the gradient at its output. */
    private static void gradientOnly(Dense d, INDArray input, INDArray gOut, INDArray ones) {
        Nd4j.gemm(input, gOut, d.dw(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, gOut, d.db(), false, false, 1.0, 0.0); // column sums, by BLAS
    }

    /** As {@link #gradientOnly}, plus the gradient at the layer's input. */
    private static void backward(Dense d, INDArray input, INDArray gOut, INDArray gIn, INDArray ones) {
        gradientOnly(d, input, gOut, ones);
        Nd4j.gemm(gOut, d.w(), gIn, false, true, 1.0, 0.0);
    }

    private static double sq(double v) { return v * v; }

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
        return new Buffers(encPre, encAct, matrix(rows, d), matrix(rows, d), matrix(rows, d), matrix(rows, d),
                matrix(rows, d), decPre, decAct, matrix(rows, inputSize), matrix(rows, inputSize),
                matrix(rows, inputSize), matrix(rows, inputSize), gDec, matrix(rows, d), matrix(rows, d),
                matrix(rows, d), matrix(rows, d), gEnc, Nd4j.ones(DataType.FLOAT, 1, rows));
    }

    private static INDArray matrix(long rows, long cols) {
        return Nd4j.create(DataType.FLOAT, rows, cols);
    }
}
