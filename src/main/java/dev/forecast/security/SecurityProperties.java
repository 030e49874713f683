package dev.forecast.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access control ({@code forecast.security.*}).
 *
 * @param apiKeys comma-separated {@code key=scope} entries ({@code read} or
 * {@code write}); a key may be given as {@code {sha256}hex}. Empty: the service runs open
 * (and says so).
 * @param failedAuthenticationsPerMinute unknown keys a client address may present per
 * minute; past that its requests presenting a key get 429 with Retry-After
 */
@Validated
@ConfigurationProperties("forecast.security")
public record SecurityProperties(@DefaultValue("") String apiKeys,
		@DefaultValue("10") @Min(1) int failedAuthenticationsPerMinute) {
}
