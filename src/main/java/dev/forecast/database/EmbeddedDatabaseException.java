package dev.forecast.database;

/**
 * The embedded PostgreSQL could not be prepared, started or stopped; the message says why
 * and, where it can, what to do.
 */
public class EmbeddedDatabaseException extends RuntimeException {

	public EmbeddedDatabaseException(String message) {
		super(message);
	}

	public EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
