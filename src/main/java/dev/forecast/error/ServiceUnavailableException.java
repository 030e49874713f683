package dev.forecast.error;

import java.util.Map;

/**
 * A passing fault (the database is unreachable for a moment): 503, retry after
 * {@code Retry-After} seconds.
 */
public class ServiceUnavailableException extends ApiException {

	private final long retryAfterSeconds;

	public ServiceUnavailableException(String detail, long retryAfterSeconds) {
		super(503, "Service unavailable", detail);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
	}

}
