package dev.forecast.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.forecast.error.FieldProblem;
import dev.forecast.training.TrainRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomSearchTests {

	private static RandomSearch.Space space() {
		List<FieldProblem> errors = new ArrayList<>();
		RandomSearch.Space space = RandomSearch.check(new TuneRequest.Space(new TuneRequest.Range(1e-4, 1e-2, true),
				new TuneRequest.Values(List.of(16, 32, 64)), new TuneRequest.IntRange(1, 3),
				new TuneRequest.Values(List.of(32, 64)), new TuneRequest.Range(0.0, 0.5, null),
				new TuneRequest.Values(List.of(20, 60))), errors);
		assertThat(errors).isEmpty();
		return space;
	}

	@Test
	void aSeedSamplesTheSameTrialsAndAnotherSeedOthers() {
		List<Map<String, Object>> a = RandomSearch.sample(space(), 8, 7);
		assertThat(RandomSearch.sample(space(), 8, 7)).isEqualTo(a);
		assertThat(RandomSearch.sample(space(), 8, 8)).isNotEqualTo(a);
		for (Map<String, Object> p : a) {
			assertThat(p).containsOnlyKeys("learningRate", "units", "layers", "batchSize", "dropout", "window");
			assertThat((Double) p.get("learningRate")).isBetween(1e-4, 1e-2);
			assertThat((Integer) p.get("units")).isIn(16, 32, 64);
			assertThat((Integer) p.get("layers")).isBetween(1, 3);
			assertThat((Double) p.get("dropout")).isBetween(0.0, 0.5);
		}
	}

	@Test
	void learningRateIsLogUniform() {
		List<Map<String, Object>> points = RandomSearch.sample(space(), 2000, 1);
		long belowGeometricMean = points.stream().filter(p -> (Double) p.get("learningRate") < 1e-3).count();
		assertThat(belowGeometricMean).isBetween(900L, 1100L); // uniform would put ~9%
																// below 1e-3
	}

	@Test
	void badSpacesNameTheirField() {
		assertThat(fields(null)).containsExactly("space");
		assertThat(fields(new TuneRequest.Space(null, null, null, null, null, null))).containsExactly("space");
		assertThat(fields(new TuneRequest.Space(new TuneRequest.Range(-1.0, 1e-2, true), null, null, null, null, null)))
			.containsExactly("space.learningRate");
		assertThat(fields(new TuneRequest.Space(null, new TuneRequest.Values(List.of()), null, null, null, null)))
			.containsExactly("space.units.values");
		assertThat(fields(new TuneRequest.Space(null, null, new TuneRequest.IntRange(3, 1), null, null, null)))
			.containsExactly("space.layers");
		assertThat(fields(new TuneRequest.Space(null, null, null, null, new TuneRequest.Range(0.0, 1.0, null), null)))
			.containsExactly("space.dropout");
	}

	private static List<String> fields(TuneRequest.Space space) {
		List<FieldProblem> errors = new ArrayList<>();
		assertThat(RandomSearch.check(space, errors)).isNull();
		return errors.stream().map(FieldProblem::field).toList();
	}

	@Test
	void trialsPutTheSampledParamsIntoTheBase() {
		TrainRequest base = new TrainRequest(null, "gru", null, null, null, 24, 3, null, null, null, null, null, null,
				new TrainRequest.Optimizer("rmsprop", null, null, 0.8, null, null, null), null, null, null, null, null);
		TrainRequest trial = TrialRequests.build(5, base,
				Map.of("learningRate", 0.003, "units", 16, "layers", 3, "batchSize", 64, "dropout", 0.2, "window", 20));
		assertThat(trial.series()).isEqualTo(5);
		assertThat(trial.optimizer().type()).isEqualTo("rmsprop");
		assertThat(trial.optimizer().rho()).isEqualTo(0.8);
		assertThat(trial.optimizer().learningRate()).isEqualTo(0.003);
		assertThat(trial.regularization().dropout()).isEqualTo(0.2);
		assertThat(trial.batchSize()).isEqualTo(64);
		assertThat(trial.window()).isEqualTo(20);
		assertThat(trial.validation()).isEqualTo(24);
		assertThat(trial.layers()).hasSize(3).allMatch(l -> l.type().equals("gru") && l.units() == 16);
		assertThat(TrialRequests.build(5, null, Map.of("layers", 2)).layers()).extracting(TrainRequest.Layer::type)
			.containsExactly("conv1d", "lstm", "lstm");
		assertThat(TuningService.field("window", Map.of("window", 20))).isEqualTo("space.window");
		assertThat(TuningService.field("window", Map.of())).isEqualTo("base.window");
		assertThat(TuningService.field("layers[1].units", Map.of("units", 4))).isEqualTo("space.units");
	}

}
