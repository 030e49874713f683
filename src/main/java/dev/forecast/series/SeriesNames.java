package dev.forecast.series;

/** The name an upload gets when the request names none. */
final class SeriesNames {

	private SeriesNames() {
	}

	static String nameOr(String name, String fallback) {
		return name == null || name.isBlank() ? fallback : name.trim();
	}

	/** The file name without directories and extension ({@code series} if none). */
	static String baseName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return "series";
		}
		String base = fileName.replaceAll(".*[/\\\\]", "");
		int dot = base.lastIndexOf('.');
		return dot > 0 ? base.substring(0, dot) : base;
	}

}
