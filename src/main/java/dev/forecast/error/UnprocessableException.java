package dev.forecast.error;

/**
 * The request is well formed but cannot be processed as sent (422), for example an
 * idempotency key reused with a different request.
 */
public class UnprocessableException extends ApiException {

	public UnprocessableException(String title, String detail) {
		super(422, title, detail);
	}

}
