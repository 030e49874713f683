package dev.forecast.forecast;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Forecasts on a million-point series. That they read only the tail is asserted by
 * {@link ForecastServiceTests#aForecastOnAMillionPointsReadsOnlyTheTail}; this checks the
 * answers end to end over real storage, where the tail spans a chunk boundary.
 */
class LongSeriesForecastIntegrationTests extends IntegrationTest {

	private static final int LENGTH = 1_000_000;

	@Test
	void naiveAndThirtyPointMovingAverageOnAMillionPoints() {
		StringBuilder json = new StringBuilder(LENGTH * 8).append(
				"{\"name\": \"million\", \"start\": \"2000-01-01 00:00:00\", \"frequency\": \"HOURLY\", \"values\": [");
		for (int i = 0; i < LENGTH; i++) {
			json.append(i == 0 ? "" : ",").append(i % 1000);
		}
		Response created = http().postJson("/series", json.append("]}").toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((Integer) created.json("$.length")).isEqualTo(LENGTH);

		Response naive = http().get("/forecast?series=" + created.id() + "&method=naive&horizon=2");
		Response average = http()
			.get("/forecast?series=" + created.id() + "&method=moving_average&window=30&horizon=1");

		assertThat(naive.status()).as(naive.toString()).isEqualTo(200);
		assertThat(((Number) naive.json("$.points[0].v")).doubleValue()).isEqualTo(999);
		// 2000-01-01T00:00 + 999,999 hours is 2114-01-29T15:00; the forecast starts one
		// hour later
		assertThat((String) naive.json("$.points[0].t")).isEqualTo("2114-01-29T16:00:00");
		assertThat((String) naive.json("$.points[1].t")).isEqualTo("2114-01-29T17:00:00");
		assertThat(average.status()).as(average.toString()).isEqualTo(200);
		// the last 30 values are 970 ... 999
		assertThat(((Number) average.json("$.points[0].v")).doubleValue()).isCloseTo(984.5, within(1e-9));
	}

}
