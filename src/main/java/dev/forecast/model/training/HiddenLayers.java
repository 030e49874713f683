package dev.forecast.model.training;

import java.util.Map;

import dev.forecast.model.Gru;
import dev.forecast.model.NBeats;
import dev.forecast.model.TrainSpec;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping1D;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.Activation;

/**
 * The DL4J layers of one hidden {@link TrainSpec.Layer} of a network ({@link Networks}):
 * the layer itself with its regularization, a cropping after a causal convolution that
 * passes only its last step on, and batch normalization when asked.
 */
final class HiddenLayers {

	/**
	 * The layer configuration each hidden layer type is built as (before a last-step
	 * wrapper); batch normalization may follow any of them.
	 */
	static final Map<String, Class<? extends Layer>> TYPES = Map.of("dense", DenseLayer.class, "conv1d",
			Convolution1DLayer.class, "lstm", LSTM.class, "rnn", SimpleRnn.class, "gru", Gru.class, "nbeats",
			NBeats.class);

	private HiddenLayers() {
	}

	/**
	 * Adds the DL4J layers of hidden layer {@code i} of {@code spec} to {@code list}.
	 * @param time the time steps reaching the layer
	 * @return the time steps leaving it
	 */
	static long add(NeuralNetConfiguration.ListBuilder list, TrainSpec spec, int i, long time) {
		TrainSpec.Layer layer = Networks.layers(spec).get(i);
		TrainSpec.Regularization reg = spec.regularization();
		boolean lastStep = layer.sequence() && !Boolean.TRUE.equals(layer.returnSequences());
		Activation activation = activation(layer);
		switch (layer.type()) {
			case "dense" -> list.layer(
					regularize(new DenseLayer.Builder().nOut(layer.units()).activation(activation), reg, i, 0).build());
			case "conv1d" -> {
				int stride = or(layer.stride(), 1);
				list.layer(regularize(new Convolution1DLayer.Builder().kernelSize(or(layer.kernel(), 5))
					.stride(stride)
					.dilation(or(layer.dilation(), 1))
					.convolutionMode(ConvolutionMode.Causal)
					.rnnDataFormat(RNNFormat.NCW)
					.nOut(layer.units())
					.activation(activation), reg, i, 1, 2, 3).build());
				time = (time + stride - 1) / stride;
				if (lastStep && time > 1) {
					list.layer(new Cropping1D.Builder((int) time - 1, 0).build());
				}
			}
			case "lstm" -> {
				LSTM lstm = regularize(new LSTM.Builder().nOut(layer.units()).activation(activation), reg, i, 0)
					.build();
				list.layer(lastStep ? new LastTimeStep(lstm) : lstm);
			}
			case "rnn" -> {
				SimpleRnn rnn = regularize(new SimpleRnn.Builder().nOut(layer.units()).activation(activation), reg, i,
						0)
					.build();
				list.layer(lastStep ? new LastTimeStep(rnn) : rnn);
			}
			case "gru" -> {
				Gru gru = new Gru(layer.units(), lastStep);
				if (reg.dropout() > 0 && i > 0) {
					gru.setIDropout(new Dropout(1.0 - reg.dropout()));
				}
				list.layer(gru);
			}
			case "nbeats" -> list.layer(new NBeats(Networks.NBEATS_BLOCKS, Networks.NBEATS_LAYERS, layer.units(),
					Math.max(Networks.NBEATS_THETA, spec.horizon())));
			default -> throw new IllegalArgumentException("unknown layer type '" + layer.type() + "'");
		}
		if (reg.batchNorm() && (!layer.sequence() || lastStep)) {
			if ("conv1d".equals(layer.type())) {
				// DL4J's batch normalization fails on the convolution's [batch,
				// channels, 1]: flatten it first
				list.inputPreProcessor(list.getLayerwise().size(), new RnnToFeedForwardPreProcessor(RNNFormat.NCW));
			}
			list.layer(new BatchNormalization.Builder().build());
		}
		return time;
	}

	static Activation activation(TrainSpec.Layer layer) {
		String name = layer.activation();
		if (name == null) {
			return layer.sequence() && !"conv1d".equals(layer.type()) ? Activation.TANH : Activation.RELU;
		}
		Activation activation = Networks.activationNamed(name);
		if (activation == null) {
			throw new IllegalArgumentException("unknown activation '" + name + "'");
		}
		return activation;
	}

	/**
	 * Dropout on the inputs of every layer but the first (DL4J takes the probability of
	 * keeping an activation), and the max-norm constraint on the weights reaching each
	 * unit: {@code maxNormDims} are the dimensions of the weight array that hold one
	 * unit's incoming weights.
	 */
	static <B extends BaseLayer.Builder<B>> B regularize(B builder, TrainSpec.Regularization reg, int index,
			int... maxNormDims) {
		if (reg.dropout() > 0 && index > 0) {
			builder.dropOut(1.0 - reg.dropout());
		}
		if (reg.maxNorm() != null) {
			builder.constrainWeights(new LayerConstraint[] { new MaxNormConstraint(reg.maxNorm(), maxNormDims) });
		}
		return builder;
	}

	private static int or(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

}
