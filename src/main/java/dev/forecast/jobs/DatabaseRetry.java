package dev.forecast.jobs;

import java.util.function.Supplier;

import dev.forecast.error.TransientDatabaseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Retries the workers' short database transactions (claims, heartbeats, epoch records,
 * the end of a run) after a transient fault such as a terminated connection, with an
 * exponential, bounded back-off ({@link DatabaseRetryProperties}). Each call is one whole
 * transaction, so a retry starts it again on a fresh connection; other errors are thrown
 * at once.
 */
@Component
class DatabaseRetry {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

	private final RetryTemplate template;

	DatabaseRetry(DatabaseRetryProperties properties) {
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(properties.maxRetries())
			.delay(properties.delay())
			.multiplier(2)
			.maxDelay(properties.maxDelay())
			.predicate(TransientDatabaseErrors::isTransient)
			.build();
		this.template = new RetryTemplate(policy);
		this.template.setRetryListener(new RetryListener() {

			@Override
			public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
				log.warn("Database call '{}' failed again: {}", retryable.getName(), failure.toString());
			}

		});
	}

	/**
	 * Runs {@code action}, retrying it while it fails with a transient database error;
	 * the last error when the retries are used up.
	 */
	<T> T call(String name, Supplier<T> action) {
		try {
			return this.template.execute(new Retryable<T>() {

				@Override
				public T execute() {
					return action.get();
				}

				@Override
				public String getName() {
					return name;
				}

			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException() != null ? ex.getLastException() : ex.getCause();
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (last instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getMessage(), last);
		}
	}

	static boolean isTransient(Throwable ex) {
		return TransientDatabaseErrors.isTransient(ex);
	}

}
