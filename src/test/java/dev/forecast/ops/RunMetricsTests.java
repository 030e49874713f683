package dev.forecast.ops;

import java.time.Duration;

import dev.forecast.error.BadRequestException;
import dev.forecast.jobs.JobEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Job events become meters tagged by model, outcome and failure class. */
class RunMetricsTests {

	// the queue wait is read from PostgreSQL; a mock answers nothing, so it is left out
	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RunMetrics metrics = new RunMetrics(this.registry, mock(JdbcClient.class));

	@Test
	void samplesPerSecondAreTheTrainingWindowsOverTheLastEpochWhileTheRunTrains() {
		// 100 points before validation, window 12, horizon 1: 88 training windows
		this.metrics.on(new JobEvent.Started(7, 3L, "lstm", 12, 1, 100));
		this.metrics.on(new JobEvent.Epoch(7, "lstm", 2.0));
		this.metrics.on(new JobEvent.Started(8, 3L, "lstm", 12, 1, 100));
		this.metrics.on(new JobEvent.Epoch(8, "lstm", 4.0));
		assertThat(this.registry.get("forecast.training.samples.per.second").tag("model", "lstm").gauge().value())
			.isEqualTo(44.0 + 22.0);
		assertThat(this.registry.get("forecast.training.epochs").tag("model", "lstm").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("forecast.runs.started").tag("model", "lstm").counter().count()).isEqualTo(2);

		this.metrics.on(new JobEvent.Ended(7, "lstm", JobEvent.Outcome.SUCCEEDED, null, Duration.ofSeconds(9)));
		this.metrics.on(new JobEvent.Ended(8, "lstm", JobEvent.Outcome.FAILED, new OutOfMemoryError("native"),
				Duration.ofSeconds(3)));
		assertThat(this.registry.get("forecast.training.samples.per.second").tag("model", "lstm").gauge().value())
			.isZero();
		assertThat(this.registry.get("forecast.runs.ended")
			.tags("model", "lstm", "outcome", "succeeded", "reason", "none")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("forecast.runs.ended")
			.tags("model", "lstm", "outcome", "failed", "reason", "out_of_memory")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("forecast.runs.duration")
			.tags("model", "lstm", "outcome", "succeeded")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(9.0);
	}

	@Test
	void recoveredRunsAreCounted() {
		this.metrics.on(new JobEvent.Recovered(2));
		assertThat(this.registry.get("forecast.runs.recovered").counter().count()).isEqualTo(2);
	}

	@Test
	void tagValuesComeFromSmallFixedSets() {
		assertThat(Tags.model("NBEATS")).isEqualTo("nbeats");
		assertThat(Tags.model(null)).isEqualTo("custom");
		assertThat(Tags.model("my model 42!")).isEqualTo("other");
		assertThat(Tags.reason(JobEvent.Outcome.CANCELLED, new IllegalStateException())).isEqualTo("none");
		assertThat(Tags.reason(JobEvent.Outcome.FAILED, null)).isEqualTo("no_epoch");
		assertThat(Tags.reason(JobEvent.Outcome.FAILED,
				new IllegalStateException("Training diverged in epoch 3 (the loss is not a finite number)")))
			.isEqualTo("diverged");
		assertThat(Tags.reason(JobEvent.Outcome.FAILED, BadRequestException.invalid("series", "gone")))
			.isEqualTo("invalid");
		assertThat(Tags.reason(JobEvent.Outcome.FAILED, new StackOverflowError())).isEqualTo("error");
		assertThat(Tags.reason(JobEvent.Outcome.FAILED, new IllegalArgumentException("x"))).isEqualTo("exception");
		assertThat(Tags.problem("Invalid CSV")).isEqualTo("invalid_csv");
		assertThat(Tags.problem("Points overlap the series")).isEqualTo("points_overlap_the_series");
		assertThat(Tags.problem("Series 42 not found")).isEqualTo("other");
		assertThat(Tags.problem(null)).isEqualTo("other");
	}

}
