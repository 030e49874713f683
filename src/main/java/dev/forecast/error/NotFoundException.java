package dev.forecast.error;

/** A resource named in the request does not exist (404). */
public class NotFoundException extends ApiException {

	public NotFoundException(String title, String detail) {
		super(404, title, detail);
	}

}
