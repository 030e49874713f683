package dev.forecast.tuning;

import dev.forecast.error.NotFoundException;

/** No random search with the given id (404). */
class TuningNotFoundException extends NotFoundException {

	private TuningNotFoundException(long id) {
		super("Search not found", "There is no random search (tune) with id " + id + ".");
	}

	static TuningNotFoundException forId(long id) {
		return new TuningNotFoundException(id);
	}

}
