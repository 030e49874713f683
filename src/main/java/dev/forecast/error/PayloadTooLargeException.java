package dev.forecast.error;

/** The request body is over a configured limit (413). */
public class PayloadTooLargeException extends ApiException {

	public PayloadTooLargeException(String detail) {
		super(413, "Payload too large", detail);
	}

}
