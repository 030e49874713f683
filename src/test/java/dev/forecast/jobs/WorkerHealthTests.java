package dev.forecast.jobs;

import java.util.List;

import dev.forecast.training.RunMemoryLimit;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers that cannot train any more report DOWN (and stop claiming); one failure in
 * between successes does not; the command line of a training process carries the worker's
 * memory bounds.
 */
class WorkerHealthTests {

	@Test
	void twoTrainingProcessesInARowThatCannotStartMarkTheWorkersBroken() {
		WorkerHealth health = new WorkerHealth();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		health.launchFailed("no java");
		health.trained();
		health.launchFailed("no java");
		assertThat(health.broken()).isFalse();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		health.launchFailed("no java");
		assertThat(health.broken()).isTrue();
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health().getDetails().get("reason").toString()).contains("2 training processes", "no java");
	}

	@Test
	void theTrainingProcessGetsTheWorkersMemoryBoundsAndTheClassPathOfTheTests() {
		WorkerProperties properties = new WorkerProperties(true, 1, 1, null, null, null, null, 2, null,
				WorkerProperties.Isolation.PROCESS, DataSize.ofMegabytes(300), DataSize.ofMegabytes(700));
		List<String> command = ChildCommand.of(properties);
		assertThat(command).contains("-Xmx300m", "-Dorg.bytedeco.javacpp.maxbytes=" + (700L << 20),
				"-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (1000L << 20), TrainingChild.class.getName());
		assertThat(command).doesNotContain(ChildCommand.LAUNCHER);
		assertThat(String.join(" ", command)).contains("ulimit -d " + ((1000L + 256) << 10));
		// the API accepts specs up to the training process's native memory by default
		assertThat(new RunMemoryLimit(DataSize.ofMegabytes(700), null).bytes()).isEqualTo(700L << 20);
		assertThat(new RunMemoryLimit(DataSize.ofMegabytes(700), DataSize.ofMegabytes(900)).bytes())
			.isEqualTo(900L << 20);
	}

}
