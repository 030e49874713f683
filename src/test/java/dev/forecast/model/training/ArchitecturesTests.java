package dev.forecast.model.training;

import java.util.Arrays;
import java.util.List;

import dev.forecast.model.Gru;
import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitecturesTests {

	private static List<Class<?>> layerTypes(MultiLayerNetwork network) {
		if (network.getLayers() == null) {
			network.init();
		}
		return Arrays.stream(network.getLayers()).<Class<?>>map(l -> {
			org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
			return conf instanceof LastTimeStep last ? last.getUnderlying().getClass() : conf.getClass();
		}).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rnn", "gru", "conv1d" })
	void newModelsTrainPredictAndSurviveStorage(String model) {
		double[] series = TrainedModelTests.sine(120);
		TrainingResult result = Trainer.train(Specs.withEpochs(Specs.tiny(model), 2), series, TrainingMonitor.NONE, "");
		assertThat(result.curve()).hasSize(2);
		assertThat(result.valMae()).isFinite();
		double[] before = Predictor.of(result.model()).predict(series);
		assertThat(Predictor.of(ModelCodec.decode(ModelCodec.encode(result.model()))).predict(series))
			.containsExactly(before);
	}

	@Test
	void eachModelHasItsOwnLayers() {
		int ipe = 1;
		assertThat(layerTypes(new MultiLayerNetwork(Networks.configure(Specs.tiny("gru"), ipe))))
			.containsExactly(Gru.class, Gru.class, org.deeplearning4j.nn.conf.layers.OutputLayer.class);
		assertThat(layerTypes(new MultiLayerNetwork(Networks.configure(Specs.tiny("rnn"), ipe))))
			.containsExactly(SimpleRnn.class, SimpleRnn.class, org.deeplearning4j.nn.conf.layers.OutputLayer.class);
		assertThat(layerTypes(new MultiLayerNetwork(Networks.configure(Specs.tiny("lstm"), ipe))))
			.containsExactly(LSTM.class, LSTM.class, org.deeplearning4j.nn.conf.layers.OutputLayer.class);
		List<Class<?>> conv = layerTypes(new MultiLayerNetwork(Networks.configure(Specs.tiny("conv1d"), ipe)));
		assertThat(conv.subList(0, 4)).containsOnly(Convolution1DLayer.class);
		var dilations = Networks.configure(Specs.tiny("conv1d"), ipe)
			.getConfs()
			.stream()
			.map(c -> c.getLayer())
			.filter(Convolution1DLayer.class::isInstance)
			.map(c -> ((Convolution1DLayer) c).getDilation()[0])
			.toList();
		assertThat(dilations).containsExactly(1, 2, 4, 8);
		// a GRU has 3 gates' weights where an LSTM has 4 (plus peepholes): it is no LSTM
		// in disguise
		MultiLayerNetwork gru = new MultiLayerNetwork(Networks.configure(Specs.tiny("gru"), ipe));
		gru.init();
		assertThat(gru.getLayer(0).numParams()).isEqualTo(3 * (1 * 8 + 8 * 8 + 8));
	}

	@Test
	void explicitLayersOverrideTheModelWithTheirOwnSettings() {
		TrainSpec spec = Specs.withLayers(Specs.tiny("lstm"), List.of(TrainSpec.Layer.conv1d(6, 3, 2, 2, "relu", true),
				TrainSpec.Layer.recurrent("gru", 5, false), TrainSpec.Layer.dense(7, "tanh")));
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, 1));
		network.init();
		assertThat(layerTypes(network)).containsExactly(Convolution1DLayer.class, Gru.class, DenseLayer.class,
				org.deeplearning4j.nn.conf.layers.OutputLayer.class);
		Convolution1DLayer conv = (Convolution1DLayer) network.getLayer(0).conf().getLayer();
		assertThat(conv.getKernelSize()[0]).isEqualTo(3);
		assertThat(conv.getStride()[0]).isEqualTo(2);
		assertThat(conv.getDilation()[0]).isEqualTo(2);
		assertThat(conv.getConvolutionMode()).isEqualTo(ConvolutionMode.Causal);
		assertThat(conv.getNOut()).isEqualTo(6);
		DenseLayer dense = (DenseLayer) network.getLayer(2).conf().getLayer();
		assertThat(dense.getNOut()).isEqualTo(7);
		assertThat(dense.getActivationFn()).isInstanceOf(ActivationTanH.class);
		// stride 2 halves the 12 steps
		INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 12);
		assertThat(network.feedForward(x, false).get(1).shape()).containsExactly(3, 6, 6);
		assertThat(network.output(x).shape()).containsExactly(3, 1);
	}

	@Test
	void causalConvolutionsNeverSeeTheFuture() {
		TrainSpec spec = Specs.withLayers(Specs.tiny("lstm"), List.of(TrainSpec.Layer.conv1d(4, 3, 1, 2, "relu", true),
				TrainSpec.Layer.conv1d(4, 2, 1, 4, "relu", false)));
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, 1));
		network.init();
		INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1, 12);
		INDArray changed = x.dup();
		changed.putScalar(new long[] { 0, 0, 11 }, 100f);
		INDArray a = network.feedForward(x, false).get(2);
		INDArray b = network.feedForward(changed, false).get(2);
		for (int t = 0; t < 11; t++) {
			for (int c = 0; c < 4; c++) {
				assertThat(b.getFloat(0, c, t)).isEqualTo(a.getFloat(0, c, t));
			}
		}
		assertThat(network.output(changed).getFloat(0)).isNotEqualTo(network.output(x).getFloat(0));
	}

	@Test
	void layerCountMatchesThePresetOfEveryModel() {
		for (String model : Networks.names()) {
			MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(Specs.tiny(model), 1));
			network.init();
			long withParams = Arrays.stream(network.getLayers()).filter(l -> l.numParams() > 0).count();
			assertThat(withParams).as(model).isEqualTo(Networks.preset(model, 8).size() + 1);
			Layer last = network.getLayers()[network.getnLayers() - 1];
			assertThat(last.conf().getLayer()).isInstanceOf(org.deeplearning4j.nn.conf.layers.OutputLayer.class);
		}
	}

}
