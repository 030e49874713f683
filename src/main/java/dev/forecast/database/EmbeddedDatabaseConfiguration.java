package dev.forecast.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.datasource.url} (the {@code SPRING_DATASOURCE_URL} variable) the
 * service starts its own PostgreSQL ({@link EmbeddedPostgres}) before the connection pool
 * and stops it after the pool closes, so that {@code ./mvnw spring-boot:run} works on a
 * machine with only Java. With a URL, or with
 * {@code forecast.database.embedded.enabled=false}, nothing here applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "forecast.database.embedded.enabled", matchIfMissing = true)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
		log.info("No SPRING_DATASOURCE_URL: starting an embedded PostgreSQL with its data in {}",
				properties.directory().toAbsolutePath().normalize());
		long start = System.nanoTime();
		EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(properties.directory(),
				properties.port(), properties.runAs(), true, properties.startTimeout()));
		log.warn(
				"Running on an EMBEDDED PostgreSQL {} meant for trying the service, not for production: data in {}, "
						+ "{} as user '{}' (no password, 127.0.0.1 only), started in {} ms {}. "
						+ "Set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) to use your own PostgreSQL.",
				server.version(), server.dataDirectory(), server.jdbcUrl("postgres"), EmbeddedPostgres.USER,
				(System.nanoTime() - start) / 1_000_000, server.runsAs());
		return server;
	}

	/**
	 * Boot's connection pool, Flyway and JPA connect to the embedded server through
	 * these.
	 */
	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres server) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return EmbeddedPostgres.USER;
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return server.jdbcUrl("postgres");
			}

		};
	}

	/** Matches when no {@code spring.datasource.url} is set (blank counts as not set). */
	static class NoDataSourceUrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return (url == null || url.isBlank()) ? ConditionOutcome.match("no spring.datasource.url")
					: ConditionOutcome.noMatch("spring.datasource.url is set");
		}

	}

}
