package dev.forecast.tuning;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TuningIntegrationTests extends InProcessTrainingIntegrationTest {

	private long upload(int n) {
		String values = IntStream.range(0, n)
			.mapToObj(i -> String.format(Locale.ROOT, "%.3f", 50 + 30 * Math.sin(i * 2 * Math.PI / 12) + (i * 7 % 5)))
			.collect(Collectors.joining(","));
		TestHttp.Response response = http().postJson("/series",
				"{\"name\":\"tuning-test\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + values
						+ "]}");
		assertThat(response.status()).isEqualTo(201);
		return response.id();
	}

	private static String tune(long series, int trials, long seed) {
		return "{\"series\":" + series + ",\"trials\":" + trials + ",\"seed\":" + seed
				+ ",\"base\":{\"model\":\"dense\",\"validation\":24,\"epochs\":2,\"earlyStopping\":{\"patience\":0}},"
				+ "\"space\":{\"learningRate\":{\"min\":0.001,\"max\":0.05,\"log\":true},\"units\":{\"values\":[4,8]},"
				+ "\"layers\":{\"min\":1,\"max\":2},\"batchSize\":{\"values\":[16,32]},\"dropout\":{\"min\":0,\"max\":0.3},"
				+ "\"window\":{\"values\":[6,12]}}}";
	}

	@Test
	void trialsAreOrdinaryRunsAndTheBestIsTheLowestValMae() {
		long series = upload(150);
		TestHttp.Response accepted = http().postJson("/tune", tune(series, 3, 11));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		long id = accepted.id();
		assertThat(accepted.header("Location")).isEqualTo("/tune/" + id);
		assertThat((Integer) accepted.json("$.series")).isEqualTo((int) series);
		List<Integer> runs = accepted.json("$.trials[*].run");
		assertThat(runs).hasSize(3).doesNotContainNull();
		// each trial is a run with its sampled params in its spec
		Map<String, Object> params = accepted.json("$.trials[0].params");
		TestHttp.Response run = http().get("/runs/" + runs.get(0));
		assertThat((Integer) run.json("$.spec.window")).isEqualTo(params.get("window"));
		assertThat((Integer) run.json("$.spec.batchSize")).isEqualTo(params.get("batchSize"));
		assertThat(((Number) run.json("$.spec.optimizer.learningRate")).doubleValue())
			.isEqualTo(((Number) params.get("learningRate")).doubleValue());
		assertThat((List<?>) run.json("$.spec.layers")).hasSize((Integer) params.get("layers"));

		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> List.of("SUCCEEDED", "FAILED").contains(http().get("/tune/" + id).json("$.status")));
		TestHttp.Response done = http().get("/tune/" + id);
		assertThat((String) done.json("$.status")).as(done.body()).isEqualTo("SUCCEEDED");
		List<Double> maes = done.json("$.trials[*].valMae");
		double best = ((Number) done.json("$.best.valMae")).doubleValue();
		assertThat(best).isEqualTo(maes.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
		assertThat((Integer) done.json("$.best.run")).isIn(runs);
	}

	@Test
	void theSameSeedSamplesTheSameTrials() {
		long series = upload(150);
		TestHttp.Response a = http().postJson("/tune", tune(series, 2, 5));
		TestHttp.Response b = http().postJson("/tune", tune(series, 2, 5));
		TestHttp.Response c = http().postJson("/tune", tune(series, 2, 6));
		List<Object> paramsA = a.json("$.trials[*].params");
		assertThat((List<Object>) b.json("$.trials[*].params")).isEqualTo(paramsA);
		assertThat((List<Object>) c.json("$.trials[*].params")).isNotEqualTo(paramsA);
		assertThat((Integer) a.json("$.seed")).isEqualTo(5);
		for (TestHttp.Response r : List.of(a, b, c)) {
			for (Object run : (List<?>) r.json("$.trials[*].run")) {
				http().post("/runs/" + run + "/cancel", "application/json", "");
			}
		}
	}

	@Test
	void badSearchesAnswer400NamingTheField() {
		long series = upload(100);
		assertField("{\"series\":" + series + ",\"space\":{}}", "space");
		assertField("{\"series\":" + series + ",\"trials\":0,\"space\":{\"units\":{\"values\":[4]}}}", "trials");
		assertField("{\"series\":" + series + ",\"space\":{\"dropout\":{\"min\":0,\"max\":1}}}", "space.dropout");
		assertField("{\"series\":" + series + ",\"space\":{\"units\":{\"values\":[]}}}", "space.units.values");
		assertField("{\"series\":" + series + ",\"base\":{\"optimizer\":{\"learningRate\":-1}},"
				+ "\"space\":{\"units\":{\"values\":[4]}}}", "base.optimizer.learningRate");
		assertField(
				"{\"series\":" + series + ",\"base\":{\"validation\":20},\"space\":{\"window\":{\"values\":[500]}}}",
				"space.window");
		assertThat(http().get("/tune/999999999").status()).isEqualTo(404);
		assertThat(http().postJson("/tune", "{\"series\":999999999,\"space\":{\"units\":{\"values\":[4]}}}").status())
			.isEqualTo(404);
	}

	private void assertField(String body, String field) {
		TestHttp.Response response = http().postJson("/tune", body);
		assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
		List<String> fields = response.json("$.errors[*].field");
		assertThat(fields).as(response.toString()).contains(field);
	}

}
