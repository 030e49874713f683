package dev.forecast.training;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits on training ({@code forecast.quota.*}), per API key (one shared budget
 * when the service runs open).
 *
 * @param trainSubmissions training submissions ({@code POST /train}, {@code POST /tune})
 * a key may make per {@code trainSubmissionsPeriod}; more get 429 with Retry-After
 * @param trainSubmissionsPeriod the period of that budget
 * @param maxActiveRuns queued plus running training runs a key may have at once; more get
 * 429
 */
@Validated
@ConfigurationProperties("forecast.quota")
public record QuotaProperties(@DefaultValue("20") @Min(1) int trainSubmissions,
		@DefaultValue("1m") Duration trainSubmissionsPeriod, @DefaultValue("10") @Min(1) int maxActiveRuns) {
}
