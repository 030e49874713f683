package dev.forecast.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails on the embedded PostgreSQL ends with what went wrong and what to do,
 * instead of a stack trace through the connection pool and Flyway.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(
				"The embedded PostgreSQL (started because SPRING_DATASOURCE_URL is not set) failed: "
						+ cause.getMessage(),
				"Fix the above, or set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and "
						+ "SPRING_DATASOURCE_PASSWORD) to use a PostgreSQL of your own.",
				cause);
	}

}
