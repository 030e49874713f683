package dev.forecast.jobs;

import java.time.Duration;

import dev.forecast.support.IntegrationTest;
import dev.forecast.training.Run;
import dev.forecast.training.RunStatus;
import dev.forecast.training.TrainingFixtures;
import dev.forecast.training.TrainingService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Database faults during a real training run on the real PostgreSQL: the workers' writes
 * (claim, epochs, the end of the run) are retried and the run succeeds in its first
 * attempt. Faults come two ways: a trigger that fails the next writes of the run with a
 * serialization failure (deterministic), and terminated connections
 * ({@code pg_terminate_backend}) while it trains.
 */
class DatabaseFaultIntegrationTests extends IntegrationTest {

	@Autowired
	private TrainingService training;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRunSurvivesFailedWritesAndTerminatedConnections() {
		long series = TrainingFixtures.upload(http(), 300);
		injectFaults(series);
		try {
			long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 40)).id();
			await().atMost(Duration.ofMinutes(2))
				.ignoreExceptions()
				.until(() -> this.training.get(run).progress().epoch() >= 1);
			java.time.Instant started = this.training.get(run).startedAt();
			for (int blip = 1; blip <= 3; blip++) {
				int after = blip * 8;
				await().atMost(Duration.ofMinutes(2))
					.ignoreExceptions()
					.until(() -> this.training.get(run).progress().epoch() >= after
							|| this.training.get(run).status().isFinal());
				terminateConnections();
			}
			await().atMost(Duration.ofMinutes(3))
				.ignoreExceptions()
				.until(() -> this.training.get(run).status().isFinal());
			Run done = this.training.get(run);
			assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(done.attempts()).isEqualTo(1);
			assertThat(done.startedAt()).as("trained in one go, never re-queued").isEqualTo(started);
			assertThat(done.curve()).hasSize(40);
			assertThat(done.curve().stream().map(e -> e.epoch()).distinct()).hasSize(40);
			assertThat(this.jdbc.sql("select last_value from fault_writes").query(Long.class).single())
				.as("writes of the run failed by the trigger")
				.isGreaterThan(4);
			assertThat(this.jdbc.sql("select last_value from fault_ends").query(Long.class).single()).isGreaterThan(2);
		}
		finally {
			this.jdbc.sql("drop trigger if exists fault_injection on training_run").update();
			this.jdbc.sql("drop function if exists fault_injection()").update();
			this.jdbc.sql("drop sequence if exists fault_writes").update();
			this.jdbc.sql("drop sequence if exists fault_ends").update();
			http().delete("/series/" + series);
		}
	}

	/**
	 * Fails the claim and the first three epoch writes of runs of {@code series}, and the
	 * first two attempts to end them; sequences count across the rolled-back
	 * transactions.
	 */
	private void injectFaults(long series) {
		this.jdbc.sql("create sequence fault_writes").update();
		this.jdbc.sql("create sequence fault_ends").update();
		this.jdbc
			.sql("""
					create function fault_injection() returns trigger language plpgsql as $$
					begin
					  if new.status in ('SUCCEEDED', 'FAILED') and old.status = 'RUNNING' then
					    if nextval('fault_ends') <= 2 then
					      raise exception 'injected fault at the end of run %', new.id using errcode = 'serialization_failure';
					    end if;
					  elsif new.epoch is distinct from old.epoch or new.status is distinct from old.status then
					    if nextval('fault_writes') <= 4 then
					      raise exception 'injected fault in run %', new.id using errcode = 'serialization_failure';
					    end if;
					  end if;
					  return new;
					end $$
					""")
			.update();
		this.jdbc
			.sql("create trigger fault_injection before update on training_run for each row when (new.series_id = "
					+ series + ") execute function fault_injection()")
			.update();
	}

	private void terminateConnections() {
		this.jdbc
			.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity "
					+ "where datname = current_database() and pid <> pg_backend_pid()")
			.query(Long.class)
			.single();
	}

}
