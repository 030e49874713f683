package dev.forecast.tuning;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of random searches ({@code forecast.tuning.*}).
 *
 * @param maxTrials most trials one search may ask for
 */
@Validated
@ConfigurationProperties("forecast.tuning")
public record TuningProperties(@DefaultValue("100") @Min(1) int maxTrials) {
}
