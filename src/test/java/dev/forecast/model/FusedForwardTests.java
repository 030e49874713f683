package dev.forecast.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fused forward pass gives DL4J's own outputs, for every LSTM it fuses and every layer it does not. */
class FusedForwardTests {

	private static TrainSpec spec(String model, int horizon, List<TrainSpec.Layer> layers) {
		TrainSpec d = TrainSpec.DEFAULTS;
		TrainSpec spec = new TrainSpec(model, 16, 24, horizon, 24, 1, 32, true, 3, 0, "zscore", "mse", d.optimizer(),
				d.schedule(), d.regularization(), "glorot", d.earlyStopping(), null);
		return layers == null ? spec : Specs.withLayers(spec, layers);
	}

	/** Random parameters (biases too, so a wrong gate order cannot hide behind zero biases). */
	private static MultiLayerNetwork network(TrainSpec spec) {
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, 10));
		network.init();
		Nd4j.getRandom().setSeed(11);
		network.setParams(Nd4j.rand(DataType.FLOAT, 1, network.numParams()).subi(0.5));
		return network;
	}

	private static void assertSameOutputs(MultiLayerNetwork network, FusedForward fused, int window) {
		Nd4j.getRandom().setSeed(5);
		INDArray inputs = Nd4j.randn(DataType.FLOAT, 8, 1, window);
		for (int batch : new int[] { 1, 3, 8 }) {
			INDArray input = inputs.get(NDArrayIndex.interval(0, batch)).dup();
			float[][] expected = network.output(input).toFloatMatrix();
			float[][] actual = fused.output(input, LayerWorkspaceMgr.noWorkspaces()).toFloatMatrix();
			assertThat(actual).hasDimensions(expected.length, expected[0].length);
			for (int i = 0; i < expected.length; i++) {
				for (int k = 0; k < expected[i].length; k++) {
					assertThat(actual[i][k]).as("batch %d row %d step %d", batch, i, k)
						.isCloseTo(expected[i][k], within(1e-5f + 1e-5f * Math.abs(expected[i][k])));
				}
			}
		}
	}

	@Test
	void fusesTheLstmLayersOfTheNamedModelsWithDl4jsOutputs() {
		for (String model : List.of("conv_lstm", "lstm")) {
			TrainSpec spec = spec(model, 12, null);
			MultiLayerNetwork network = network(spec);
			FusedForward fused = FusedForward.of(network);
			assertThat(fused.fusedLayers()).as(model).isEqualTo(2);
			assertSameOutputs(network, fused, spec.window());
		}
	}

	@Test
	void fusesOtherActivationsAndKeepsTheFullSequenceBetweenLayers() {
		TrainSpec spec = spec(TrainSpec.CUSTOM, 3,
				List.of(new TrainSpec.Layer("lstm", 12, null, null, null, "relu", true),
						new TrainSpec.Layer("lstm", 8, null, null, null, "softplus", true),
						TrainSpec.Layer.conv1d(6, 3, 1, 2, "relu", true),
						new TrainSpec.Layer("lstm", 10, null, null, null, "sigmoid", false)));
		MultiLayerNetwork network = network(spec);
		FusedForward fused = FusedForward.of(network);
		assertThat(fused.fusedLayers()).isEqualTo(3);
		assertSameOutputs(network, fused, spec.window());
	}

	@Test
	void runsLstmsWithActivationsTheOpLacksThroughDl4j() {
		TrainSpec spec = spec(TrainSpec.CUSTOM, 2,
				List.of(new TrainSpec.Layer("lstm", 8, null, null, null, "linear", true),
						new TrainSpec.Layer("lstm", 8, null, null, null, "tanh", false), TrainSpec.Layer.dense(4, "relu")));
		MultiLayerNetwork network = network(spec);
		FusedForward fused = FusedForward.of(network);
		assertThat(fused.fusedLayers()).isEqualTo(1);
		assertSameOutputs(network, fused, spec.window());
	}

	@Test
	void leavesNetworksWithoutLstmsToDl4j() {
		for (String model : List.of("dense", "rnn", "conv1d", "gru")) {
			TrainSpec spec = spec(model, 2, null);
			MultiLayerNetwork network = network(spec);
			FusedForward fused = FusedForward.of(network);
			assertThat(fused.fusedLayers()).as(model).isZero();
			if (!"dense".equals(model)) {
				assertSameOutputs(network, fused, spec.window());
			}
		}
	}

	@Test
	void trainedModelsPredictWhatTheNetworkOutputsCallAfterCall() {
		TrainSpec spec = spec("conv_lstm", 4, null);
		MultiLayerNetwork network = network(spec);
		Scaler scaler = new Scaler("zscore", 50, 20);
		TrainedModel model = new TrainedModel(network, "conv_lstm", scaler, spec.window(), spec.horizon(), true, "");
		double[] history = TrainedModelTests.sine(100);
		double[] forecast = model.predict(history);
		float[] window = new float[spec.window()];
		for (int j = 0; j < window.length; j++) {
			window[j] = (float) scaler.normalize(history[history.length - window.length + j]);
		}
		float[] expected = network.output(Nd4j.create(window, new long[] { 1, 1, window.length }, 'c')).toFloatVector();
		for (int k = 0; k < spec.horizon(); k++) {
			assertThat(forecast[k]).isCloseTo(scaler.restore(expected[k]), within(1e-4));
		}
		for (int i = 0; i < 50; i++) {
			assertThat(model.predict(history)).containsExactly(forecast);
		}
	}

}
