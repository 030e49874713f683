package dev.forecast.training;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Serving of trained models ({@code forecast.neural.*}).
 *
 * @param cacheSize how much restored models may take in memory in all, weighed as twice
 * the size of the stored model (the network and its JVM pass); the least recently used go
 * first
 * @param idleTimeout a restored model unused this long is dropped
 * @param inferenceThreads threads that run all predictions of this process; 0: one per
 * core
 * @param queueSize forecasts that may wait for an inference thread; beyond, a forecast is
 * answered 503 at once
 * @param residualSteps steps ahead whose validation errors a finished training stores for
 * the intervals (at least the run's horizon, at most its validation points)
 */
@Validated
@ConfigurationProperties("forecast.neural")
public record ServingProperties(@DefaultValue("512MB") DataSize cacheSize, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("0") @Min(0) @Max(256) int inferenceThreads,
		@DefaultValue("1000") @Min(1) @Max(1_000_000) int queueSize,
		@DefaultValue("48") @Min(1) @Max(10_000) int residualSteps) {

	/** The inference threads: {@code inferenceThreads}, or one per core. */
	public int threads() {
		return this.inferenceThreads > 0 ? this.inferenceThreads : Runtime.getRuntime().availableProcessors();
	}

}
