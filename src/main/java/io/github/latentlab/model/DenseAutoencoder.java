package io.github.latentlab.model;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Dense (and denoising) autoencoder on one DL4J {@link MultiLayerNetwork}: encoder layers
 * (ReLU) down to a linear code layer, mirrored decoder layers (ReLU) and a sigmoid output.
 * Encoding reads the code layer's activations; decoding runs only the decoder layers on any code.
 *
 * <p>A linear code keeps every dimension usable (a ReLU code can collapse dimensions to 0).
 */
public final class DenseAutoencoder implements TrainableAutoencoder {
    private final ModelSpec spec;
    private final int inputSize;
    private final MultiLayerNetwork net;
    /** Index of the code layer within the network's layers. */
    private final int codeLayer;
    /** The hand-written training step, made at the first fit; null where DL4J's fit is used. */
    private DenseTrainingStep step;
    private boolean stepTried;
    /** The encoder's and decoder's layers as plain ops (fast single rows, no DL4J bookkeeping); made at first use. */
    private volatile DenseStack encoder, decoder;

    private DenseAutoencoder(ModelSpec spec, int inputSize, MultiLayerNetwork net) {
        this.spec = spec;
        this.inputSize = inputSize;
        this.net = net;
        this.codeLayer = spec.hidden().size();
        int expectedLayers = 2 * spec.hidden().size() + 2;
        if (net.getnLayers() != expectedLayers) {
            throw new IllegalArgumentException("network has " + net.getnLayers()
                    + " layers but the spec " + spec.describe(inputSize) + " needs " + expectedLayers);
        }
    }

    /** A new, randomly initialised model. */
    public static DenseAutoencoder create(ModelSpec spec, int inputSize, long seed) {
        NativeRuntime.init();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, inputSize, seed));
        net.init();
        return new DenseAutoencoder(spec, inputSize, net);
    }

    /** Wraps a network restored from a file; its layer count must match the spec. */
    public static DenseAutoencoder wrap(ModelSpec spec, int inputSize, MultiLayerNetwork net) {
        return new DenseAutoencoder(spec, inputSize, net);
    }

    static MultiLayerConfiguration configuration(ModelSpec spec, int inputSize, long seed) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .list();
        int in = inputSize;
        for (int h : spec.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            in = h;
        }
        list.layer(new DenseLayer.Builder().nIn(in).nOut(spec.latent()).activation(Activation.IDENTITY).build());
        in = spec.latent();
        List<Integer> hidden = spec.hidden();
        for (int i = hidden.size() - 1; i >= 0; i--) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(hidden.get(i)).activation(Activation.RELU).build());
            in = hidden.get(i);
        }
        list.layer(new OutputLayer.Builder().lossFunction(lossFunction(spec, inputSize)).nIn(in).nOut(inputSize)
                .activation(Activation.SIGMOID).build());
        return list.build();
    }

    private static ILossFunction lossFunction(ModelSpec spec, int inputSize) {
        return switch (spec.loss()) {
            case MSE -> LossFunctions.LossFunction.MSE.getILossFunction();
            case BCE -> LossFunctions.LossFunction.XENT.getILossFunction();
            case MSE_SSIM -> new MseSsimLoss(spec.ssimWeight(), (int) Math.round(Math.sqrt(inputSize)));
        };
    }

    @Override public ModelSpec spec() { return spec; }
    @Override public int inputSize() { return inputSize; }

    /** The underlying network, for the trainer and the model store. */
    public MultiLayerNetwork network() { return net; }

    /**
     * Per-pixel training loss from the network's last score (XENT is summed over pixels in DL4J;
     * MSE + SSIM is already MSE per pixel plus the per-image SSIM term).
     */
    private double perPixelScore() {
        double s = net.score();
        return spec.loss() == LossKind.BCE ? s / inputSize : s;
    }

    @Override
    public double fit(INDArray input, INDArray target) {
        if (step == null && !stepTried) {
            step = DenseTrainingStep.forNetwork(net, spec.loss());
            stepTried = true;
        }
        double perPixel;
        if (step != null) {
            perPixel = step.fit(input, target);
        } else {
            net.fit(input, target); // MSE + SSIM: DL4J's own step with the custom loss
            perPixel = perPixelScore();
        }
        SubnormalFlush.ifDue(net);
        return perPixel;
    }

    @Override
    public void setLearningRate(double learningRate) {
        net.setLearningRate(learningRate);
    }

    @Override
    public boolean parametersFinite() {
        return Double.isFinite(net.params().sumNumber().doubleValue());
    }

    @Override
    public float[] parameters() {
        return net.params().toFloatVector();
    }

    @Override
    public void setParameters(float[] values) {
        if (values.length != net.numParams()) {
            throw new IllegalArgumentException(values.length + " parameters given, the network has " + net.numParams());
        }
        net.setParams(Nd4j.create(values, new long[] {1, values.length}, DataType.FLOAT));
        // the step and the decoder hold views of the parameters: let them find the arrays again
        step = null;
        stepTried = false;
        encoder = null;
        decoder = null;
    }

    public INDArray encode(INDArray images) {
        List<INDArray> acts = net.feedForwardToLayer(codeLayer, images, false);
        return acts.get(codeLayer + 1);
    }

    public INDArray decode(INDArray codes) {
        return net.activateSelectedLayers(codeLayer + 1, net.getnLayers() - 1, codes);
    }

    public INDArray reconstruct(INDArray images) {
        return net.output(images, false);
    }

    @Override
    public float[][] encode(float[][] images) {
        DenseStack e = encoder;
        if (e == null) encoder = e = layers(0, codeLayer, DenseStack.Last.LINEAR);
        return e.run(images);
    }

    @Override
    public float[][] decode(float[][] codes) {
        DenseStack d = decoder;
        if (d == null) decoder = d = layers(codeLayer + 1, net.getnLayers() - 1, DenseStack.Last.SIGMOID);
        return d.run(codes);
    }

    /** Layers {@code from} to {@code to} (inclusive) as plain ops on the network's live weights. */
    private DenseStack layers(int from, int to, DenseStack.Last last) {
        List<INDArray> weights = new ArrayList<>(), biases = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            weights.add(net.getLayer(i).getParam(DefaultParamInitializer.WEIGHT_KEY));
            biases.add(net.getLayer(i).getParam(DefaultParamInitializer.BIAS_KEY));
        }
        return new DenseStack(weights, biases, last);
    }

    @Override
    public float[][] reconstruct(float[][] images) {
        return reconstruct(Nd4j.create(images)).toFloatMatrix();
    }

    @Override
    public DenseAutoencoder copy() {
        return new DenseAutoencoder(spec, inputSize, net.clone());
    }
}
