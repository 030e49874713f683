package dev.forecast.idempotency;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.TestHttp;
import dev.forecast.training.TrainingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on {@code POST /series} and {@code POST /train} through real
 * HTTP: a retry answers the first answer and creates nothing; another request with the
 * key is 422; an expired key is new again.
 */
class IdempotencyIntegrationTests extends InProcessTrainingIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRetriedJsonUploadAnswersTheFirstAnswerAndStoresOneSeries() {
		String name = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String body = series(name, 1);

		TestHttp.Response first = post("/series", "application/json", body, key);
		TestHttp.Response again = post("/series", "application/json", body, key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.header("Location")).isEqualTo(first.header("Location")).endsWith("/series/" + first.id());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat((String) again.json("$.name")).isEqualTo(name);
		assertThat(seriesNamed(name)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherRequestIs422AndStoresNothing() {
		String name = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		assertThat(post("/series", "application/json", series(name, 1), key).status()).isEqualTo(201);

		TestHttp.Response other = post("/series", "application/json", series(name, 2), key);

		assertThat(other.status()).as(other.toString()).isEqualTo(422);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) other.json("$.detail")).contains("Idempotency-Key").contains(key);
		assertThat(seriesNamed(name)).isEqualTo(1);
	}

	@Test
	void aRetriedCsvUploadStoresOneSeries() {
		String name = "idem-csv-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String csv = "t,v\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n";

		TestHttp.Response first = post("/series?name=" + name, "text/csv", csv, key);
		TestHttp.Response again = post("/series?name=" + name, "text/csv", csv, key);
		TestHttp.Response changed = post("/series?name=" + name, "text/csv", csv + "2020-01-04,4\n", key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(changed.status()).isEqualTo(422);
		assertThat(seriesNamed(name)).isEqualTo(1);
	}

	@Test
	void aRetriedTrainQueuesOneRun() {
		long series = TrainingFixtures.upload(http(), 100);
		String key = UUID.randomUUID().toString();
		String spec = TrainingFixtures.tinySpec(series, "dense", 1);

		TestHttp.Response first = post("/train", "application/json", spec, key);
		TestHttp.Response again = post("/train", "application/json", spec, key);

		assertThat(first.status()).as(first.toString()).isEqualTo(202);
		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.header("Location")).isEqualTo(first.header("Location")).endsWith("/runs/" + first.id());
		assertThat(runsOf(series)).isEqualTo(1);
		http().delete("/series/" + series);
	}

	@Test
	void concurrentRequestsWithOneKeyStoreOneSeries() throws Exception {
		String name = "idem-race-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String body = series(name, 1);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<TestHttp.Response>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(clients.submit(() -> {
				start.await();
				return post("/series", "application/json", body, key);
			}));
		}
		start.countDown();
		List<Long> ids = new ArrayList<>();
		for (Future<TestHttp.Response> answer : answers) {
			TestHttp.Response response = answer.get(1, TimeUnit.MINUTES);
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			ids.add(response.id());
		}
		clients.shutdown();
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(seriesNamed(name)).isEqualTo(1);
	}

	@Test
	void anExpiredKeyIsNewAgain() {
		String name = "idem-old-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		long first = post("/series", "application/json", series(name, 1), key).id();
		this.jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where key = ?")
			.param(key)
			.update();

		TestHttp.Response later = post("/series", "application/json", series(name, 1), key);

		assertThat(later.status()).isEqualTo(201);
		assertThat(later.id()).isNotEqualTo(first);
		assertThat(seriesNamed(name)).isEqualTo(2);
	}

	@Test
	void anInvalidKeyIs400() {
		TestHttp.Response answer = post("/series", "application/json", series("idem-bad", 1), "has space");

		assertThat(answer.status()).isEqualTo(400);
		assertThat((String) answer.json("$.detail")).contains("Idempotency-Key");
	}

	private TestHttp.Response post(String path, String contentType, String body, String key) {
		return http().send(http().request(path)
			.header("Content-Type", contentType)
			.header("Idempotency-Key", key)
			.POST(BodyPublishers.ofString(body)));
	}

	private static String series(String name, int first) {
		return "{\"name\":\"" + name + "\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + first
				+ ",2,3,4,5,6]}";
	}

	private long seriesNamed(String name) {
		return this.jdbc.sql("select count(*) from series where name = ?").param(name).query(Long.class).single();
	}

	private long runsOf(long series) {
		return this.jdbc.sql("select count(*) from training_run where series_id = ?")
			.param(series)
			.query(Long.class)
			.single();
	}

}
