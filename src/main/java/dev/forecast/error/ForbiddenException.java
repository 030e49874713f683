package dev.forecast.error;

/** The API key is known but its scope does not allow the request (403). */
public class ForbiddenException extends ApiException {

	public ForbiddenException(String detail) {
		super(403, "Forbidden", detail);
	}

}
