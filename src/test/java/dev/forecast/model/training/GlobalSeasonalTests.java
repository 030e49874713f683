package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.Seasonality;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A global model trained on seasonally adjusted members (the default with a season) and
 * served the same way: its networks forecast the adjusted history and the forecasts are
 * multiplied back by the history's own indices, so they carry its season; the adjustment
 * is stored with the model.
 */
class GlobalSeasonalTests {

	@Test
	void forecastsCarryTheSeasonOfEachHistory() {
		List<double[]> members = GlobalTrainerTests.members();
		double[] history = members.get(2); // 150 points at 3000, no trend
		double[] season = new double[12];
		for (int k = 0; k < 12; k++) {
			season[k] = Math.sin(2 * Math.PI * (history.length + k) / GlobalTrainerTests.SEASON);
		}
		TrainedModel adjusted = train(members, true);
		assertThat(adjusted.seasonalPeriod()).isEqualTo(GlobalTrainerTests.SEASON);
		double[] forecast = Predictor.of(adjusted).forecast(new double[][] { history }, 12)[0];
		assertThat(correlation(forecast, season)).isGreaterThan(0.9);
		// served: the networks on the adjusted history, times the indices the cycle goes
		// on with
		Seasonality.Adjusted adjustedHistory = Seasonality.adjust(history, history.length, GlobalTrainerTests.SEASON);
		assertThat(adjustedHistory.seasonal()).isTrue();
		double[] networks = Predictor.of(adjusted.withSeasonalPeriod(0))
			.forecast(new double[][] { adjustedHistory.values() }, 12)[0];
		for (int k = 0; k < 12; k++) {
			assertThat(forecast[k]).isCloseTo(networks[k] * adjustedHistory.index(history.length + k),
					within(1e-9 * Math.abs(forecast[k])));
		}
		assertThat(train(members, false).seasonalPeriod()).isZero();
		TrainedModel again = ModelCodec.decode(ModelCodec.encode(adjusted));
		assertThat(again.seasonalPeriod()).isEqualTo(GlobalTrainerTests.SEASON);
		assertThat(Predictor.of(again).forecast(new double[][] { history }, 12)[0]).containsExactly(forecast);
	}

	private static TrainedModel train(List<double[]> members, boolean seasonal) {
		GlobalTrainer.Options options = new GlobalTrainer.Options(8, 16, 1.0, 1, false, List.of(), seasonal);
		return GlobalTrainer
			.train(GlobalTrainerTests.spec().toBuilder().epochs(2).build(), members, TrainingMonitor.NONE, "{}",
					options)
			.model();
	}

	static double correlation(double[] a, double[] b) {
		double ma = java.util.Arrays.stream(a).average().orElse(0);
		double mb = java.util.Arrays.stream(b).average().orElse(0);
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - ma) * (b[i] - mb);
			aa += (a[i] - ma) * (a[i] - ma);
			bb += (b[i] - mb) * (b[i] - mb);
		}
		return ab / Math.sqrt(aa * bb);
	}

}
