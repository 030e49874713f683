package dev.forecast.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long start-up waits for the database ({@code forecast.database.*}).
 *
 * @param startupTimeout how long to keep trying the first connection while the database
 * is not reachable yet (refused, unknown host, starting up); {@code 0} turns the wait off
 * @param startupRetryInterval the pause between two attempts
 */
@ConfigurationProperties("forecast.database")
public record DatabaseStartupProperties(@DefaultValue("2m") Duration startupTimeout,
		@DefaultValue("2s") Duration startupRetryInterval) {

	public DatabaseStartupProperties {
		if (startupTimeout.isNegative() || startupRetryInterval.isNegative() || startupRetryInterval.isZero()) {
			throw new IllegalArgumentException("forecast.database.startup-timeout must be 0 or more and "
					+ "forecast.database.startup-retry-interval more than 0");
		}
	}

}
