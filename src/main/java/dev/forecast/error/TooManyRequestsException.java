package dev.forecast.error;

import java.util.Map;

/**
 * A quota or rate limit is exhausted (429); {@code Retry-After} says when to try again.
 */
public class TooManyRequestsException extends ApiException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(String detail, long retryAfterSeconds) {
		super(429, "Too many requests", detail);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
	}

}
