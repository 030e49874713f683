package dev.forecast.model;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference forward pass of a {@link MultiLayerNetwork} with every LSTM layer run as one native
 * {@code lstmLayer} op over the whole window. DL4J's own LSTM layer loops over the time steps in
 * Java, a dozen small native calls per step (two LSTM layers over a 60-step window: well over a
 * thousand calls of ~10 µs each), which made a one-window forecast cost 18-75 ms on 2-core machines;
 * the fused op loops in native code (~6 ms). Every other layer (and input preprocessor) runs through DL4J's own
 * {@link Layer#activate(INDArray, boolean, LayerWorkspaceMgr)}, so its semantics stay DL4J's.
 * <p>
 * An LSTM is fused when it reads NCW sequences without a mask and its activations map onto the op's
 * (tanh, sigmoid, relu, softplus); any other runs through DL4J. The op takes
 * the gates in the order input, forget, cell, output where DL4J stores cell (block input), forget,
 * output, input, so the fused layer keeps its own reordered copy of the weights: build this again if
 * the network's parameters change. Like the network, one instance serves one thread at a time.
 */
final class FusedForward {

	/** The op's activation codes for the activations it takes without extra parameters. */
	private static final Map<Class<? extends IActivation>, Integer> OP_ACTIVATIONS = Map.of(ActivationTanH.class, 0,
			ActivationReLU.class, 1, ActivationSigmoid.class, 2, ActivationSoftPlus.class, 10);

	private final MultiLayerNetwork network;

	private final Layer[] layers;

	private final FusedLstm[] fused;

	private FusedForward(MultiLayerNetwork network, FusedLstm[] fused) {
		this.network = network;
		this.layers = network.getLayers();
		this.fused = fused;
	}

	/** The fused pass of {@code network} (its LSTM layers' weights are copied now). */
	static FusedForward of(MultiLayerNetwork network) {
		Layer[] layers = network.getLayers();
		FusedLstm[] fused = new FusedLstm[layers.length];
		for (int i = 0; i < layers.length; i++) {
			fused[i] = FusedLstm.of(layers[i]);
		}
		return new FusedForward(network, fused);
	}

	/** How many layers run as one native op. */
	int fusedLayers() {
		int n = 0;
		for (FusedLstm layer : this.fused) {
			if (layer != null) {
				n++;
			}
		}
		return n;
	}

	/**
	 * The network's output for {@code input}, inference mode. Arrays are created through
	 * {@code workspaces} (with every array type in the caller's open workspace, the pass allocates
	 * nothing outside it).
	 */
	INDArray output(INDArray input, LayerWorkspaceMgr workspaces) {
		synchronized (this.network) {
			INDArray x = input;
			int batch = (int) input.size(0);
			for (int i = 0; i < this.layers.length; i++) {
				InputPreProcessor preProcessor = this.network.getLayerWiseConfigurations().getInputPreProcess(i);
				if (preProcessor != null) {
					x = preProcessor.preProcess(x, batch, workspaces);
				}
				x = this.fused[i] != null ? this.fused[i].activate(x)
						: this.layers[i].activate(x, false, workspaces);
			}
			return x;
		}
	}

	/** One LSTM layer as the {@code lstmLayer} op, NCW in; the full sequence or the last step out. */
	private record FusedLstm(INDArray inputWeights, INDArray recurrentWeights, INDArray bias, int gateActivation,
			int activation, boolean lastStepOnly) {

		static FusedLstm of(Layer layer) {
			boolean lastStepOnly = layer instanceof LastTimeStepLayer;
			Layer inner = lastStepOnly ? ((LastTimeStepLayer) layer).getUnderlying() : layer;
			if (!(inner instanceof LSTM)) {
				return null;
			}
			org.deeplearning4j.nn.conf.layers.LSTM conf = (org.deeplearning4j.nn.conf.layers.LSTM) inner.conf()
				.getLayer();
			Integer gate = OP_ACTIVATIONS.get(conf.getGateActivationFn().getClass());
			Integer activation = OP_ACTIVATIONS.get(conf.getActivationFn().getClass());
			if (gate == null || activation == null || conf.getRnnDataFormat() != RNNFormat.NCW) {
				return null;
			}
			INDArray bias = inner.getParam(LSTMParamInitializer.BIAS_KEY);
			return new FusedLstm(opGateOrder(inner.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY)),
					opGateOrder(inner.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY)),
					opGateOrder(bias.reshape(1, bias.length())).reshape(bias.length()), gate, activation, lastStepOnly);
		}

		/** DL4J's gate blocks [cell, forget, output, input] as the op's [input, forget, cell, output]. */
		private static INDArray opGateOrder(INDArray weights) {
			long units = weights.size(1) / 4;
			try (var detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
				return Nd4j.hstack(block(weights, 3, units), block(weights, 1, units), block(weights, 0, units),
						block(weights, 2, units))
					.castTo(DataType.FLOAT)
					.dup('c');
			}
		}

		private static INDArray block(INDArray weights, int k, long units) {
			return weights.get(NDArrayIndex.all(), NDArrayIndex.interval(k * units, (k + 1) * units));
		}

		INDArray activate(INDArray x) {
			INDArray input = x.ordering() == 'c' && !x.isView() ? x : x.dup('c');
			long batch = input.size(0);
			long steps = input.size(2);
			long units = this.recurrentWeights.size(0);
			INDArray out = this.lastStepOnly ? Nd4j.createUninitialized(input.dataType(), batch, units)
					: Nd4j.createUninitialized(input.dataType(), batch, units, steps);
			DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer")
				.addInputs(input, this.inputWeights, this.recurrentWeights, this.bias)
				// biases, no seqLen, no initial h, no initial c, no peepholes, full sequence, last h, last c
				.addBooleanArguments(true, false, false, false, false, !this.lastStepOnly, this.lastStepOnly, false)
				// data format 2 = [batch, features, time], forward, gate / cell / output activations
				.addIntegerArguments(2, 0, this.gateActivation, this.activation, this.activation)
				.addFloatingPointArguments(0.0) // no cell clipping
				.addOutputs(out)
				.build();
			Nd4j.exec(op);
			return out;
		}

	}

}
