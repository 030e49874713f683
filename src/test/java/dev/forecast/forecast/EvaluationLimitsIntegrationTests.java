package dev.forecast.forecast;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Costly evaluations are refused up front when their work estimate, which counts the
 * model's cost, is over {@code forecast.forecast.max-work}.
 */
@TestPropertySource(properties = "forecast.forecast.max-work=2000000000")
class EvaluationLimitsIntegrationTests extends IntegrationTest {

	@Test
	void anEvaluationEstimatedOverTheLimitIsRefusedNamingEstimateAndLimit() {
		long series = upload(http(), 12_000);
		try {
			// 10000 origins x 1000 steps x a window of 1000 values read: 1e10 > 2e9
			TestHttp.Response answer = http()
				.get("/evaluation?series=" + series + "&methods=moving_average&window=1000&holdout=10000&horizon=1000");

			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat((String) answer.json("$.detail")).contains("moving_average")
				.contains("1.00e+10")
				.contains("2.00e+09")
				.contains("forecast.forecast.max-work");

			// the same with a short window is within the limit
			TestHttp.Response small = http()
				.get("/evaluation?series=" + series + "&methods=moving_average&window=3&holdout=100&horizon=10");
			assertThat(small.status()).as(small.toString()).isEqualTo(200);
		}
		finally {
			http().delete("/series/" + series);
		}
	}

	static long upload(TestHttp http, int n) {
		String values = IntStream.range(0, n)
			.mapToObj(i -> String.format(Locale.ROOT, "%.2f", 100 + 10 * Math.sin(i / 7.0) + (i % 5)))
			.collect(Collectors.joining(","));
		TestHttp.Response created = http.postJson("/series",
				"{\"name\":\"limits\",\"start\":\"2000-01-01\",\"frequency\":\"DAILY\",\"values\":[" + values + "]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

}
