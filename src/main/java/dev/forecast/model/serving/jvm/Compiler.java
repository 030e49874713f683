package dev.forecast.model.serving.jvm;

import java.util.Set;

import dev.forecast.model.Gru;
import dev.forecast.model.NBeats;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping1D;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads the layers of a DL4J network into {@link JvmForward} stages. */
final class Compiler {

	/**
	 * The layer configurations a stage is compiled from (a GRU or N-BEATS layer only when
	 * not wrapped to emit its last step: the GRU has its own last-step switch).
	 */
	static final Set<Class<?>> LAYERS = Set.of(DenseLayer.class, OutputLayer.class, Convolution1DLayer.class,
			Cropping1D.class, LSTM.class, org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.class, Gru.class,
			BatchNormalization.class, NBeats.class);

	private Compiler() {
	}

	static boolean readsSequences(Layer layer) {
		org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
		return !(conf instanceof DenseLayer || conf instanceof OutputLayer || conf instanceof NBeats);
	}

	static Stage stage(Layer layer, int index) {
		boolean lastStepOnly = layer instanceof LastTimeStepLayer;
		if (lastStepOnly) {
			layer = ((LastTimeStepLayer) layer).getUnderlying();
		}
		org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
		Class<?> type = conf.getClass();
		if (type == DenseLayer.class || type == OutputLayer.class) {
			return dense(layer, (BaseLayer) conf, index);
		}
		if (type == Convolution1DLayer.class) {
			return convolution(layer, (Convolution1DLayer) conf, index);
		}
		if (type == Cropping1D.class) {
			int[] cropping = ((Cropping1D) conf).getCropping();
			return new Crop(cropping[0], cropping[1]);
		}
		if (type == LSTM.class) {
			return lstm(layer, (LSTM) conf, lastStepOnly, index);
		}
		if (type == org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.class) {
			return simpleRnn(layer, (org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn) conf, lastStepOnly, index);
		}
		if (type == Gru.class && !lastStepOnly) {
			return gru(layer, (Gru) conf);
		}
		if (type == BatchNormalization.class) {
			return batchNorm(layer, (BatchNormalization) conf, index);
		}
		if (type == NBeats.class && !lastStepOnly) {
			return nbeats(layer, (NBeats) conf);
		}
		throw new IllegalArgumentException("layer " + index + ": unsupported " + type.getSimpleName());
	}

	private static Dense dense(Layer layer, BaseLayer conf, int index) {
		float[][] w = param(layer, "W").toFloatMatrix();
		return new Dense(w, param(layer, "b").toFloatVector(), fn(conf.getActivationFn(), index));
	}

	private static CausalConv1d convolution(Layer layer, Convolution1DLayer conf, int index) {
		if (conf.getConvolutionMode() != ConvolutionMode.Causal || conf.getRnnDataFormat() != RNNFormat.NCW
				|| !conf.hasBias()) {
			throw new IllegalArgumentException("layer " + index + ": only causal NCW convolutions with biases");
		}
		// shaped [out, in, kernel, 1], but DL4J's convolution reads the buffer as
		// [kernel, in, out], as here
		INDArray w = param(layer, "W");
		int out = (int) w.size(0);
		int in = (int) w.size(1);
		int kernel = (int) w.size(2);
		float[] flat = w.dup('c').data().asFloat();
		float[][] weights = new float[kernel * in][out];
		for (int r = 0; r < weights.length; r++) {
			System.arraycopy(flat, r * out, weights[r], 0, out);
		}
		return new CausalConv1d(weights, param(layer, "b").toFloatVector(), kernel, conf.getStride()[0],
				conf.getDilation()[0], in, fn(conf.getActivationFn(), index));
	}

	private static Lstm lstm(Layer layer, LSTM conf, boolean lastStepOnly, int index) {
		if (conf.getRnnDataFormat() != RNNFormat.NCW) {
			throw new IllegalArgumentException("layer " + index + ": only NCW LSTMs");
		}
		return new Lstm(param(layer, "W").toFloatMatrix(), param(layer, "RW").toFloatMatrix(),
				param(layer, "b").toFloatVector(), fn(conf.getGateActivationFn(), index),
				fn(conf.getActivationFn(), index), lastStepOnly);
	}

	private static SimpleRnn simpleRnn(Layer layer, org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn conf,
			boolean lastStepOnly, int index) {
		if (conf.getRnnDataFormat() != RNNFormat.NCW || conf.hasLayerNorm()) {
			throw new IllegalArgumentException("layer " + index + ": only NCW simple RNNs without layer norm");
		}
		return new SimpleRnn(param(layer, "W").toFloatMatrix(), param(layer, "RW").toFloatMatrix(),
				param(layer, "b").toFloatVector(), fn(conf.getActivationFn(), index), lastStepOnly);
	}

	private static Stage gru(Layer layer, Gru conf) {
		float[][] wz = param(layer, "Wz").toFloatMatrix();
		float[][] wr = param(layer, "Wr").toFloatMatrix();
		float[][] wh = param(layer, "Wh").toFloatMatrix();
		float[][] uz = param(layer, "Uz").toFloatMatrix();
		float[][] ur = param(layer, "Ur").toFloatMatrix();
		float[][] uh = param(layer, "Uh").toFloatMatrix();
		float[] bias = concat(param(layer, "bz").toFloatVector(), param(layer, "br").toFloatVector(),
				param(layer, "bh").toFloatVector());
		float[][] inputWeights = new float[wz.length][];
		for (int i = 0; i < wz.length; i++) {
			inputWeights[i] = concat(wz[i], wr[i], wh[i]);
		}
		float[][] gateWeights = new float[uz.length][];
		for (int i = 0; i < uz.length; i++) {
			gateWeights[i] = concat(uz[i], ur[i]);
		}
		return new dev.forecast.model.serving.jvm.Gru(inputWeights, gateWeights, uh, bias, conf.isLastStepOnly());
	}

	private static NBeatsBlocks nbeats(Layer layer, NBeats conf) {
		int blocks = conf.getBlocks();
		Dense[][] hidden = new Dense[blocks][conf.getLayers()];
		Dense[] backcasts = new Dense[blocks];
		Dense[] forecasts = new Dense[blocks];
		for (int b = 0; b < blocks; b++) {
			for (int l = 0; l < conf.getLayers(); l++) {
				hidden[b][l] = new Dense(param(layer, NBeats.param(b, "w" + l)).toFloatMatrix(),
						param(layer, NBeats.param(b, "b" + l)).toFloatVector(), Fn.RELU);
			}
			if (b + 1 < blocks) {
				backcasts[b] = new Dense(param(layer, NBeats.param(b, "wb")).toFloatMatrix(),
						param(layer, NBeats.param(b, "bb")).toFloatVector(), Fn.IDENTITY);
			}
			forecasts[b] = new Dense(param(layer, NBeats.param(b, "wf")).toFloatMatrix(),
					param(layer, NBeats.param(b, "bf")).toFloatVector(), Fn.IDENTITY);
		}
		return new NBeatsBlocks(hidden, backcasts, forecasts);
	}

	private static BatchNorm batchNorm(Layer layer, BatchNormalization conf, int index) {
		if (conf.isLockGammaBeta()) {
			throw new IllegalArgumentException("layer " + index + ": batch normalization with locked gamma/beta");
		}
		float[] gamma = param(layer, "gamma").toFloatVector();
		float[] beta = param(layer, "beta").toFloatVector();
		float[] mean = param(layer, "mean").toFloatVector();
		float[] spread = conf.isUseLogStd() ? param(layer, "log10stdev").toFloatVector()
				: param(layer, "var").toFloatVector();
		float[] scale = new float[gamma.length];
		float[] shift = new float[gamma.length];
		for (int j = 0; j < gamma.length; j++) {
			double std = conf.isUseLogStd() ? Math.pow(10, spread[j]) : Math.sqrt(spread[j] + conf.getEps());
			scale[j] = (float) (gamma[j] / std);
			shift[j] = (float) (beta[j] - mean[j] * gamma[j] / std);
		}
		return new BatchNorm(scale, shift);
	}

	private static INDArray param(Layer layer, String key) {
		INDArray param = layer.getParam(key);
		if (param == null) {
			throw new IllegalArgumentException("layer " + layer.getIndex() + " has no parameter " + key);
		}
		return param;
	}

	private static Fn fn(IActivation activation, int index) {
		return Fn.of(activation)
			.orElseThrow(
					() -> new IllegalArgumentException("layer " + index + ": unsupported activation " + activation));
	}

	private static float[] concat(float[]... parts) {
		int length = 0;
		for (float[] part : parts) {
			length += part.length;
		}
		float[] all = new float[length];
		int at = 0;
		for (float[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
