package dev.forecast.series;

import dev.forecast.error.NotFoundException;

public class SeriesNotFoundException extends NotFoundException {

	private SeriesNotFoundException(long id) {
		super("Series not found", "There is no series " + id + "; GET /series lists the stored ones.");
	}

	public static SeriesNotFoundException forId(long id) {
		return new SeriesNotFoundException(id);
	}

}
