package dev.forecast.tuning;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of random searches ({@code forecast.tuning.*}).
 *
 * @param maxTrials most trials one search may ask for
 * @param pendingInterval how often trials waiting for a free run (a search larger than
 * the active-run quota) are looked at
 */
@Validated
@ConfigurationProperties("forecast.tuning")
public record TuningProperties(@DefaultValue("100") @Min(1) int maxTrials,
		@DefaultValue("2s") Duration pendingInterval) {
}
