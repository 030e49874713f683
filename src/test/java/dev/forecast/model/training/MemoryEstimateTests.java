package dev.forecast.model.training;

import java.util.Collections;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory estimate of a spec: its parameter count matches the network DL4J builds for
 * every model family, and the issue's oversized spec is far above any worker's memory
 * while the default spec is well below.
 */
class MemoryEstimateTests {

	@ParameterizedTest
	@ValueSource(strings = { "conv_lstm", "lstm", "gru", "rnn", "conv1d", "dense", "nbeats" })
	void countsTheParametersOfEveryModelFamily(String model) {
		TrainSpec spec = Specs.withUnits(Specs.tiny(model), 16);
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, 10));
		network.init();
		long estimated = MemoryEstimate.of(spec).parameters();
		// within 2%: batch-norm statistics and the like are not counted
		assertThat((double) estimated).as(model)
			.isCloseTo(network.numParams(), org.assertj.core.data.Percentage.withPercentage(2));
	}

	@Test
	void theIssuesOversizedSpecNeedsTerabytesTheDefaultSpecLessThanAGigabyte() {
		List<TrainSpec.Layer> layers = new java.util.ArrayList<>(
				Collections.nCopies(18, TrainSpec.Layer.recurrent("lstm", 512, true)));
		layers.add(TrainSpec.Layer.recurrent("lstm", 512, false));
		layers.add(TrainSpec.Layer.dense(512, "relu"));
		TrainSpec oversized = new TrainSpec(TrainSpec.CUSTOM, 512, 1000, 1, 235, 1000, 4096, true, 1, 2, "window",
				"huber", TrainSpec.Optimizer.defaults("adam", 1e-3), new TrainSpec.Schedule("constant"),
				TrainSpec.Regularization.NONE, "glorot", new TrainSpec.EarlyStopping(10, 0, "valMae"), layers);
		assertThat(MemoryEstimate.of(oversized).bytes()).isGreaterThan(1L << 40);
		long defaults = MemoryEstimate.of(TrainSpec.DEFAULTS).bytes();
		assertThat(defaults).isBetween(40L << 20, 1L << 30);
		assertThat(MemoryEstimate.format(MemoryEstimate.of(oversized).bytes())).endsWith("TB");
	}

	@Test
	void twoLstmLayersOf512UnitsOverAWindowOf1000AtBatch64AreOverOneAndAHalfGigabytes() {
		TrainSpec spec = new TrainSpec("lstm", 512, 1000, 1, 235, 10, 64, true, 1, 2, "window", "huber",
				TrainSpec.Optimizer.defaults("adam", 1e-3), new TrainSpec.Schedule("constant"),
				TrainSpec.Regularization.NONE, "glorot", new TrainSpec.EarlyStopping(10, 0, "valMae"));
		assertThat(MemoryEstimate.of(spec).bytes()).isGreaterThan(1536L << 20);
		assertThat(MemoryEstimate.format(1536L << 20)).isEqualTo("1.5 GB");
	}

}
