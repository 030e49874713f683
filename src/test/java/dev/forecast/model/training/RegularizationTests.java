package dev.forecast.model.training;

import java.util.Arrays;

import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Predictor;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each regularizer and initializer changes what the network does, not merely its
 * configuration.
 */
class RegularizationTests {

	private static final double[] SERIES = TrainedModelTests.sine(160);

	private static TrainSpec dense(TrainSpec.Regularization reg) {
		return Specs.withRegularization(Specs.tiny("dense"), reg);
	}

	private static TrainSpec.Regularization none() {
		return TrainSpec.Regularization.NONE;
	}

	private static long nearZero(MultiLayerNetwork network) {
		long count = 0;
		for (int i = 0; i < network.getnLayers(); i++) {
			INDArray w = network.getLayer(i).getParam("W");
			if (w != null) {
				for (float v : w.data().asFloat()) {
					if (Math.abs(v) < 1e-3) {
						count++;
					}
				}
			}
		}
		return count;
	}

	@Test
	void l1LeavesMoreWeightsNearZeroAndL2ShrinksThem() {
		TrainSpec plain = Specs.withEpochs(dense(none()), 40);
		MultiLayerNetwork without = Trainer.train(plain, SERIES, TrainingMonitor.NONE, "").model().network();
		MultiLayerNetwork l1 = Trainer
			.train(Specs.withRegularization(plain, Specs.regularization(0.01, 0, 0, false, null, null, null)), SERIES,
					TrainingMonitor.NONE, "")
			.model()
			.network();
		MultiLayerNetwork l2 = Trainer
			.train(Specs.withRegularization(plain, Specs.regularization(0, 0.05, 0, false, null, null, null)), SERIES,
					TrainingMonitor.NONE, "")
			.model()
			.network();
		assertThat(nearZero(l1)).isGreaterThan(2 * nearZero(without) + 5);
		assertThat(l2.getLayer(0).getParam("W").norm2Number().doubleValue())
			.isLessThan(without.getLayer(0).getParam("W").norm2Number().doubleValue());
	}

	@Test
	void dropoutChangesTrainingOutputsButNotInference() {
		TrainSpec withDropout = dense(Specs.regularization(0, 0, 0.5, false, null, null, null));
		MultiLayerNetwork dropout = Trainer.setup(withDropout, SERIES).network();
		MultiLayerNetwork plain = Trainer.setup(dense(none()), SERIES).network();
		INDArray x = Trainer.setup(withDropout, SERIES).data().validation().getFeatures();
		assertThat(dropout.params()).isEqualTo(plain.params()); // same seed, same weights
		assertThat(dropout.output(x, false)).isEqualTo(plain.output(x, false));
		assertThat(dropout.output(x, false)).isEqualTo(dropout.output(x, false));
		assertThat(dropout.output(x, true)).isNotEqualTo(plain.output(x, true));
		assertThat(plain.output(x, true)).isEqualTo(plain.output(x, false));
	}

	@Test
	void dropoutReachesRecurrentAndGruLayers() {
		for (String model : java.util.List.of("lstm", "gru", "rnn")) {
			TrainSpec spec = Specs.withRegularization(Specs.tiny(model),
					Specs.regularization(0, 0, 0.5, false, null, null, null));
			Trainer.Setup setup = Trainer.setup(spec, SERIES);
			MultiLayerNetwork network = setup.network();
			INDArray x = setup.data().validation().getFeatures();
			// the second layer, on its own: dropout on its input in training only (the
			// first layer has none)
			INDArray hidden = network.feedForward(x, false).get(1);
			org.deeplearning4j.nn.api.Layer second = network.getLayer(1);
			org.deeplearning4j.nn.workspace.LayerWorkspaceMgr none = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
				.noWorkspaces();
			INDArray inference = second.activate(hidden.dup(), false, none).dup();
			INDArray training = second.activate(hidden.dup(), true, none).dup();
			assertThat(second.activate(hidden.dup(), false, none)).as(model).isEqualTo(inference);
			assertThat(training.sub(inference).amaxNumber().doubleValue()).as(model).isGreaterThan(1e-3);
			assertThat(network.getLayer(0).conf().getLayer().getIDropout()).as(model).isNull();
			assertThat(network.output(x, false)).as(model).isEqualTo(network.output(x, false));
		}
	}

	@Test
	void maxNormBoundsTheIncomingWeightsOfEveryUnit() {
		TrainSpec spec = Specs.withOptimizer(
				Specs.withEpochs(dense(Specs.regularization(0, 0, 0, false, 0.5, null, null)), 5),
				TrainSpec.Optimizer.defaults("sgd", 0.1));
		MultiLayerNetwork bounded = Trainer.train(spec, SERIES, TrainingMonitor.NONE, "").model().network();
		MultiLayerNetwork free = Trainer.train(Specs.withRegularization(spec, none()), SERIES, TrainingMonitor.NONE, "")
			.model()
			.network();
		double freeMax = 0;
		for (int i = 0; i < bounded.getnLayers(); i++) {
			INDArray w = bounded.getLayer(i).getParam("W"); // [nIn, nOut]: column j holds
															// unit j's incoming weights
			double[] norms = w.norm2(0).toDoubleVector();
			assertThat(Arrays.stream(norms).max().orElseThrow()).isLessThanOrEqualTo(0.5 + 1e-5);
			freeMax = Math.max(freeMax, free.getLayer(i).getParam("W").norm2(0).maxNumber().doubleValue());
		}
		assertThat(freeMax).isGreaterThan(0.6);
	}

	/**
	 * The change of parameters after one SGD step at rate 1 is the (clipped) gradient.
	 */
	private static INDArray oneStep(TrainSpec.Regularization reg) {
		TrainSpec spec = Specs.withOptimizer(dense(reg), TrainSpec.Optimizer.defaults("sgd", 1.0));
		Trainer.Setup setup = Trainer.setup(spec, SERIES);
		MultiLayerNetwork network = setup.network();
		DataSet batch = setup.data().validation();
		batch.setLabels(batch.getLabels().add(50)); // far-off targets: large gradients
		INDArray before = network.params().dup();
		network.fit(batch);
		return before.sub(network.params());
	}

	@Test
	void clippingByValueBoundsEveryAppliedGradientElement() {
		assertThat(Math.abs(oneStep(none()).maxNumber().doubleValue())).isGreaterThan(0.05);
		INDArray clipped = oneStep(Specs.regularization(0, 0, 0, false, null, 0.05, null));
		assertThat(Transforms.abs(clipped).maxNumber().doubleValue()).isLessThanOrEqualTo(0.05 + 1e-6);
	}

	@Test
	void clippingByNormBoundsEachLayersAppliedGradient() {
		TrainSpec spec = dense(none());
		MultiLayerNetwork network = Trainer.setup(spec, SERIES).network();
		INDArray free = oneStep(none());
		INDArray clipped = oneStep(Specs.regularization(0, 0, 0, false, null, null, 0.1));
		long offset = 0;
		double freeMax = 0;
		for (int i = 0; i < network.getnLayers(); i++) {
			long n = network.getLayer(i).numParams();
			INDArray layer = clipped.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n));
			assertThat(layer.norm2Number().doubleValue()).isLessThanOrEqualTo(0.1 + 1e-5);
			freeMax = Math.max(freeMax,
					free.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n))
						.norm2Number()
						.doubleValue());
			offset += n;
		}
		assertThat(freeMax).isGreaterThan(0.2);
	}

	@Test
	void batchNormAddsBatchNormalizationLayersAfterEachFeedForwardHiddenLayer() {
		TrainSpec.Regularization bn = Specs.regularization(0, 0, 0, true, null, null, null);
		assertThat(batchNorms(dense(bn))).isEqualTo(2);
		assertThat(batchNorms(Specs.withRegularization(Specs.tiny("conv_lstm"), bn))).isEqualTo(3);
		assertThat(batchNorms(Specs.withRegularization(Specs.tiny("gru"), bn))).isEqualTo(1);
		assertThat(batchNorms(dense(none()))).isZero();
		TrainingResult trained = Trainer.train(Specs.withEpochs(dense(bn), 2), SERIES, TrainingMonitor.NONE, "");
		assertThat(trained.valMae()).isFinite();
	}

	@Test
	void batchNormFollowsAConvolutionThatEndsTheSequenceLayers() {
		TrainSpec.Regularization bn = Specs.regularization(0, 0, 0, true, null, null, null);
		TrainSpec conv = Specs.withEpochs(Specs.withRegularization(Specs.tiny("conv1d"), bn), 2);
		assertThat(batchNorms(conv)).isEqualTo(1);
		TrainingResult trained = Trainer.train(conv, SERIES, TrainingMonitor.NONE, "");
		assertThat(trained.valMae()).isFinite();
		assertThat(Predictor.of(trained.model()).predict(SERIES)[0]).isFinite();
	}

	private static long batchNorms(TrainSpec spec) {
		return Networks.configure(spec, 1)
			.getConfs()
			.stream()
			.filter(c -> c.getLayer() instanceof BatchNormalization)
			.count();
	}

	@Test
	void initializersSetTheWeightScaleTheirRuleGives() {
		// first dense layer: fan-in 12 (the window), fan-out 64
		TrainSpec base = Specs.withUnits(dense(none()), 64);
		assertThat(firstLayerStd(Specs.withInit(base, "he"))).isCloseTo(Math.sqrt(2.0 / 12), within(0.05));
		assertThat(firstLayerStd(Specs.withInit(base, "lecun"))).isCloseTo(Math.sqrt(1.0 / 12), within(0.04));
		assertThat(firstLayerStd(Specs.withInit(base, "glorot"))).isCloseTo(Math.sqrt(2.0 / (12 + 64)), within(0.03));
	}

	private static double firstLayerStd(TrainSpec spec) {
		return Trainer.setup(spec, SERIES).network().getLayer(0).getParam("W").stdNumber().doubleValue();
	}

}
