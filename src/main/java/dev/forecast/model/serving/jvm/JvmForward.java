package dev.forecast.model.serving.jvm;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;

/**
 * The inference forward pass of a trained network in plain Java: its parameters are
 * copied into float arrays once, and a pass runs on the JVM heap without a single ND4J
 * operation. ND4J 1.0.0-M2.1 keeps native memory for good on every operation it runs
 * (hundreds of bytes to kilobytes; an LSTM step is a dozen operations), so a service
 * forecasting through ND4J grows without bound; this pass allocates nothing but
 * garbage-collected arrays. It also avoids ND4J's per-operation overhead: the arithmetic
 * is one vectorized kernel ({@link Kernels}).
 * <p>
 * It covers every layer {@code model.training.Networks} builds: dense and output layers,
 * causal NCW 1-D convolutions, 1-D cropping, LSTMs and simple RNNs (full sequence or last
 * step), the GRU, batch normalization, and the RNN-to-feed-forward preprocessor, with the
 * activations ND4J defines without parameters ({@link Compiler}). {@link #of} refuses
 * anything else, and {@link #covers} tells which layers and activations it takes, so that
 * a spec with another is refused before training. Instances are immutable: any number of
 * threads may run passes at once.
 */
public final class JvmForward {

	private final List<Stage> stages;

	private final boolean sequenceInput;

	private final int outputs;

	private JvmForward(List<Stage> stages, boolean sequenceInput, int outputs) {
		this.stages = stages;
		this.sequenceInput = sequenceInput;
		this.outputs = outputs;
	}

	/**
	 * The pass of {@code network}, reading its parameters now.
	 * @throws IllegalArgumentException naming the first layer, preprocessor or activation
	 * it does not cover
	 */
	public static JvmForward of(MultiLayerNetwork network) {
		Layer[] layers = network.getLayers();
		List<Stage> stages = new ArrayList<>();
		int outputs = 0;
		for (int i = 0; i < layers.length; i++) {
			InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(i);
			if (preProcessor != null) {
				stages.add(preProcessor(preProcessor, i));
			}
			Stage stage = Compiler.stage(layers[i], i);
			stages.add(stage);
			if (stage instanceof Dense dense) {
				outputs = dense.out();
			}
		}
		if (!(stages.get(stages.size() - 1) instanceof Dense)) {
			throw new IllegalArgumentException("the last layer is not an output layer");
		}
		return new JvmForward(List.copyOf(stages), Compiler.readsSequences(layers[0]), outputs);
	}

	private static Stage preProcessor(InputPreProcessor preProcessor, int index) {
		if (preProcessor instanceof RnnToFeedForwardPreProcessor rnn && rnn.getRnnDataFormat() == RNNFormat.NCW) {
			return new Flatten();
		}
		throw new IllegalArgumentException("layer " + index + ": unsupported preprocessor " + preProcessor);
	}

	/**
	 * The network's outputs for {@code batch} windows of {@code window} values each, row
	 * after row in {@code input}; {@link #outputs()} values per window, row after row.
	 */
	public float[] output(float[] input, int batch) {
		int window = input.length / batch;
		Tensor x = this.sequenceInput ? Tensor.sequence(input, batch, window, 1) : Tensor.flat(input, batch, window);
		for (Stage stage : this.stages) {
			x = stage.apply(x);
		}
		return x.data();
	}

	/**
	 * Whether the pass covers a layer configuration of this type (see {@link #of} for the
	 * settings it also requires).
	 */
	public static boolean covers(Class<? extends org.deeplearning4j.nn.conf.layers.Layer> layer) {
		return Compiler.LAYERS.contains(layer);
	}

	/** Whether the pass computes this activation (ND4J's, with default parameters). */
	public static boolean covers(IActivation activation) {
		return Fn.of(activation).isPresent();
	}

	/** Values per window of the output layer. */
	public int outputs() {
		return this.outputs;
	}

}
