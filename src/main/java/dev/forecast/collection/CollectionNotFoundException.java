package dev.forecast.collection;

import dev.forecast.error.NotFoundException;

class CollectionNotFoundException extends NotFoundException {

	CollectionNotFoundException(long id) {
		super("Collection not found", "There is no collection " + id + "; GET /collections lists the stored ones.");
	}

}
