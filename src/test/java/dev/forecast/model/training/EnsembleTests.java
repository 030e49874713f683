package dev.forecast.model.training;

import java.util.Arrays;
import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Ensemble;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A run on a short series trains three networks and serves the median of their forecasts,
 * stored in one model.
 */
class EnsembleTests {

	@Test
	void medianOfEachValue() {
		double[][] a = { { 1, 10 } };
		double[][] b = { { 3, 30 } };
		double[][] c = { { 2, -5 } };
		assertThat(Ensemble.median(List.of(a, b, c))[0]).containsExactly(2, 10);
		assertThat(Ensemble.median(List.of(a, b))[0]).containsExactly(2, 20);
	}

	@Test
	void shortSeriesGetThreeNetworksLongOnesOne() {
		// window 12, validation 24
		TrainSpec spec = TrainedModelTests.tiny("dense", 1, "mse", "adam");
		assertThat(Ensembles.size(spec, 500)).isEqualTo(3);
		assertThat(Ensembles.size(spec, 24 + 12 + 2000)).isEqualTo(1);
	}

	@Test
	void anEnsembleServesTheMedianOfItsNetworksAndIsStoredWhole() {
		double[] series = TrainedModelTests.sine(200);
		TrainSpec spec = TrainedModelTests.tiny("dense", 2, "mse", "adam");
		GlobalTrainerTests.NetworkCalls networks = new GlobalTrainerTests.NetworkCalls(false);
		TrainingResult result = Trainer.train(spec, series, networks, "", 3);
		TrainedModel model = result.model();
		assertThat(model.members()).hasSize(2);
		assertThat(networks.calls).containsExactly("0/3", "1/3", "2/3", "3/3");
		assertThat(result.curve()).hasSize(3); // the first network's epochs

		double[][] history = { Arrays.copyOf(series, 170) };
		List<double[][]> each = List.of(Predictor.of(model.withMembers(List.of())).forecast(history, 5),
				Predictor.of(model.members().get(0)).forecast(history, 5),
				Predictor.of(model.members().get(1)).forecast(history, 5));
		double[] median = Ensemble.median(each)[0];
		assertThat(Predictor.of(model).forecast(history, 5)[0]).containsExactly(median);
		assertThat(each.get(0)[0]).isNotEqualTo(each.get(1)[0]); // other seeds

		TrainedModel restored = ModelCodec.decode(ModelCodec.encode(model));
		assertThat(restored.members()).hasSize(2);
		assertThat(Predictor.of(restored).forecast(history, 5)[0]).containsExactly(median);

		double[] errors = Trainer.validationErrors(model, series, 24);
		assertThat(result.valMae()).isCloseTo(errors[0], within(1e-9));
		assertThat(result.valRmse()).isCloseTo(errors[1], within(1e-9));
	}

}
