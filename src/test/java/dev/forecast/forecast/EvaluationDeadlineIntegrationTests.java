package dev.forecast.forecast;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation past its deadline answers a 503 problem detail and its work stops at the
 * next origin (the deadline here is one nanosecond, so it stops at the first).
 */
@TestPropertySource(properties = "forecast.forecast.deadline=1ns")
class EvaluationDeadlineIntegrationTests extends IntegrationTest {

	@Autowired
	private Computations computations;

	@Test
	void anEvaluationPastItsDeadlineIsStoppedWith503() {
		long series = EvaluationLimitsIntegrationTests.upload(http(), 3000);
		try {
			long stoppedBefore = this.computations.stoppedCount();

			TestHttp.Response answer = http()
				.get("/evaluation?series=" + series + "&methods=naive,theta&holdout=2000&horizon=5");

			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat((String) answer.json("$.title")).isEqualTo("Deadline exceeded");
			assertThat((String) answer.json("$.detail")).contains("forecast.forecast.deadline");
			assertThat(this.computations.stoppedCount()).as("computations stopped").isEqualTo(stoppedBefore + 1);
		}
		finally {
			http().delete("/series/" + series);
		}
	}

	@Test
	void aCollectionsEvaluationPastItsDeadlineIsStoppedWith503() {
		TestHttp.Response created = http().postCsv("/collections?name=deadline",
				"unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-02,2\nA,2024-01-03,4\nA,2024-01-04,3\n"
						+ "B,2024-01-01,5\nB,2024-01-02,4\nB,2024-01-03,6\nB,2024-01-04,7\n");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long collection = created.id();
		try {
			long stoppedBefore = this.computations.stoppedCount();

			TestHttp.Response answer = http()
				.get("/collections/" + collection + "/evaluation?holdout=2&horizon=1&methods=naive");

			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat((String) answer.json("$.title")).isEqualTo("Deadline exceeded");
			assertThat(this.computations.stoppedCount()).as("computations stopped").isEqualTo(stoppedBefore + 1);
		}
		finally {
			http().delete("/collections/" + collection);
		}
	}

}
