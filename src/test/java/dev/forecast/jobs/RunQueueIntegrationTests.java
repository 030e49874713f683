package dev.forecast.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.forecast.model.TrainSpec;
import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.training.Run;
import dev.forecast.training.RunNotFoundException;
import dev.forecast.training.RunStatus;
import dev.forecast.training.TrainingFixtures;
import dev.forecast.training.TrainingService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The durable queue on the real PostgreSQL: claiming, recovery of dead workers, graceful
 * shutdown.
 */
class RunQueueIntegrationTests extends InProcessTrainingIntegrationTest {

	@Autowired
	private WorkerPool pool;

	@Autowired
	private RunQueue queue;

	@Autowired
	private TrainingService training;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Test
	void racingClaimersNeverGetTheSameRun() throws Exception {
		long series = TrainingFixtures.upload(http(), 100);
		TrainSpec spec = TrainSpec.DEFAULTS;
		this.pool.stop();
		List<Long> mine = new ArrayList<>();
		List<RunQueue.Claim> claimed = Collections.synchronizedList(new ArrayList<>());
		try {
			for (int i = 0; i < 60; i++) {
				mine.add(queued(series, spec));
			}
			int claimers = 8;
			ExecutorService threads = Executors.newFixedThreadPool(claimers);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < claimers; c++) {
				String worker = "racer-" + c;
				futures.add(threads.submit(() -> {
					start.await();
					Optional<RunQueue.Claim> claim;
					while ((claim = this.queue.claim(worker)).isPresent()) {
						claimed.add(claim.get());
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
			threads.shutdown();
			List<Long> ids = claimed.stream().map(RunQueue.Claim::id).toList();
			assertThat(ids).doesNotHaveDuplicates();
			assertThat(ids).containsAll(mine);
			for (long id : mine) {
				Run run = this.training.get(id);
				assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
				assertThat(run.attempts()).isEqualTo(1);
				assertThat(run.worker()).startsWith("racer-");
			}
			// give back runs of other tests the racers took
			for (RunQueue.Claim claim : claimed) {
				if (!mine.contains(claim.id())) {
					this.queue.requeue(claim.id(), this.training.get(claim.id()).worker());
				}
			}
		}
		finally {
			http().delete("/series/" + series);
			this.pool.start();
		}
		assertThatThrownBy(() -> this.training.get(mine.get(0))).isInstanceOf(RunNotFoundException.class);
	}

	@Test
	void aRunWhoseWorkerDiedIsRequeuedAndTrainedByALiveWorker() {
		long series = TrainingFixtures.upload(http(), 150);
		long run;
		this.pool.stop();
		try {
			run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 2)).id();
			playDeadWorker(run, 1);
			assertThat(this.pool.recoverStale()).contains(run);
			Run requeued = this.training.get(run);
			assertThat(requeued.status()).isEqualTo(RunStatus.QUEUED);
			assertThat(requeued.worker()).isNull();
		}
		finally {
			this.pool.start();
		}
		await().atMost(Duration.ofMinutes(3)).until(() -> this.training.get(run).status().isFinal());
		Run done = this.training.get(run);
		assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(done.worker()).isNotEqualTo("dead-worker");
		assertThat(done.attempts()).isEqualTo(2);
	}

	@Test
	void aRunWhoseWorkersKeepDyingFailsWithTheReason() {
		long series = TrainingFixtures.upload(http(), 150);
		this.pool.stop();
		try {
			long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 2)).id();
			playDeadWorker(run, 3);
			assertThat(this.pool.recoverStale()).contains(run);
			Run failed = this.training.get(run);
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.error()).contains("dead-worker").contains("died 3 time(s)").contains("heartbeat");
			assertThat(failed.finishedAt()).isNotNull();
		}
		finally {
			this.pool.start();
		}
	}

	@Test
	void aRunIsHandedOnAfterOneWorkerDeathAndFailsAfterTheSecond() {
		long series = TrainingFixtures.upload(http(), 150);
		this.pool.stop();
		try {
			long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 2)).id();
			claimAndDie(run, "doomed-worker-1");
			assertThat(this.pool.recoverStale()).contains(run);
			Run handedOn = this.training.get(run);
			assertThat(handedOn.status()).isEqualTo(RunStatus.QUEUED);
			assertThat(handedOn.attempts()).isEqualTo(1);
			claimAndDie(run, "doomed-worker-2");
			assertThat(this.pool.recoverStale()).contains(run);
			Run failed = this.training.get(run);
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.attempts()).isEqualTo(2);
			assertThat(failed.error()).contains("died 2 time(s)", "doomed-worker-2", "not handed to another worker");
			assertThat(this.pool.recoverStale()).doesNotContain(run);
		}
		finally {
			this.pool.start();
		}
	}

	@Test
	void aCollectionRunIsClaimedWithItsCollectionAndRecoveredAsASeriesRunIs() {
		long collection = TrainingFixtures.uploadCollection(http(), "queue", 40, 80);
		long run;
		this.pool.stop();
		try {
			run = http().postJson("/train", TrainingFixtures.collectionSpec(collection, 2)).id();
			RunQueue.Claim claim = claimAndDie(run, "doomed-global-worker");
			assertThat(claim.collectionId()).isEqualTo(collection);
			assertThat(claim.seriesId()).isNull();
			// networks are recorded by the run's worker only, as epochs are
			assertThat(this.queue.recordNetworks(run, "another-worker", 1, 18)).isEqualTo(RunQueue.Heartbeat.LOST);
			assertThat(this.training.get(run).progress().networksDone()).isNull();
			assertThat(this.queue.recordNetworks(run, "doomed-global-worker", 1, 18))
				.isEqualTo(RunQueue.Heartbeat.OWNED);
			assertThat(this.training.get(run).progress().networksDone()).isEqualTo(1);
			assertThat(this.training.get(run).progress().networks()).isEqualTo(18);
			this.jdbc.sql("update training_run set heartbeat_at = now() - interval '1 hour' where id = ?")
				.params(run)
				.update();
			assertThat(this.pool.recoverStale()).contains(run);
			assertThat(this.training.get(run).status()).isEqualTo(RunStatus.QUEUED);
			assertThat(this.queue.recordNetworks(run, "doomed-global-worker", 2, 18))
				.isEqualTo(RunQueue.Heartbeat.LOST);
		}
		finally {
			this.pool.start();
		}
		await().atMost(Duration.ofMinutes(3)).until(() -> this.training.get(run).status().isFinal());
		Run done = this.training.get(run);
		assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(done.collection()).isEqualTo(collection);
		assertThat(done.attempts()).isEqualTo(2);
		// counted afresh by the second attempt: window 12, 2 lookbacks of 1 + 5 trainings
		assertThat(done.progress().networks()).isEqualTo(12);
		assertThat(done.progress().networksDone()).isEqualTo(12);
	}

	/**
	 * Claims {@code run} through the queue as {@code worker} (giving back any other run
	 * claimed on the way), then lets its heartbeat age as when the worker is killed.
	 * Returns the claim.
	 */
	private RunQueue.Claim claimAndDie(long run, String worker) {
		List<RunQueue.Claim> others = new ArrayList<>();
		RunQueue.Claim claim;
		try {
			while (true) {
				claim = this.queue.claim(worker).orElseThrow();
				if (claim.id() == run) {
					break;
				}
				others.add(claim);
			}
		}
		finally {
			others.forEach(other -> this.queue.requeue(other.id(), worker));
		}
		this.jdbc.sql("update training_run set heartbeat_at = now() - interval '1 hour' where id = ?")
			.params(run)
			.update();
		return claim;
	}

	@Test
	void stoppingThePoolRequeuesTheRunningJobWhichAnotherWorkerThenTrains() {
		long series = TrainingFixtures.upload(http(), 400);
		long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 40)).id();
		await().atMost(Duration.ofMinutes(3)).until(() -> {
			Run r = this.training.get(run);
			return r.status() == RunStatus.RUNNING && !r.curve().isEmpty();
		});
		String firstWorker = this.training.get(run).worker();
		this.pool.stop();
		Run requeued = this.training.get(run);
		assertThat(requeued.status()).isEqualTo(RunStatus.QUEUED);
		assertThat(requeued.attempts()).as("a shutdown is not a failed attempt").isZero();
		assertThat(requeued.worker()).isNull();
		this.pool.start();
		await().atMost(Duration.ofMinutes(3)).until(() -> this.training.get(run).status().isFinal());
		Run done = this.training.get(run);
		assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(done.worker()).isNotEqualTo(firstWorker);
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.curve()).hasSize(40);
	}

	/** Queues a run as the API would, without the checks of its spec. */
	private long queued(long series, TrainSpec spec) {
		return this.jdbc
			.sql("insert into training_run (series_id, status, spec, epochs, owner) "
					+ "values (?, 'QUEUED', ?::jsonb, ?, 'anonymous') returning id")
			.params(series, this.json.writeValueAsString(spec), spec.epochs())
			.query(Long.class)
			.single();
	}

	/** Puts a run in the state a worker leaves behind when it dies mid-training. */
	private void playDeadWorker(long run, int attempts) {
		int updated = this.jdbc.sql("""
				update training_run set status = 'RUNNING', worker = 'dead-worker', attempts = ?,
				       started_at = now() - interval '2 hours', heartbeat_at = now() - interval '1 hour'
				 where id = ? and status = 'QUEUED'
				""").params(attempts, run).update();
		assertThat(updated).isEqualTo(1);
	}

}
