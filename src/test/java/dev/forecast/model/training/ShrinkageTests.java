package dev.forecast.model.training;

import java.util.Arrays;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.Shrinkage;
import dev.forecast.model.serving.TrainedModel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The guard against losing to naive: the shrinkage weight and baseline fitted on
 * validation forecasts, applied to forecasts, stored with the model and applied on its
 * JVM pass.
 */
class ShrinkageTests {

	/** A random walk: nothing beats the naive forecast on it. */
	private static double[] walk(int n, long seed) {
		java.util.Random random = new java.util.Random(seed);
		double[] values = new double[n];
		for (int i = 1; i < n; i++) {
			values[i] = values[i - 1] + random.nextGaussian();
		}
		return values;
	}

	/** Forecasts {@code steps} ahead from each of the last {@code validation} origins. */
	private static double[][] forecasts(double[] series, int validation, int steps,
			java.util.function.BiFunction<Integer, Integer, Double> value) {
		double[][] out = new double[validation][steps];
		for (int i = 0; i < validation; i++) {
			for (int k = 0; k < steps; k++) {
				out[i][k] = value.apply(series.length - validation + i, k);
			}
		}
		return out;
	}

	@Test
	void aNetworkThatDriftsAwayIsPulledBackToNaive() {
		double[] series = walk(120, 1);
		// the "network" forecasts the last value plus 5 per step: far off on a random
		// walk
		double[][] drifting = forecasts(series, 20, 6, (origin, k) -> series[origin - 1] + 5 * (k + 1));
		Shrinkage fitted = ShrinkageFit.fit(series, 20, drifting, null, 12);
		assertThat(fitted.base()).isEqualTo(Shrinkage.NAIVE);
		assertThat(fitted.weight()).isLessThan(0.2);
		assertThat(fitted.mae()).isLessThanOrEqualTo(fitted.baseMae()).isLessThan(fitted.networkMae());
		assertThat(fitted.steps()).isEqualTo(6);
	}

	@Test
	void anAccurateNetworkIsKeptAsItIs() {
		double[] series = new double[100];
		for (int i = 0; i < series.length; i++) {
			series[i] = 2.0 * i; // a trend: naive lags behind, the "network" knows it
		}
		double[][] exact = forecasts(series, 10, 4, (origin, k) -> 2.0 * (origin + k));
		Shrinkage fitted = ShrinkageFit.fit(series, 10, exact, 12, 24);
		assertThat(fitted.weight()).isEqualTo(1.0);
		assertThat(fitted.identity()).isTrue();
		assertThat(fitted.mae()).isZero();
	}

	@Test
	void theSeasonalBaselineIsChosenOnASeasonalSeriesWhenTheWindowHoldsASeason() {
		double[] series = new double[96];
		for (int i = 0; i < series.length; i++) {
			series[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 12);
		}
		double[][] noisy = forecasts(series, 12, 12, (origin, k) -> series[origin - 1] + 3 * (k % 2 == 0 ? 1 : -1));
		Shrinkage seasonal = ShrinkageFit.fit(series, 12, noisy, 12, 24);
		assertThat(seasonal.base()).isEqualTo(Shrinkage.SEASONAL_NAIVE);
		assertThat(seasonal.season()).isEqualTo(12);
		assertThat(seasonal.weight()).isZero();
		assertThat(seasonal.mae()).isCloseTo(0, within(1e-9));
		// a window shorter than the season cannot serve the seasonal baseline
		assertThat(ShrinkageFit.fit(series, 12, noisy, 12, 8).base()).isEqualTo(Shrinkage.NAIVE);
	}

	@Test
	void applyMixesTheBaselineAndTheNetwork() {
		double[] history = { 1, 2, 3, 4, 5, 6 };
		double[] forecast = { 16, 26, 36, 46 };
		new Shrinkage(Shrinkage.NAIVE, 0, 0.5, 1.0, 0, 0, 0, 0).apply(history, history.length, forecast);
		assertThat(forecast).containsExactly(11, 16, 21, 26);
		double[] seasonal = { 10, 10, 10, 10 };
		new Shrinkage(Shrinkage.SEASONAL_NAIVE, 3, 0.25, 1.0, 0, 0, 0, 0).apply(history, history.length, seasonal);
		// base: 4, 5, 6, 4 (a season before each target)
		assertThat(seasonal).containsExactly(5.5, 6.25, 7, 5.5);
		assertThatThrownBy(() -> new Shrinkage(Shrinkage.NAIVE, 0, 1.5, 1.0, 0, 0, 0, 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Shrinkage(Shrinkage.SEASONAL_NAIVE, 1, 0.5, 1.0, 0, 0, 0, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dampingPullsFurtherStepsCloserToTheBaseline() {
		double[] history = { 1, 2, 3, 4, 5, 6 };
		double[] forecast = { 16, 16, 16 };
		new Shrinkage(Shrinkage.NAIVE, 0, 1, 0.5, 0, 0, 0, 0).apply(history, history.length, forecast);
		// 6 + 1 · 0.5^k · 10
		assertThat(forecast).containsExactly(16, 11, 8.5);
		assertThat(new Shrinkage(Shrinkage.NAIVE, 0, 1, 0.5, 0, 0, 0, 0).identity()).isFalse();
		assertThatThrownBy(() -> new Shrinkage(Shrinkage.NAIVE, 0, 1, 0.0, 0, 0, 0, 0))
			.isInstanceOf(IllegalArgumentException.class); // run metrics stored before
															// the damping existed read as
															// undamped
		Shrinkage stored = JsonMapper.builder()
			.build()
			.readValue("{\"base\":\"naive\",\"season\":0,\"weight\":0.5,\"mae\":1,\"networkMae\":2,"
					+ "\"baseMae\":3,\"steps\":4}", Shrinkage.class);
		assertThat(stored.damping()).isEqualTo(1.0);
	}

	@Test
	void aDampedFitScoresTheDampedForecastsAndOnlyShortSeriesAreDamped() {
		double[] series = walk(120, 3);
		double[][] drifting = forecasts(series, 20, 12, (origin, k) -> series[origin - 1] + 2 * (k + 1));
		Shrinkage damped = ShrinkageFit.fit(series, 20, drifting, null, 12, 0.8);
		assertThat(damped.damping()).isEqualTo(0.8);
		assertThat(damped.mae()).isLessThanOrEqualTo(ShrinkageFit.fit(series, 20, drifting, null, 12).mae());
		assertThat(ShrinkageFit.fit(series, 20, drifting, null, 12).damping()).isEqualTo(1);
		TrainSpec spec = TrainSpec.builder().window(36).horizon(1).validation(11).build();
		assertThat(ShrinkageFit.damping(spec, 108)).isEqualTo(ShrinkageFit.SHORT_SERIES_DAMPING).isLessThan(1);
		assertThat(ShrinkageFit.damping(spec, 3000)).isEqualTo(1);
	}

	@Test
	void aStoredModelKeepsItsShrinkageAndItsJvmPassAppliesIt() {
		double[] series = TrainedModelTests.sine(200);
		TrainingResult result = Trainer.train(TrainedModelTests.tiny("dense", 2, "mse", "adam"), series,
				TrainingMonitor.NONE, "");
		TrainedModel raw = result.model();
		Shrinkage shrinkage = new Shrinkage(Shrinkage.SEASONAL_NAIVE, 6, 0.3, 0.9, 0, 0, 0, 0);
		TrainedModel shrunk = raw.withShrinkage(shrinkage);

		double[] history = Arrays.copyOf(series, 150);
		double[] expected = Predictor.of(raw).forecast(new double[][] { history }, 5)[0];
		shrinkage.apply(history, history.length, expected);
		assertThat(Predictor.of(shrunk).forecast(new double[][] { history }, 5)[0]).containsExactly(expected);
		double[] direct = Predictor.of(raw).predict(history);
		shrinkage.apply(history, history.length, direct);
		assertThat(Predictor.of(shrunk).predict(history)).containsExactly(direct);

		TrainedModel restored = ModelCodec.decode(ModelCodec.encode(shrunk));
		assertThat(restored.shrinkage().base()).isEqualTo(Shrinkage.SEASONAL_NAIVE);
		assertThat(restored.shrinkage().season()).isEqualTo(6);
		assertThat(restored.shrinkage().weight()).isEqualTo(0.3);
		assertThat(restored.shrinkage().damping()).isEqualTo(0.9);
		assertThat(Predictor.of(restored).forecast(new double[][] { history }, 5)[0]).containsExactly(expected);
		assertThat(ModelCodec.decode(ModelCodec.encode(raw)).shrinkage().identity()).isTrue();
	}

	@Test
	void validationForecastsAreTheModelsOwnFromEachOrigin() {
		double[] series = TrainedModelTests.sine(200);
		TrainedModel model = Trainer
			.train(TrainedModelTests.tiny("dense", 1, "mse", "adam"), series, TrainingMonitor.NONE, "")
			.model();
		double[][] forecasts = ValidationResiduals.forecasts(model, series, 24, 4);
		assertThat(forecasts).hasNumberOfRows(24);
		assertThat(forecasts[3]).hasSize(4)
			.containsExactly(
					Predictor.of(model).forecast(new double[][] { Arrays.copyOfRange(series, 164, 179) }, 4)[0]);
		Shrinkage fitted = ShrinkageFit.fit(series, 24, forecasts, 12, model.window());
		assertThat(fitted.mae()).isLessThanOrEqualTo(Math.min(fitted.baseMae(), fitted.networkMae()));
		// shrinking the forecasts in place gives the shrunk model's residuals (the worker
		// does not forecast the validation part twice)
		Shrinkage half = new Shrinkage(Shrinkage.SEASONAL_NAIVE, 12, 0.5, 1.0, 0, 0, 0, 0);
		for (int i = 0; i < forecasts.length; i++) {
			half.apply(series, 176 + i, forecasts[i]);
		}
		assertThat(ValidationResiduals.fromForecasts(forecasts, series, 24))
			.isDeepEqualTo(ValidationResiduals.compute(model.withShrinkage(half), series, 24, 4));
	}

}
