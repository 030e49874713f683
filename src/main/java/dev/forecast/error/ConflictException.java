package dev.forecast.error;

/** The request conflicts with the current state of a resource (409). */
public class ConflictException extends ApiException {

	public ConflictException(String title, String detail) {
		super(409, title, detail);
	}

}
