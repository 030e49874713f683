package dev.forecast.config;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Waits, at start-up, until the database accepts a connection, before Flyway or JPA use
 * it: a container started next to its database (docker compose, a Kubernetes pod whose
 * database comes up later) needs no healthcheck runner or init container to start in
 * order. Only failures that waiting can fix are retried (connection refused, unknown
 * host, "the database system is starting up"); anything else (a wrong password, a missing
 * database) is left to fail as it would without this wait. Each failed attempt is logged;
 * after {@code forecast.database.startup-timeout} start-up fails with the database's URL
 * and the last error.
 */
@Component
class DatabaseStartupWait implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseStartupWait.class);

	private final DatabaseStartupProperties properties;

	@Autowired
	DatabaseStartupWait(Environment environment) {
		// bound here rather than injected: a post-processor is created before other beans
		this(Binder.get(environment).bindOrCreate("forecast.database", DatabaseStartupProperties.class));
	}

	DatabaseStartupWait(DatabaseStartupProperties properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !this.properties.startupTimeout().isZero()) {
			await(dataSource, beanName);
		}
		return bean;
	}

	private void await(DataSource dataSource, String beanName) {
		String url = (dataSource instanceof HikariDataSource hikari) ? hikari.getJdbcUrl() : beanName;
		Duration timeout = this.properties.startupTimeout();
		Duration interval = this.properties.startupRetryInterval();
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.predicate(DatabaseStartupWait::waitingMayHelp)
			.maxRetries(Long.MAX_VALUE)
			.delay(interval)
			.multiplier(1)
			.timeout(timeout)
			.build());
		retry.setRetryListener(new RetryListener() {

			@Override
			public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				if (!state.isSuccessful() && waitingMayHelp(state.getLastException())) {
					Throwable error = state.getLastException();
					logger.warn(
							"Database {} not reachable yet ({}); attempt {}, retrying every {} for up to {} "
									+ "(forecast.database.startup-timeout)",
							url, message(error), state.getRetryCount() + 1, readable(interval), readable(timeout));
				}
				else if (state.isSuccessful() && state.getRetryCount() > 0) {
					logger.info("Database {} reachable after {} attempts", url, state.getRetryCount() + 1);
				}
			}

		});
		long start = System.nanoTime();
		try {
			retry.execute(() -> {
				try (Connection connection = dataSource.getConnection()) {
					return connection.isValid(5);
				}
			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (!waitingMayHelp(last)) {
				return; // not for this wait: Flyway meets the same error and reports it
			}
			long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
			throw new BeanCreationException(beanName, "Database " + url + " not reachable after " + seconds + " s and "
					+ (ex.getRetryCount() + 1) + " attempts (" + message(last) + "). Check that it runs and that "
					+ "spring.datasource.url names it; forecast.database.startup-timeout sets how long to wait.", last);
		}
	}

	/**
	 * Whether the error says the database is not there (yet), rather than that it refused
	 * us.
	 */
	static boolean waitingMayHelp(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03"))) {
				return true;
			}
		}
		return false;
	}

	/** {@code 2s}, {@code 2m}, {@code 1m30s} rather than {@code PT1M30S}. */
	private static String readable(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private static String message(Throwable error) {
		return (error != null) ? error.getMessage() : "no error";
	}

}
