package dev.forecast.database;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is set
 * ({@code forecast.database.embedded.*}).
 *
 * @param enabled false: never start one (container images set this; without a
 * {@code SPRING_DATASOURCE_URL} the service then refuses to start)
 * @param directory the data directory, kept between starts (relative to the working
 * directory)
 * @param port its TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param runAs when the service runs as root: the unprivileged user to run PostgreSQL as;
 * empty chooses (the owner of an existing data directory, else a user namespace, else the
 * system user {@code forecast-pg}, created when missing)
 * @param startTimeout how long creating the cluster and starting the server may take each
 */
@Validated
@ConfigurationProperties("forecast.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("data/postgres") Path directory, @DefaultValue("0") @Min(0) @Max(65535) int port,
		@DefaultValue("") String runAs, @DefaultValue("120s") Duration startTimeout) {
}
