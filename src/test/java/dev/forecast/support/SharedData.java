package dev.forecast.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data sets of the project, copied under src/test/resources/data. */
public final class SharedData {

	public static final Path SUNSPOTS = path("sunspots.csv");

	public static final Path AIRLINE = path("airline_passengers.csv");

	private SharedData() {
	}

	private static Path path(String name) {
		Path path = Path.of("src/test/resources/data", name);
		if (!Files.exists(path)) {
			throw new IllegalStateException("missing test data " + path.toAbsolutePath());
		}
		return path;
	}

}
