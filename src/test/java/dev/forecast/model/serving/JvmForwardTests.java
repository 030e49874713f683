package dev.forecast.model.serving;

import java.util.List;

import dev.forecast.model.Scaler;
import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.jvm.JvmForward;
import dev.forecast.model.training.Networks;
import dev.forecast.model.training.TrainedModelTests;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The plain-Java forward pass gives DL4J's own outputs for every layer the service
 * builds, without ND4J.
 */
class JvmForwardTests {

	private static TrainSpec spec(String model, int horizon, boolean batchNorm, List<TrainSpec.Layer> layers) {
		TrainSpec spec = TrainSpec.builder()
			.model(model)
			.units(16)
			.window(24)
			.horizon(horizon)
			.validation(24)
			.epochs(1)
			.batchSize(32)
			.seed(3)
			.prefetch(0)
			.normalization("zscore")
			.loss("mse")
			.regularization(Specs.regularization(0, 0, batchNorm ? 0.2 : 0, batchNorm, null, null, null))
			.build();
		return layers == null ? spec : Specs.withLayers(spec, layers);
	}

	/**
	 * Random parameters (biases and batch-norm statistics too, so that no term hides
	 * behind a zero).
	 */
	private static MultiLayerNetwork network(TrainSpec spec) {
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, 10));
		network.init();
		Nd4j.getRandom().setSeed(11);
		network.setParams(Nd4j.rand(DataType.FLOAT, 1, network.numParams()).subi(0.5));
		return network;
	}

	private static void assertSameOutputs(MultiLayerNetwork network, boolean sequenceInput, int window) {
		assertSameOutputs(network, sequenceInput, window, 2e-5f);
	}

	private static void assertSameOutputs(MultiLayerNetwork network, boolean sequenceInput, int window,
			float tolerance) {
		JvmForward jvm = JvmForward.of(network);
		Nd4j.getRandom().setSeed(5);
		INDArray inputs = sequenceInput ? Nd4j.randn(DataType.FLOAT, 8, 1, window)
				: Nd4j.randn(DataType.FLOAT, 8, window);
		for (int batch : new int[] { 1, 3, 8 }) {
			INDArray input = inputs.get(NDArrayIndex.interval(0, batch)).dup('c');
			float[][] expected = network.output(input).toFloatMatrix();
			float[] actual = jvm.output(input.data().asFloat(), batch);
			assertThat(actual).hasSize(batch * jvm.outputs());
			assertThat(jvm.outputs()).isEqualTo(expected[0].length);
			for (int i = 0; i < batch; i++) {
				for (int k = 0; k < jvm.outputs(); k++) {
					assertThat(actual[i * jvm.outputs() + k]).as("batch %d row %d output %d", batch, i, k)
						.isCloseTo(expected[i][k], within(tolerance + tolerance * Math.abs(expected[i][k])));
				}
			}
		}
	}

	/**
	 * A network the JVM pass refuses: an LSTM with a leaky ReLU of slope 0.3 (not ND4J's
	 * default 0.01).
	 */
	static MultiLayerNetwork notOnTheJvm(int window, int horizon) {
		MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
			.dataType(DataType.FLOAT)
			.list()
			.layer(new LastTimeStep(new LSTM.Builder().nOut(4).activation(new ActivationLReLU(0.3)).build()))
			.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(horizon)
				.activation(Activation.IDENTITY)
				.build())
			.setInputType(InputType.recurrent(1, window, RNNFormat.NCW))
			.build());
		network.init();
		return network;
	}

	@Test
	void everyNamedModelGivesDl4jsOutputsWithAndWithoutBatchNormalization() {
		for (boolean batchNorm : new boolean[] { false, true }) {
			for (String model : Networks.names()) {
				TrainSpec spec = spec(model, 3, batchNorm, null);
				MultiLayerNetwork network = network(spec);
				// N-BEATS: 13 float matrix products in a row with residual subtractions,
				// rounded in another order
				assertSameOutputs(network, Networks.sequenceInput(spec), spec.window(),
						"nbeats".equals(model) ? 1e-4f : 2e-5f);
			}
		}
	}

	@Test
	void modelsRestoredFromStorageRunOnTheJvm() {
		for (String model : Networks.names()) {
			TrainSpec spec = spec(model, 3, true, null);
			TrainedModel trained = new TrainedModel(network(spec), model, new Scaler("zscore", 50, 20), spec.window(),
					spec.horizon(), Networks.sequenceInput(spec), "");
			TrainedModel restored = ModelCodec.decode(ModelCodec.encode(trained));
			double[] history = TrainedModelTests.sine(40);
			assertThat(Predictor.of(restored).predict(history)).as(model)
				.containsExactly(Predictor.of(trained).predict(history));
		}
	}

	@Test
	void everyActivationStrideAndDilationAndFullSequencesBetweenLayers() {
		List<String> activations = List.copyOf(Networks.activations());
		for (int a = 0; a < activations.size(); a++) {
			String activation = activations.get(a);
			String other = activations.get((a + 3) % activations.size());
			TrainSpec spec = spec(TrainSpec.CUSTOM, 2, false,
					List.of(TrainSpec.Layer.conv1d(5, 3, 2, 2, activation, true),
							new TrainSpec.Layer("lstm", 6, null, null, null, activation, true),
							new TrainSpec.Layer("rnn", 5, null, null, null, other, true),
							new TrainSpec.Layer("gru", 4, null, null, null, null, true),
							new TrainSpec.Layer("lstm", 7, null, null, null, other, false),
							TrainSpec.Layer.dense(6, activation)));
			assertSameOutputs(network(spec), true, spec.window());
		}
	}

	@Test
	void aConvolutionLastKeepsOnlyItsLastStep() {
		TrainSpec spec = spec(TrainSpec.CUSTOM, 2, true,
				List.of(new TrainSpec.Layer("gru", 5, null, null, null, null, true),
						TrainSpec.Layer.conv1d(6, 4, 3, 1, "elu", false)));
		assertSameOutputs(network(spec), true, spec.window());
	}

	@Test
	void refusesWhatItDoesNotCoverAndSoDoesThePredictorOfATrainedModel() {
		MultiLayerNetwork network = notOnTheJvm(10, 2);
		assertThatIllegalArgumentException().isThrownBy(() -> JvmForward.of(network))
			.withMessage("layer 0: unsupported activation leakyrelu(a=0.3)");
		TrainedModel model = new TrainedModel(network, TrainSpec.CUSTOM, new Scaler("zscore", 0, 1), 10, 2, true, "");
		assertThatIllegalArgumentException().isThrownBy(() -> Predictor.of(model))
			.withMessage("layer 0: unsupported activation leakyrelu(a=0.3)");
		assertThat(JvmForward.covers(new ActivationLReLU(0.3))).isFalse();
		assertThat(JvmForward.covers(new ActivationLReLU())).isTrue();
		assertThat(JvmForward.covers(org.deeplearning4j.nn.conf.layers.GravesLSTM.class)).isFalse();
		assertThat(JvmForward.covers(LSTM.class)).isTrue();
	}

	@Test
	void trainedModelsForecastOnTheJvmWithoutAnyNd4jOperation() {
		TrainSpec spec = spec("conv_lstm", 4, false, null);
		MultiLayerNetwork network = network(spec);
		Scaler scaler = new Scaler("zscore", 50, 20);
		Predictor model = Predictor
			.of(new TrainedModel(network, "conv_lstm", scaler, spec.window(), spec.horizon(), true, ""));
		double[] history = TrainedModelTests.sine(100);
		float[] window = new float[spec.window()];
		for (int j = 0; j < window.length; j++) {
			window[j] = (float) scaler.normalize(history[history.length - window.length + j]);
		}
		INDArray input = Nd4j.create(window, new long[] { 1, 1, window.length }, 'c');
		OpProfiler profiler = OpProfiler.getInstance();
		Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
		try {
			profiler.reset();
			float[] expected = network.output(input).toFloatVector();
			assertThat(profiler.getInvocationsCount()).as("ND4J ops of DL4J's output").isPositive();
			profiler.reset();
			double[] forecast = model.predict(history);
			double[][] more = model.forecast(new double[][] { history, history }, 9);
			assertThat(profiler.getInvocationsCount()).as("ND4J ops of a forecast").isZero();
			for (int k = 0; k < spec.horizon(); k++) {
				assertThat(forecast[k]).isCloseTo(scaler.restore(expected[k]), within(1e-3));
				assertThat(more[0][k]).isEqualTo(forecast[k]);
			}
		}
		finally {
			Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
			profiler.reset();
		}
	}

}
