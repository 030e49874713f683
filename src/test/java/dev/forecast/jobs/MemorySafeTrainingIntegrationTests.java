package dev.forecast.jobs;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.series.SeriesService;
import dev.forecast.support.IntegrationTest;
import dev.forecast.training.Run;
import dev.forecast.training.RunStatus;
import dev.forecast.training.ServingProperties;
import dev.forecast.training.TrainingFixtures;
import dev.forecast.training.TrainingService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that runs out of memory in its training process fails alone, with the reason, and
 * the same worker trains the next run: the pool is stopped and one worker, whose training
 * processes may take only 128 MB of heap and 192 MB of native memory, claims and trains
 * the runs on the test's thread through the real queue.
 */
class MemorySafeTrainingIntegrationTests extends IntegrationTest {

	private static final String WORKER = "memsafe-test-worker";

	@Autowired
	private WorkerPool pool;

	@Autowired
	private RunQueue queue;

	@Autowired
	private TrainingService training;

	@Autowired
	private SeriesService series;

	@Autowired
	private RunningJobs running;

	@Autowired
	private JsonMapper json;

	@Autowired
	private ServingProperties serving;

	@Autowired
	private JobTelemetry telemetry;

	@Autowired
	private DatabaseRetry retry;

	@Test
	void aRunOutOfMemoryInItsProcessFailsAloneAndTheSameWorkerTrainsTheNextRun() {
		long id = TrainingFixtures.upload(http(), 400);
		WorkerProperties tiny = new WorkerProperties(true, 1, 1, null, null, null, null, 2, null,
				WorkerProperties.Isolation.PROCESS, DataSize.ofMegabytes(128), DataSize.ofMegabytes(192));
		WorkerHealth health = new WorkerHealth();
		TrainingJob worker = new TrainingJob(this.queue, this.series, this.running, this.json, this.serving, tiny,
				health, this.telemetry, this.retry);
		this.pool.stop();
		try {
			// about 600 MB estimated: under the service's estimate limit of this
			// test's submission (checked below), far over the worker's 320 MB
			String big = "{\"series\":" + id + ",\"model\":\"lstm\",\"units\":128,\"window\":100,\"validation\":40,"
					+ "\"epochs\":2,\"batchSize\":256}";
			long oversized = submit(big);
			long small = submit(TrainingFixtures.tinySpec(id, "dense", 2));
			worker.execute(claim(oversized), WORKER, -1);
			Run failed = this.training.get(oversized);
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.error()).contains("OutOfMemoryError", "native 192 MB", "forecast.worker.run-native");
			assertThat(health.broken()).isFalse();

			worker.execute(claim(small), WORKER, -1);
			Run succeeded = this.training.get(small);
			assertThat(succeeded.status()).as(String.valueOf(succeeded.error())).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(succeeded.worker()).isEqualTo(WORKER);
			assertThat(succeeded.curve()).hasSize(2);
			assertThat(health.broken()).isFalse();
		}
		finally {
			this.pool.start();
			http().delete("/series/" + id);
		}
	}

	private long submit(String spec) {
		var response = http().postJson("/train", spec);
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		return response.id();
	}

	/** Claims {@code run} as the test's worker, giving back the other runs on the way. */
	private RunQueue.Claim claim(long run) {
		List<RunQueue.Claim> others = new ArrayList<>();
		try {
			while (true) {
				RunQueue.Claim claim = this.queue.claim(WORKER).orElseThrow();
				if (claim.id() == run) {
					return claim;
				}
				others.add(claim);
			}
		}
		finally {
			others.forEach(claim -> this.queue.requeue(claim.id(), WORKER));
		}
	}

}
