package dev.forecast.error;

/**
 * A costly request stopped because it ran past its deadline, its client went away or the
 * service is shutting down (503).
 */
public class DeadlineExceededException extends ApiException {

	public DeadlineExceededException(String detail) {
		super(503, "Deadline exceeded", detail);
	}

}
