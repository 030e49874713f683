package dev.forecast.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.support.StoreTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs store of the API on the real PostgreSQL (a {@link StoreTest}: the stores and
 * the database only, no worker pool). Runs are put in place in a final or running state,
 * which no worker of another test context claims; queued runs are
 * {@code RunQueueIntegrationTests}' (they need the worker pool stopped).
 */
class RunStoreTests extends StoreTest {

	@Autowired
	private RunStore runs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	private final List<Long> series = new ArrayList<>();

	@AfterEach
	void deleteSeries() {
		// runs go with their series
		this.series.forEach(id -> this.jdbc.sql("delete from series where id = ?").param(id).update());
	}

	@Test
	void theBestRunOfASeriesIsItsSucceededRunWithTheLowestValidationMae() {
		long mine = series();
		long other = series();
		long worse = run(mine, "SUCCEEDED", 5.0, "anonymous");
		long best = run(mine, "SUCCEEDED", 3.0, "anonymous");
		run(mine, "FAILED", 1.0, "anonymous");
		run(other, "SUCCEEDED", 0.5, "anonymous");

		assertThat(this.runs.bestSucceeded(mine)).contains(best);
		assertThat(this.runs.list(mine, RunStatus.SUCCEEDED, 10)).extracting(Run::id).containsExactly(best, worse);
		assertThat(this.runs.list(mine, null, 10)).hasSize(3).allMatch(run -> run.series() == mine);
		assertThat(this.runs.find(best)).hasValueSatisfying(run -> {
			assertThat(run.spec()).isEqualTo(TrainSpec.DEFAULTS);
			assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		});
	}

	@Test
	void aRunningRunIsFlaggedForItsWorkerAndNeverDeleted() {
		long series = series();
		long running = run(series, "RUNNING", null, "anonymous");
		long done = run(series, "SUCCEEDED", 2.0, "anonymous");

		assertThat(this.runs.requestCancel(running)).contains(RunStatus.RUNNING);
		assertThat(this.jdbc.sql("select cancel_requested from training_run where id = ?")
			.param(running)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.runs.deleteUnlessRunning(running)).isZero();
		assertThat(this.runs.requestCancel(done)).contains(RunStatus.SUCCEEDED);
		assertThat(this.runs.deleteUnlessRunning(done)).isOne();
		assertThat(this.runs.find(done)).isEmpty();
		assertThat(this.runs.requestCancel(done)).isEmpty();
	}

	@Test
	void activeRunsAreCountedPerOwner() {
		long series = series();
		Owner owner = new Owner("store-" + System.nanoTime() % 1_000_000_000);
		run(series, "RUNNING", null, owner.name());
		run(series, "FAILED", null, owner.name());
		run(series, "RUNNING", null, "someone-else");

		assertThat(this.runs.lockAndCountActive(owner)).isOne();
		assertThat(this.runs.ref(this.runs.list(series, RunStatus.FAILED, 1).get(0).id()))
			.hasValueSatisfying(ref -> assertThat(ref.seriesId()).isEqualTo(series));
	}

	private long series() {
		long id = this.jdbc.sql("""
				insert into series (name, length, start_time, end_time, mean, m2, min_value, max_value,
				                    created_at, updated_at)
				values ('run-store-test', 0, now(), now(), 0, 0, 0, 0, now(), now()) returning id
				""").query(Long.class).single();
		this.series.add(id);
		return id;
	}

	/**
	 * A run in {@code status}, as a worker leaves it (a running one with a fresh
	 * heartbeat).
	 */
	private long run(long series, String status, Double valMae, String owner) {
		return this.jdbc.sql("""
				insert into training_run (series_id, status, spec, epochs, val_mae, owner, worker, heartbeat_at)
				values (?, ?, ?::jsonb, ?, ?, ?, 'store-test', now()) returning id
				""")
			.params(series, status, this.json.writeValueAsString(TrainSpec.DEFAULTS), TrainSpec.DEFAULTS.epochs(),
					valMae, owner)
			.query(Long.class)
			.single();
	}

}
