package dev.forecast.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class NeuralForecastIntegrationTests extends InProcessTrainingIntegrationTest {

	/** A tiny dense model emitting 3 steps per pass. */
	private static final String SPEC = "\"model\":\"dense\",\"units\":8,\"window\":12,\"horizon\":3,\"validation\":24,"
			+ "\"epochs\":2,\"batchSize\":32,\"optimizer\":{\"type\":\"adam\",\"learningRate\":0.01},"
			+ "\"earlyStopping\":{\"patience\":0}";

	private static long series;

	private static long run;

	@Autowired
	private TrainedModels models;

	@BeforeEach
	void trainOnce() {
		if (run == 0) {
			series = upload(200);
			run = train(series);
		}
	}

	@Test
	void forecastsWithTheBestRunRecursivelyBeyondItsHorizonWithWideningIntervals() {
		TestHttp.Response response = http().get("/forecast?series=" + series + "&method=neural&horizon=7");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(((Number) response.json("$.run")).longValue()).isEqualTo(run);
		assertThat(((Number) response.json("$.params.run")).longValue()).isEqualTo(run);
		// a short series: an ensemble of three networks, counted as the run trained them
		TestHttp.Response trained = http().get("/runs/" + run);
		assertThat((Integer) trained.json("$.progress.networks")).isEqualTo(3);
		assertThat((Integer) trained.json("$.progress.networksDone")).isEqualTo(3);
		assertThat((Integer) response.json("$.params.modelHorizon")).isEqualTo(3);
		assertThat((Integer) response.json("$.params.window")).isEqualTo(12);
		List<Double> values = numbers(response, "$.points[*].v");
		assertThat(values).hasSize(7);
		assertThat((String) response.json("$.points[0].t")).isEqualTo("2016-09-30");

		double[] history = lastValues(12);
		double[] expected = this.models.forRun(run).forecast(history, 7);
		for (int k = 0; k < 7; k++) {
			assertThat(values.get(k)).isCloseTo(expected[k], within(1e-9));
		}
		List<Double> three = numbers(http().get("/forecast?series=" + series + "&method=neural&horizon=3&run=" + run),
				"$.points[*].v");
		assertThat(three).containsExactlyElementsOf(values.subList(0, 3));

		double previous80 = 0;
		for (int k = 0; k < 7; k++) {
			List<Double> i80 = numbers(response, "$.points[" + k + "].intervals.80");
			List<Double> i95 = numbers(response, "$.points[" + k + "].intervals.95");
			double width80 = i80.get(1) - i80.get(0);
			assertThat(i80.get(0) + i80.get(1)).isCloseTo(2 * values.get(k), within(1e-6));
			assertThat(width80).isPositive().isGreaterThanOrEqualTo(previous80 - 1e-9);
			assertThat(i95.get(1) - i95.get(0)).isGreaterThanOrEqualTo(width80);
			previous80 = width80;
		}
	}

	@Test
	void answersNoRunUnknownRunAndAnotherSeriesRunWithProblemDetails() {
		long other = upload(60);
		TestHttp.Response none = http().get("/forecast?series=" + other + "&method=neural");
		assertThat(none.status()).isEqualTo(409);
		assertThat((String) none.json("$.detail")).contains("POST /train");
		assertThat(http().get("/forecast?series=" + series + "&method=neural&run=987654321").status()).isEqualTo(404);
		TestHttp.Response foreign = http().get("/forecast?series=" + other + "&method=neural&run=" + run);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat((List<String>) foreign.json("$.errors[*].field")).containsExactly("run");
		assertThat(http().get("/evaluation?series=" + other + "&holdout=10&horizon=2&run=" + run).status())
			.isEqualTo(400);
	}

	@Test
	void concurrentForecastsEqualTheSingleThreadedOnes() throws Exception {
		List<String> urls = new ArrayList<>();
		for (int horizon : new int[] { 1, 3, 5, 12 }) {
			urls.add("/forecast?series=" + series + "&method=neural&horizon=" + horizon + "&level=50,90");
		}
		List<List<Double>> expected = new ArrayList<>();
		for (String url : urls) {
			expected.add(numbers(http().get(url), "$.points[*].v"));
		}
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<TestHttp.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 80; i++) {
				String url = urls.get(i % urls.size());
				answers.add(clients.submit(() -> http().get(url)));
			}
			for (int i = 0; i < answers.size(); i++) {
				TestHttp.Response answer = answers.get(i).get();
				assertThat(answer.status()).isEqualTo(200);
				List<Double> values = numbers(answer, "$.points[*].v");
				List<Double> wanted = expected.get(i % urls.size());
				// requests answered together share a network pass: equal up to float32
				// rounding (see ModelServerTests)
				assertThat(values).hasSameSizeAs(wanted);
				for (int k = 0; k < values.size(); k++) {
					assertThat(values.get(k)).as("answer %d step %d", i, k).isCloseTo(wanted.get(k), within(1e-3));
				}
			}
		}
		finally {
			clients.shutdown();
		}
	}

	@Test
	void evaluationComparesNeuralWithTheBaselinesOnTheSameHoldout() {
		TestHttp.Response evaluation = http().get("/evaluation?series=" + series + "&holdout=20&horizon=4");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		List<String> methods = evaluation.json("$.results[*].method");
		assertThat(methods).contains("naive", "moving_average", "neural");
		assertThat(numbers(evaluation, "$.results[?(@.method == 'neural')].params.run")).containsExactly((double) run);
		assertThat((List<Integer>) evaluation.json("$.results[*].forecasts")).containsOnly(20);
		List<Double> coverage = numbers(evaluation, "$.results[?(@.method == 'neural')].coverage.95");
		assertThat(coverage).hasSize(1);
		assertThat(coverage.get(0)).isBetween(0.0, 1.0);
		List<String> notes = evaluation.json("$.notes");
		assertThat(notes).anyMatch(note -> note.startsWith("neural: Its intervals are calibrated"));

		// the neural backtest equals forecasts made one origin at a time
		double mae = numbers(evaluation, "$.results[?(@.method == 'neural')].mae").get(0);
		double[] x = lastValues(200);
		double sum = 0;
		for (int t = 180; t < 200; t++) {
			int origin = t - 3;
			double[] history = java.util.Arrays.copyOfRange(x, origin - 12, origin);
			sum += Math.abs(x[t] - this.models.forRun(run).forecast(history, 4)[3]);
		}
		assertThat(mae).isCloseTo(sum / 20, within(1e-6));

		long fresh = upload(60);
		List<String> withoutRun = http().get("/evaluation?series=" + fresh + "&holdout=10").json("$.results[*].method");
		assertThat(withoutRun).doesNotContain("neural").contains("naive");
		assertThat(http().get("/evaluation?series=" + fresh + "&holdout=10&methods=neural").status()).isEqualTo(409);
	}

	@Test
	void aDeletedRunIsNoLongerServed() {
		long own = upload(120);
		long first = train(own);
		assertThat(http().get("/forecast?series=" + own + "&method=neural&run=" + first).status()).isEqualTo(200);
		assertThat(this.models.isLoaded(first)).isTrue();
		assertThat(http().delete("/runs/" + first).status()).isEqualTo(204);
		assertThat(this.models.isLoaded(first)).isFalse();
		assertThat(http().get("/forecast?series=" + own + "&method=neural&run=" + first).status()).isEqualTo(404);
		assertThat(http().get("/forecast?series=" + own + "&method=neural").status()).isEqualTo(409);

		long second = train(own);
		assertThat(http().get("/forecast?series=" + own + "&method=neural").status()).isEqualTo(200);
		assertThat(this.models.isLoaded(second)).isTrue();
		assertThat(http().delete("/series/" + own).status()).isEqualTo(204);
		assertThat(this.models.isLoaded(second)).isFalse();
	}

	private double[] lastValues(int n) {
		List<Double> values = numbers(http().get("/series/" + series + "/points"), "$.points[*].v");
		return values.subList(values.size() - n, values.size()).stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static List<Double> numbers(TestHttp.Response response, String path) {
		List<Object> values = response.json(path);
		return values.stream().map(v -> ((Number) v).doubleValue()).toList();
	}

	private long upload(int n) {
		return upload(http(), "neural-test", n);
	}

	private long train(long seriesId) {
		return train(http(), seriesId);
	}

	/** A monthly series of {@code n} points: a 12-month season, a small saw, no trend. */
	static long upload(TestHttp http, String name, int n) {
		String values = IntStream.range(0, n)
			.mapToObj(i -> String.format(Locale.ROOT, "%.3f", 50 + 30 * Math.sin(i * 2 * Math.PI / 12) + (i * 7 % 5)))
			.collect(Collectors.joining(","));
		TestHttp.Response response = http.postJson("/series", "{\"name\":\"" + name
				+ "\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + values + "]}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	/** Trains {@link #SPEC} on {@code seriesId} and waits until it succeeded. */
	static long train(TestHttp http, long seriesId) {
		TestHttp.Response accepted = http.postJson("/train", "{\"series\":" + seriesId + "," + SPEC + "}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		long id = accepted.id();
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String status = http.get("/runs/" + id).json("$.status");
			assertThat(status).isNotIn("FAILED", "CANCELLED");
			return "SUCCEEDED".equals(status);
		});
		return id;
	}

}
