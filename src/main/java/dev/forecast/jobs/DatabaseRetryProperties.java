package dev.forecast.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How workers retry their database writes after a transient fault
 * ({@code forecast.worker.db-retry.*}).
 *
 * @param maxRetries retries after the first attempt (0: none)
 * @param delay the pause before the first retry, doubled before each next one
 * @param maxDelay the longest pause between two retries
 */
@Validated
@ConfigurationProperties("forecast.worker.db-retry")
record DatabaseRetryProperties(@DefaultValue("8") @Min(0) int maxRetries, @DefaultValue("200ms") Duration delay,
		@DefaultValue("5s") Duration maxDelay) {
}
