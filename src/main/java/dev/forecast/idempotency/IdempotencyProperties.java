package dev.forecast.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency keys of {@code POST /series} and {@code POST /train}
 * ({@code forecast.idempotency.*}).
 *
 * @param ttl how long a key's first answer is kept; a key older than this is new again
 */
@Validated
@ConfigurationProperties("forecast.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl) {
}
