package dev.forecast.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The training worker pool ({@code forecast.worker.*}).
 *
 * @param enabled run workers in this instance ({@code false}: api only)
 * @param threads CPU workers (0: one per {@code nd4jThreads} cores); with the CUDA
 * backend one worker per GPU
 * @param nd4jThreads ND4J/OpenMP/BLAS threads, set once at start-up (0: ND4J's default)
 * @param pollInterval how long an idle worker waits before looking for queued runs again
 * @param heartbeatInterval how often a training worker confirms it is alive
 * @param heartbeatTimeout a running run without a heartbeat for this long is taken to
 * have lost its worker
 * @param recoveryInterval how often stale runs are looked for
 * @param maxAttempts trainings of one run before a run whose workers keep dying fails
 * @param shutdownTimeout how long stopping waits for running jobs to re-queue their runs
 */
@Validated
@ConfigurationProperties("forecast.worker")
public record WorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") @Min(0) int threads,
		@DefaultValue("1") @Min(0) int nd4jThreads, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("60s") Duration heartbeatTimeout,
		@DefaultValue("15s") Duration recoveryInterval, @DefaultValue("3") @Min(1) int maxAttempts,
		@DefaultValue("20s") Duration shutdownTimeout) {

	/** CPU workers to start on a machine with {@code cores} cores. */
	public int cpuWorkers(int cores) {
		if (this.threads > 0) {
			return this.threads;
		}
		return Math.max(1, cores / Math.max(1, this.nd4jThreads));
	}

}
