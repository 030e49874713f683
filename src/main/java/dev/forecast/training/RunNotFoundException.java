package dev.forecast.training;

import dev.forecast.error.NotFoundException;

/** No run with the given id (404). */
public class RunNotFoundException extends NotFoundException {

	RunNotFoundException(long id) {
		super("Run not found", "There is no run with id " + id + ".");
	}

	public static RunNotFoundException forId(long id) {
		return new RunNotFoundException(id);
	}

}
