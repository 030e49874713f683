package dev.forecast.forecast;

import java.util.List;
import java.util.Map;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecastIntegrationTests extends IntegrationTest {

	private long sunspots;

	@BeforeEach
	void uploadSunspots() {
		Response created = http().postCsv("/series?name=sunspots", SharedData.SUNSPOTS);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.sunspots = created.id();
	}

	@Test
	void naiveContinuesMonthEndsWithWideningIntervals() {
		Response forecast = http().get("/forecast?series=" + this.sunspots + "&method=naive&horizon=3");

		assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
		assertThat(((Number) forecast.json("$.series")).longValue()).isEqualTo(this.sunspots);
		assertThat((String) forecast.json("$.method")).isEqualTo("naive");
		assertThat((Integer) forecast.json("$.horizon")).isEqualTo(3);
		assertThat((Map<String, Object>) forecast.json("$.params")).isEmpty();
		assertThat((Object) forecast.json("$.run")).isNull();
		assertThat((List<String>) forecast.json("$.points[*].t")).containsExactly("2018-08-31", "2018-09-30",
				"2018-10-31");
		assertThat((List<Double>) forecast.json("$.points[*].v")).containsExactly(1.6, 1.6, 1.6);
		List<Double> lower80 = numbers(forecast.json("$.points[*].intervals.80[0]"));
		List<Double> upper80 = numbers(forecast.json("$.points[*].intervals.80[1]"));
		List<Double> upper95 = numbers(forecast.json("$.points[*].intervals.95[1]"));
		assertThat(upper80.get(0) - lower80.get(0)).isPositive();
		assertThat(upper80.get(1) - lower80.get(1)).isGreaterThan(upper80.get(0) - lower80.get(0));
		assertThat(upper80.get(2) - lower80.get(2)).isGreaterThan(upper80.get(1) - lower80.get(1));
		assertThat(upper95.get(0)).isGreaterThan(upper80.get(0));
	}

	@Test
	void movingAverageOfTheLastThree() {
		Response forecast = http()
			.get("/forecast?series=" + this.sunspots + "&method=moving_average&window=3&horizon=1");

		assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
		// the last three sunspot values: 2018-05 13.2, 2018-06 15.9, 2018-07 1.6
		assertThat((Double) forecast.json("$.points[0].v")).isCloseTo((13.2 + 15.9 + 1.6) / 3, within(1e-9));
		assertThat((Integer) forecast.json("$.params.window")).isEqualTo(3);
	}

	@Test
	void seasonalNaiveAndDiffMovingAverageDefaultTheSeasonFromTheFrequency() {
		Response seasonal = http().get("/forecast?series=" + this.sunspots + "&method=seasonal_naive&horizon=2");
		Response diff = http().get("/forecast?series=" + this.sunspots
				+ "&method=diff_moving_average&window=5&smoothing=2&horizon=2&level=50,90");

		assertThat(seasonal.status()).as(seasonal.toString()).isEqualTo(200);
		assertThat((Integer) seasonal.json("$.params.season")).isEqualTo(12);
		// 2017-08 32.6, 2017-09 43.7 (the values one year before the forecast months)
		assertThat((List<Double>) seasonal.json("$.points[*].v")).containsExactly(32.6, 43.7);
		assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
		assertThat((Map<String, Object>) diff.json("$.params")).containsEntry("window", 5)
			.containsEntry("season", 12)
			.containsEntry("smoothing", 2);
		assertThat((Map<String, Object>) diff.json("$.points[0].intervals")).containsOnlyKeys("50", "90");
	}

	@Test
	void evaluationReproducesTheCourseSplit() {
		Response naive = http().get("/evaluation?series=" + this.sunspots + "&holdout=235&horizon=1&methods=naive");
		Response average = http().get(
				"/evaluation?series=" + this.sunspots + "&holdout=235&horizon=1&methods=naive,moving_average&window=3");

		assertThat(naive.status()).as(naive.toString()).isEqualTo(200);
		assertThat((Double) naive.json("$.results[0].mae")).isCloseTo(16.14, within(0.01));
		assertThat(average.status()).as(average.toString()).isEqualTo(200);
		assertThat((List<String>) average.json("$.results[*].method")).containsExactly("naive", "moving_average");
		assertThat((Double) average.json("$.results[1].mae")).isCloseTo(15.91, within(0.01));
		assertThat((String) average.json("$.best")).isEqualTo("moving_average");
		assertThat((Integer) average.json("$.results[1].forecasts")).isEqualTo(235);
		double mae = average.json("$.results[1].mae");
		double scale = average.json("$.maseScale");
		assertThat((Double) average.json("$.results[1].mase")).isCloseTo(mae / scale, within(1e-9));
		assertThat((Double) average.json("$.results[1].rmse")).isGreaterThanOrEqualTo(mae);
	}

	@Test
	void intervalsCoverTheLast235SunspotsAsTheyShould() {
		Response evaluation = http().get("/evaluation?series=" + this.sunspots
				+ "&holdout=235&horizon=1&methods=naive,moving_average&window=3&level=80,95");

		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		for (int i = 0; i < 2; i++) {
			assertThat((Double) evaluation.json("$.results[" + i + "].coverage.80")).isBetween(0.70, 0.90);
			assertThat((Double) evaluation.json("$.results[" + i + "].coverage.95")).isBetween(0.88, 0.99);
		}
	}

	@Test
	void defaultEvaluationComparesEveryUntrainedMethod() {
		Response evaluation = http().get("/evaluation?series=" + this.sunspots + "&holdout=12&horizon=3");

		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((List<String>) evaluation.json("$.results[*].method")).containsExactly("naive", "seasonal_naive",
				"moving_average", "diff_moving_average", "theta", "ets", "arima", "auto");
		assertThat((List<Integer>) evaluation.json("$.results[*].forecasts")).containsOnly(12);
		assertThat((List<String>) evaluation.json("$.notes")).anyMatch(note -> note.contains("fitted again"));
		assertThat((String) evaluation.json("$.best")).isIn("naive", "seasonal_naive", "moving_average",
				"diff_moving_average", "theta", "ets", "arima", "auto");
	}

	@Test
	void aForecastFollowsAppendedPoints() {
		Response created = http().postJson("/series", """
				{"name": "grows", "start": "2024-01-01", "frequency": "DAILY", "values": [1, 2, 3, 4]}""");
		String forecast = "/forecast?series=" + created.id() + "&method=naive&horizon=1";
		assertThat((Double) http().get(forecast).json("$.points[0].v")).isEqualTo(4.0);

		Response appended = http().postJson("/series/" + created.id() + "/points", """
				{"points": [{"t": "2024-01-05", "v": 9}]}""");
		assertThat(appended.status()).as(appended.toString()).isEqualTo(200);

		Response after = http().get(forecast);
		assertThat((Double) after.json("$.points[0].v")).isEqualTo(9.0);
		assertThat((String) after.json("$.points[0].t")).isEqualTo("2024-01-06");
	}

	@Test
	void anIrregularSeriesStepsByItsLastSpacingAndItsSeasonalMethodsDefaultToNoSeason() {
		Response created = http().postJson("/series",
				"""
						{"name": "irregular", "points": [{"t": "2024-01-01 00:00:00", "v": 1}, {"t": "2024-01-01 07:00:00", "v": 2},
						  {"t": "2024-01-01 10:00:00", "v": 3}, {"t": "2024-01-01 17:00:00", "v": 2},
						  {"t": "2024-01-01 20:00:00", "v": 4}, {"t": "2024-01-02 03:00:00", "v": 5},
						  {"t": "2024-01-02 06:00:00", "v": 4}, {"t": "2024-01-02 11:00:00", "v": 6}]}""");
		assertThat((Object) created.json("$.frequency")).as(created.toString()).isNull();

		Response forecast = http().get("/forecast?series=" + created.id() + "&method=naive&horizon=2");
		Response evaluation = http().get("/evaluation?series=" + created.id() + "&holdout=2&window=2");

		assertThat((List<String>) forecast.json("$.points[*].t")).containsExactly("2024-01-02T16:00:00",
				"2024-01-02T21:00:00");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((List<String>) evaluation.json("$.results[*].method")).contains("naive", "seasonal_naive",
				"moving_average", "diff_moving_average", "theta", "auto");
		assertThat((List<Integer>) evaluation.json("$.results[?(@.method == 'seasonal_naive')].params.season"))
			.containsExactly(1);
		Response seasonal = http().get("/forecast?series=" + created.id() + "&method=seasonal_naive&horizon=1");
		assertThat(seasonal.status()).as(seasonal.toString()).isEqualTo(200);
		assertThat((Double) seasonal.json("$.points[0].v")).isEqualTo(6.0);
	}

	@Test
	void parametersThatDoNotFitTheSeriesAreNamed() {
		// parameters wrong whatever the series are ForecastRequestTests'
		String base = "/forecast?series=" + this.sunspots;
		assertBadParameter(base + "&method=moving_average&window=0", "window");
		assertBadParameter(base + "&method=moving_average&window=3236", "window");
		assertBadParameter(base + "&method=naive&horizon=0", "horizon");
		assertBadParameter(base + "&method=naive&horizon=1001", "horizon");
		assertBadParameter(base + "&method=seasonal_naive&season=3235", "season");
		assertBadParameter(base + "&method=seasonal_naive&season=-1", "season");
		assertBadParameter(base + "&method=diff_moving_average&smoothing=12", "smoothing");
		assertBadParameter("/evaluation?series=" + this.sunspots + "&holdout=0", "holdout");
		assertBadParameter("/evaluation?series=" + this.sunspots + "&holdout=3234&methods=moving_average&window=3",
				"holdout");
	}

	@Test
	void unknownSeriesIsNotFound() {
		Response forecast = http().get("/forecast?series=987654321&method=naive&horizon=3");
		Response evaluation = http().get("/evaluation?series=987654321&holdout=10");

		assertThat(forecast.status()).isEqualTo(404);
		assertThat(forecast.header("Content-Type")).startsWith("application/problem+json");
		assertThat(evaluation.status()).isEqualTo(404);
	}

	@Test
	void neuralIsAConflictUntilAModelIsTrained() {
		Response forecast = http().get("/forecast?series=" + this.sunspots + "&method=neural&horizon=3");

		assertThat(forecast.status()).as(forecast.toString()).isEqualTo(409);
		assertThat((String) forecast.json("$.detail")).contains("no succeeded training run");
	}

	private static List<Double> numbers(List<Number> numbers) {
		return numbers.stream().map(Number::doubleValue).toList();
	}

	private void assertBadParameter(String path, String parameter) {
		Response response = http().get(path);
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
		assertThat((List<String>) response.json("$.errors[*].field")).as(path + " -> " + response).contains(parameter);
	}

}
