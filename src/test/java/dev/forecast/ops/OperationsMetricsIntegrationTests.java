package dev.forecast.ops;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import dev.forecast.training.TrainingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After an upload, a refused upload, forecasts, an evaluation and a small training run,
 * {@code /actuator/prometheus} carries the service's meters with their tags, and no label
 * holds a series id, a run id or an API key. Every line the training job writes carries
 * the run and series ids in its MDC.
 */
@TestPropertySource(properties = "forecast.security.api-keys=" + OperationsMetricsIntegrationTests.KEY + "=write")
class OperationsMetricsIntegrationTests extends IntegrationTest {

	static final String KEY = "ops-metrics-key-5c0f9e";

	private final List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			OperationsMetricsIntegrationTests.this.logged.add(event);
		}
	};

	@BeforeEach
	void capture() {
		this.appender.start();
		root().addAppender(this.appender);
	}

	@AfterEach
	void release() {
		root().detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void metricsCarryNamesAndTagsButNoIdOrKey() {
		long series = send("POST", "/series", KEY, "application/json", upload(120)).id();
		assertThat(send("POST", "/collections?name=ops-metrics", KEY, "text/csv",
				"unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-02,2\nB,2024-01-01,3\nB,2024-01-02,4\nB,2024-01-03,5\n")
			.status()).isEqualTo(201);
		TestHttp.Response bad = send("POST", "/series", KEY, "text/csv", "date,value\n2024-01-01,1\n2024-01-02,abc\n");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(send("POST", "/series", "not-a-key", "text/csv", "date,value\n2024-01-01,1\n").status())
			.isEqualTo(401);
		assertThat(send("GET", "/forecast?series=" + series + "&method=naive&horizon=3", KEY, null, null).status())
			.isEqualTo(200);
		assertThat(send("GET", "/forecast?series=" + series + "&horizon=3", KEY, null, null).status()).isEqualTo(200);
		assertThat(send("GET", "/evaluation?series=" + series + "&holdout=12&horizon=1&methods=naive", KEY, null, null)
			.status()).isEqualTo(200);
		long run = send("POST", "/train", KEY, "application/json", TrainingFixtures.tinySpec(series, "lstm", 2)).id();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> send("GET", "/runs/" + run, KEY, null, null).json("$.status"), "SUCCEEDED"::equals);
		assertThat(send("GET", "/forecast?series=" + series + "&method=neural&horizon=2", KEY, null, null).status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Sample> samples = scrape();
			assertThat(value(samples, "forecast_runs_started_total", Map.of("model", "lstm"))).isPositive();
			assertThat(value(samples, "forecast_runs_ended_total",
					Map.of("model", "lstm", "outcome", "succeeded", "reason", "none")))
				.isPositive();
		});
		List<Sample> samples = scrape();
		Map<String, String> lstm = Map.of("model", "lstm");
		assertThat(
				value(samples, "forecast_runs_duration_seconds_count", Map.of("model", "lstm", "outcome", "succeeded")))
			.isPositive();
		assertThat(value(samples, "forecast_runs_queue_wait_seconds_count", lstm)).isPositive();
		assertThat(value(samples, "forecast_training_epochs_seconds_count", lstm)).isGreaterThanOrEqualTo(2);
		assertThat(value(samples, "forecast_training_samples_per_second", lstm)).isNotNegative();
		assertThat(value(samples, "forecast_runs_recovered_total", Map.of())).isNotNegative();
		assertThat(value(samples, "forecast_queue_runs", Map.of("status", "queued"))).isNotNegative();
		assertThat(value(samples, "forecast_queue_runs", Map.of("status", "running"))).isNotNegative();
		assertThat(value(samples, "forecast_queue_oldest_age_seconds", Map.of())).isNotNegative();
		assertThat(value(samples, "cache_gets_total", Map.of("cache", "models", "result", "miss"))).isPositive();
		assertThat(value(samples, "cache_size", Map.of("cache", "models"))).isPositive();
		assertThat(value(samples, "cache_evictions_total", Map.of("cache", "models"))).isNotNegative();
		assertThat(value(samples, "forecast_neural_passes_seconds_count", Map.of("kind", "forecast"))).isPositive();
		assertThat(value(samples, "http_server_requests_seconds_count",
				Map.of("uri", "/forecast", "forecast_method", "naive", "status", "200")))
			.isPositive();
		assertThat(value(samples, "http_server_requests_seconds_count",
				Map.of("uri", "/forecast", "forecast_method", "auto", "status", "200")))
			.isPositive();
		assertThat(value(samples, "http_server_requests_seconds_count",
				Map.of("uri", "/forecast", "forecast_method", "neural", "status", "200")))
			.isPositive();
		assertThat(value(samples, "http_server_requests_seconds_count",
				Map.of("uri", "/evaluation", "forecast_method", "naive", "status", "200")))
			.isPositive();
		assertThat(value(samples, "forecast_uploads_points_total", Map.of("kind", "upload")))
			.isGreaterThanOrEqualTo(125);
		assertThat(value(samples, "forecast_uploads_rejected_total", Map.of("problem", "invalid_csv", "status", "400")))
			.isPositive();
		assertThat(value(samples, "forecast_uploads_rejected_total", Map.of("status", "401"))).isPositive();
		assertThat(value(samples, "process_memory_rss_bytes", Map.of())).isPositive();
		assertThat(value(samples, "forecast_native_memory_used_bytes", Map.of())).isPositive();
		assertThat(value(samples, "forecast_native_memory_max_bytes", Map.of())).isPositive();

		Set<String> ids = new HashSet<>(List.of(Long.toString(series), Long.toString(run)));
		for (Sample sample : samples) {
			sample.labels().forEach((label, value) -> {
				assertThat(value).as(sample.toString()).doesNotContain(KEY).doesNotContain("not-a-key");
				if (ours(sample.name()) && !label.equals("status")) {
					assertThat(value).as(sample.toString()).isNotIn(ids);
					for (String id : ids) {
						assertThat(value).as(sample.toString()).doesNotContain("/" + id);
					}
				}
			});
		}

		List<ILoggingEvent> jobLines = this.logged.stream()
			.filter(event -> event.getThreadName().startsWith("trainer-"))
			.filter(event -> Long.toString(run).equals(event.getMDCPropertyMap().get("run")))
			.toList();
		assertThat(jobLines).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch(line -> line.startsWith("Training run " + run))
			.anyMatch(line -> line.startsWith("Run " + run + " succeeded"));
		assertThat(jobLines)
			.allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("series", Long.toString(series)));
	}

	private static boolean ours(String name) {
		return name.startsWith("forecast_") || name.startsWith("cache_") || name.startsWith("http_server_requests")
				|| name.startsWith("process_memory");
	}

	private static String upload(int n) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < n; i++) {
			values.append(i == 0 ? "" : ",").append(50 + 30 * Math.sin(i * 2 * Math.PI / 12) + (i * 7 % 5));
		}
		return "{\"name\":\"ops-metrics\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + values
				+ "]}";
	}

	private List<Sample> scrape() {
		TestHttp.Response response = send("GET", "/actuator/prometheus", KEY, null, null);
		assertThat(response.status()).isEqualTo(200);
		return Sample.parse(response.raw().body());
	}

	/** The sum of the samples of {@code name} whose labels include {@code labels}. */
	private static double value(List<Sample> samples, String name, Map<String, String> labels) {
		List<Sample> matching = new ArrayList<>();
		for (Sample sample : samples) {
			if (sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet())) {
				matching.add(sample);
			}
		}
		assertThat(matching).as(name + " " + labels).isNotEmpty();
		return matching.stream().mapToDouble(Sample::value).sum();
	}

	private TestHttp.Response send(String method, String path, String key, String type, String body) {
		var request = http().request(path).header("X-API-Key", key);
		if (type != null) {
			request.header("Content-Type", type);
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http().send(request);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
