package dev.forecast.error;

/**
 * No API key, or an unknown one, was sent (401). The answer carries a WWW-Authenticate
 * challenge.
 */
public class UnauthorizedException extends ApiException {

	public UnauthorizedException(String detail) {
		super(401, "Unauthorized", detail);
	}

}
