package dev.forecast.tuning;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search with more trials than the active-run quota (2 here) is accepted; its trials
 * beyond the quota wait as PENDING and are queued as earlier ones finish, never more than
 * the quota at once, until all have run.
 */
@TestPropertySource(properties = { "forecast.quota.max-active-runs=2", "forecast.tuning.pending-interval=200ms" })
class TuningBeyondQuotaIntegrationTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSearchLargerThanTheQuotaRunsAllItsTrials() {
		long series = upload(120);
		TestHttp.Response accepted = tune(series, 5, 3);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		List<String> statuses = accepted.json("$.trials[*].status");
		assertThat(statuses).hasSize(5);
		assertThat(statuses.subList(2, 5)).containsOnly("PENDING");
		long id = accepted.id();
		AtomicInteger mostActive = new AtomicInteger();
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
			TestHttp.Response search = http().get("/tune/" + id);
			List<String> now = search.json("$.trials[*].status");
			int active = (int) now.stream().filter(s -> s.equals("QUEUED") || s.equals("RUNNING")).count();
			mostActive.accumulateAndGet(active, Math::max);
			return List.of("SUCCEEDED", "FAILED").contains(search.json("$.status"));
		});
		TestHttp.Response done = http().get("/tune/" + id);
		assertThat((String) done.json("$.status")).as(done.body()).isEqualTo("SUCCEEDED");
		assertThat((List<String>) done.json("$.trials[*].status")).as(done.body()).containsOnly("SUCCEEDED");
		assertThat((List<Integer>) done.json("$.trials[*].run")).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(mostActive.get()).as("runs queued or running at once").isLessThanOrEqualTo(2);
		http().delete("/series/" + series);
	}

	@Test
	void aPendingTrialThatCanNoLongerBeQueuedIsRejectedAndTheOthersRun() {
		long series = upload(120);
		TestHttp.Response accepted = tune(series, 4, 5);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		long id = accepted.id();
		// the third trial's stored spec becomes one the service refuses (as after the
		// limits changed while it waited)
		int changed = this.jdbc
			.sql("update tuning_trial set params = '{\"window\": 1000000}'::jsonb where tuning_id = ? and trial = 3"
					+ " and pending")
			.param(id)
			.update();
		assertThat(changed).as("the third trial is still pending").isEqualTo(1);

		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String status = http().get("/tune/" + id).json("$.status");
			return List.of("SUCCEEDED", "FAILED").contains(status);
		});
		TestHttp.Response done = http().get("/tune/" + id);
		assertThat((List<String>) done.json("$.trials[*].status")).as(done.body())
			.containsExactly("SUCCEEDED", "SUCCEEDED", "REJECTED", "SUCCEEDED");
		assertThat((String) done.json("$.trials[2].error")).contains("window");
		assertThat((String) done.json("$.status")).isEqualTo("SUCCEEDED");
		http().delete("/series/" + series);
	}

	private long upload(int n) {
		String values = IntStream.range(0, n)
			.mapToObj(i -> String.format(Locale.ROOT, "%.3f", 50 + 30 * Math.sin(i * 2 * Math.PI / 12) + (i * 7 % 5)))
			.collect(Collectors.joining(","));
		TestHttp.Response response = http().postJson("/series",
				"{\"name\":\"tuning-quota\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + values
						+ "]}");
		assertThat(response.status()).isEqualTo(201);
		return response.id();
	}

	/** A search of {@code trials} one-epoch dense networks over the learning rate. */
	private TestHttp.Response tune(long series, int trials, int seed) {
		return http().postJson("/tune", "{\"series\":" + series + ",\"trials\":" + trials + ",\"seed\":" + seed + ","
				+ "\"base\":{\"model\":\"dense\",\"units\":4,\"window\":6,\"validation\":24,\"epochs\":1,"
				+ "\"earlyStopping\":{\"patience\":0}},\"space\":{\"learningRate\":{\"min\":0.001,\"max\":0.05}}}");
	}

}
