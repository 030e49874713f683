package dev.forecast.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * {@code theta} and {@code auto} through HTTP: R forecast 8.20's known answers on the
 * airline passengers (trained on 1949-1959, forecasting 1960), backtests that refit on
 * the data before each origin only, defaults on short series, and bad parameters.
 */
class ClassicalForecastIntegrationTests extends IntegrationTest {

	@Test
	void thetaForecasts1960AsRsThetaf() throws IOException {
		long series = upload("airline-1959", 132);

		Response forecast = http().get("/forecast?series=" + series + "&method=theta&horizon=12");

		assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
		assertThat((String) forecast.json("$.method")).isEqualTo("theta");
		assertThat((List<String>) forecast.json("$.points[*].t")).startsWith("1960-01-01", "1960-02-01")
			.endsWith("1960-12-01");
		List<Double> values = numbers(forecast.json("$.points[*].v"));
		assertThat(values.get(0)).isCloseTo(411.33, withinPercentage(1));
		assertThat(mae(values, actual1960())).isCloseTo(26.33, withinPercentage(1));
		assertThat((Map<String, Object>) forecast.json("$.params")).containsEntry("season", 12)
			.containsEntry("seasonal", true)
			.containsKeys("model", "alpha", "drift");
		List<Double> lower = numbers(forecast.json("$.points[*].intervals.95[0]"));
		List<Double> upper = numbers(forecast.json("$.points[*].intervals.95[1]"));
		List<Double> upper80 = numbers(forecast.json("$.points[*].intervals.80[1]"));
		for (int k = 0; k < 12; k++) {
			assertThat(lower.get(k)).isLessThan(values.get(k));
			assertThat(upper.get(k)).isGreaterThan(upper80.get(k)).isGreaterThan(values.get(k));
			assertThat(upper.get(k) - values.get(k)).isCloseTo(values.get(k) - lower.get(k), within(1e-6));
		}
		assertThat(upper.get(11) - lower.get(11)).isGreaterThan(upper.get(0) - lower.get(0));
	}

	@Test
	void autoIsTheDefaultAndSaysWhatItCombined() throws IOException {
		long series = upload("airline-auto", 132);

		Response forecast = http().get("/forecast?series=" + series + "&horizon=12");

		assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
		assertThat((String) forecast.json("$.method")).isEqualTo("auto");
		assertThat((List<String>) forecast.json("$.params.combined")).containsExactly("arima", "ets", "theta");
		assertThat((String) forecast.json("$.params.model")).isEqualTo("mean of arima, ets, theta");
		assertThat((String) forecast.json("$.params.rule")).isEqualTo("mean");
		assertThat((String) forecast.json("$.params.why")).contains("mean");
		assertThat((Map<String, Object>) forecast.json("$.params.members")).containsOnlyKeys("arima", "ets", "theta");
		assertThat((Map<String, Object>) forecast.json("$.points[0].intervals")).containsOnlyKeys("80", "95");
		// better than the naive (76.00) and seasonal naive (47.83) forecasts of 1960
		assertThat(mae(numbers(forecast.json("$.points[*].v")), actual1960())).isLessThan(35);
	}

	@Test
	void aBacktestRefitsOnTheDataBeforeEachOriginOnly() throws IOException {
		long whole = upload("airline-whole", 144);
		long before = upload("airline-before-1960", 132);

		Response evaluation = http().get("/evaluation?series=" + whole + "&holdout=1&horizon=12&methods=theta,auto");
		Response forecast = http().get("/forecast?series=" + before + "&method=theta&horizon=12");

		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		// 1960-12 forecast 12 steps ahead from the end of 1959: the forecast of the
		// series cut there
		double december = numbers(forecast.json("$.points[*].v")).get(11);
		assertThat((Double) evaluation.json("$.results[0].mae")).isCloseTo(Math.abs(432 - december), within(1e-6));
		assertThat((List<String>) evaluation.json("$.results[*].method")).containsExactly("theta", "auto");
		assertThat((List<String>) evaluation.json("$.notes")).anyMatch(note -> note.contains("fitted again"));
	}

	@Test
	void thetaBeatsTheNaiveMethodsOnTheLastThreeYearsOneStepAhead() throws IOException {
		long series = upload("airline-backtest", 144);

		Response evaluation = http()
			.get("/evaluation?series=" + series + "&holdout=36&horizon=1&methods=naive,seasonal_naive,theta,auto");

		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		List<Double> mae = numbers(evaluation.json("$.results[*].mae"));
		assertThat(mae.get(2)).isLessThan(mae.get(0)).isLessThan(mae.get(1));
		assertThat((List<Integer>) evaluation.json("$.results[*].forecasts")).containsOnly(36);
		assertThat((Map<String, Object>) evaluation.json("$.results[2].coverage")).containsOnlyKeys("80", "95");
	}

	@Test
	void everyMethodAnswersWithItsDefaultsOnThreePointsAndOnAShortSeries() {
		long three = http().postJson("/series", """
				{"name": "three", "start": "2024-01-01", "frequency": "MONTHLY", "values": [10, 12, 11]}""").id();
		long short_ = http().postJson("/series", """
				{"name": "short", "start": "2024-01-01", "frequency": "MONTHLY",
				 "values": [10, 12, 11, 13, 15, 14, 16, 18, 17, 19, 21, 20, 22, 24]}""").id();
		for (long series : new long[] { three, short_ }) {
			for (String method : List.of("auto", "theta", "naive", "seasonal_naive", "moving_average",
					"diff_moving_average")) {
				Response forecast = http().get("/forecast?series=" + series + "&method=" + method + "&horizon=4");
				assertThat(forecast.status()).as(method + " on " + series + ": " + forecast).isEqualTo(200);
				assertThat(numbers(forecast.json("$.points[*].v"))).as(method).hasSize(4);
			}
		}
		Response evaluation = http().get("/evaluation?series=" + short_ + "&holdout=3");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((List<String>) evaluation.json("$.results[*].method")).contains("naive", "theta", "auto");
		// a season's moving average needs 12 points before the first of the 3 forecasts:
		// skipped, saying why
		assertThat((List<String>) evaluation.json("$.skipped[?(@.method == 'moving_average')].reason")).singleElement()
			.asString()
			.contains("holdout");
	}

	@Test
	void badParametersAreProblemDetails() throws IOException {
		long series = upload("airline-bad", 132);
		String base = "/forecast?series=" + series;

		assertBadParameter(base + "&method=theta&season=0", "season");
		assertBadParameter(base + "&method=theta&season=132", "season");
		assertBadParameter(base + "&method=auto&horizon=0", "horizon");
		assertBadParameter(base + "&method=theta&level=100", "level");
		assertBadParameter("/evaluation?series=" + series + "&methods=theta,prophet", "methods");
		assertBadParameter("/evaluation?series=" + series + "&methods=theta&holdout=131", "holdout");
	}

	private long upload(String name, int points) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.AIRLINE).subList(0, points + 1);
		Response created = http().postCsv("/series?name=" + name, String.join("\n", lines) + "\n");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private static List<Double> actual1960() throws IOException {
		return Files.readAllLines(SharedData.AIRLINE)
			.subList(133, 145)
			.stream()
			.map(line -> Double.parseDouble(line.split(",")[1]))
			.toList();
	}

	private static double mae(List<Double> forecast, List<Double> actual) {
		double sum = 0;
		for (int i = 0; i < actual.size(); i++) {
			sum += Math.abs(actual.get(i) - forecast.get(i));
		}
		return sum / actual.size();
	}

	private static List<Double> numbers(List<Number> numbers) {
		return numbers.stream().map(Number::doubleValue).toList();
	}

	private void assertBadParameter(String path, String parameter) {
		Response response = http().get(path);
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((List<String>) response.json("$.errors[*].field")).as(path + " -> " + response).contains(parameter);
	}

}
