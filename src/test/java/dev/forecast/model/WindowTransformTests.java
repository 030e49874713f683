package dev.forecast.model;

import dev.forecast.model.serving.Predictor;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.TrainingResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindowTransformTests {

	private static double[] trendAndSeason(int n) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = 100 + 3 * i + 20 * Math.sin(2 * Math.PI * i / 12) + (i % 5) * 0.7;
		}
		return values;
	}

	@Test
	void targetsRestoreToTheSeriesForEveryNormalizationAndLag() {
		double[] series = trendAndSeason(120);
		int window = 30;
		int horizon = 15;
		for (String normalization : Scaler.TYPES) {
			for (int lag : new int[] { 0, 1, 12 }) {
				WindowTransform transform = WindowTransform.fit(normalization, lag, series, 90);
				float[] input = new float[transform.inputs(window)];
				float[] labels = new float[horizon];
				int from = 70;
				WindowTransform.Stats stats = transform.input(series, from, window, input, 0);
				transform.target(series, from, window, horizon, stats, labels, 0);
				double[] restored = transform.restore(series, from, window, labels, 0, horizon, stats);
				for (int k = 0; k < horizon; k++) {
					assertThat(restored[k]).as("%s lag %d step %d", normalization, lag, k)
						.isCloseTo(series[from + window + k], within(1e-3 * Math.abs(series[from + window + k])));
				}
			}
		}
	}

	@Test
	void windowNormalizationIsScaleFree() {
		double[] series = trendAndSeason(120);
		double[] moved = new double[series.length];
		for (int i = 0; i < series.length; i++) {
			moved[i] = 5000 + 40 * series[i];
		}
		WindowTransform a = WindowTransform.fit("window", 0, series, 100);
		WindowTransform b = WindowTransform.fit("window", 0, moved, 100);
		float[] x = new float[24];
		float[] y = new float[24];
		a.input(series, 50, 24, x, 0);
		b.input(moved, 50, 24, y, 0);
		for (int j = 0; j < 24; j++) {
			assertThat(y[j]).isCloseTo(x[j], within(1e-4f));
		}
		// the last value is the offset: the naive forecast is an output of 0
		assertThat(x[23]).isZero();
		assertThat(a.restore(series, 50, 24, new float[1], 0, 1, a.input(series, 50, 24, x, 0))[0])
			.isEqualTo(series[73]);
	}

	@Test
	void aWindowNormalizedNetworkFollowsATrendBeyondItsTrainingRange() {
		double[] series = trendAndSeason(260);
		TrainSpec spec = TrainSpec.builder()
			.model("dense")
			.units(16)
			.window(24)
			.horizon(1)
			.validation(40)
			.epochs(20)
			.batchSize(16)
			.seed(1)
			.prefetch(0)
			.normalization("window")
			.loss("mse")
			.optimizer(TrainSpec.Optimizer.defaults("adam", 0.01))
			.earlyStopping(new TrainSpec.EarlyStopping(0, 0, "valMae"))
			.build();
		TrainingResult result = Trainer.train(spec, series, new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return false;
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
			}

		}, "");
		// the validation part lies above every training value; the naive forecast is off
		// by the trend and season
		assertThat(result.vsNaive().ratio()).isLessThan(0.5);
		assertThat(result.vsNaive().worse()).isFalse();
		double[] next = Predictor.of(result.model()).forecast(new double[][] { series }, 1)[0];
		assertThat(next[0]).isCloseTo(trendAndSeason(261)[260], within(8.0));
	}

}
