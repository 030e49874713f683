package dev.forecast.forecast;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code auto} with a trained run: the run joins the classical members only when it beats
 * naive on its validation ({@code metrics.vsNaive}, set here in the database to either
 * side of 1), and only in forecasts, never in backtests.
 */
class AutoNeuralForecastIntegrationTests extends InProcessTrainingIntegrationTest {

	private static long series;

	private static long run;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void trainOnce() {
		if (run == 0) {
			series = upload(120);
			run = train(series);
		}
	}

	@Test
	void aRunThatBeatsNaiveIsTheFourthMemberOfTheMean() {
		setVsNaive(0.8, false);
		int horizon = 5;
		TestHttp.Response auto = http().get("/forecast?series=" + series + "&method=auto&horizon=" + horizon);
		assertThat(auto.status()).as(auto.toString()).isEqualTo(200);
		assertThat((List<String>) auto.json("$.params.combined")).containsExactly("arima", "ets", "theta", "neural");
		assertThat(((Number) auto.json("$.params.members.neural.run")).longValue()).isEqualTo(run);
		assertThat(((Number) auto.json("$.params.members.neural.vsNaive")).doubleValue()).isEqualTo(0.8);
		assertThat(((Number) auto.json("$.params.neural.run")).longValue()).isEqualTo(run);
		assertThat((Map<String, Object>) auto.json("$.params")).doesNotContainKey("dropped");

		double[] mean = new double[horizon];
		for (String method : List.of("ets", "arima", "theta", "neural")) {
			List<Double> values = values(
					http().get("/forecast?series=" + series + "&method=" + method + "&horizon=" + horizon));
			for (int k = 0; k < horizon; k++) {
				mean[k] += values.get(k) / 4;
			}
		}
		List<Double> combined = values(auto);
		for (int k = 0; k < horizon; k++) {
			assertThat(combined.get(k)).as("step %d", k + 1).isCloseTo(mean[k], within(1e-6 * (1 + Math.abs(mean[k]))));
			List<Double> i80 = numbers(auto, "$.points[" + k + "].intervals.80");
			assertThat(i80.get(0)).isLessThan(combined.get(k));
			assertThat(i80.get(1)).isGreaterThan(combined.get(k));
		}

		TestHttp.Response evaluation = http()
			.get("/evaluation?series=" + series + "&holdout=6&horizon=2&methods=theta,auto");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((String) evaluation.json("$.results[1].params.neural.use")).contains("backtests leave");
	}

	@Test
	void aRunThatLosesToNaiveIsDroppedWithTheReason() {
		setVsNaive(1.08, true);
		TestHttp.Response auto = http().get("/forecast?series=" + series + "&method=auto&horizon=3");
		assertThat(auto.status()).as(auto.toString()).isEqualTo(200);
		assertThat((List<String>) auto.json("$.params.combined")).containsExactly("arima", "ets", "theta");
		assertThat((String) auto.json("$.params.dropped.neural"))
			.isEqualTo("run " + run + " loses to naive on its validation (1.08×)");
		assertThat((String) auto.json("$.params.neural.dropped")).isEqualTo(auto.json("$.params.dropped.neural"));
	}

	@Test
	void aSeriesWithoutRunsKeepsTheThreeClassicalMembers() {
		long other = upload(60);
		TestHttp.Response auto = http().get("/forecast?series=" + other + "&method=auto&horizon=3");
		assertThat(auto.status()).as(auto.toString()).isEqualTo(200);
		assertThat((List<String>) auto.json("$.params.combined")).containsExactly("arima", "ets", "theta");
		assertThat((Map<String, Object>) auto.json("$.params.dropped")).containsEntry("neural", "no succeeded run");
	}

	private void setVsNaive(double ratio, boolean worse) {
		String vsNaive = String.format(Locale.ROOT,
				"{\"ratio\": %s, \"baseline\": \"naive\", \"worse\": %s, \"naive\": 1.0}", ratio, worse);
		int updated = this.jdbc
			.sql("update training_run set metrics = jsonb_set(metrics, '{vsNaive}', cast(? as jsonb)) where id = ?")
			.params(vsNaive, run)
			.update();
		assertThat(updated).isEqualTo(1);
	}

	private static List<Double> values(TestHttp.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return numbers(response, "$.points[*].v");
	}

	private static List<Double> numbers(TestHttp.Response response, String path) {
		List<Object> values = response.json(path);
		return values.stream().map(v -> ((Number) v).doubleValue()).toList();
	}

	private long upload(int n) {
		return NeuralForecastIntegrationTests.upload(http(), "auto-neural-test", n);
	}

	private long train(long seriesId) {
		return NeuralForecastIntegrationTests.train(http(), seriesId);
	}

}
