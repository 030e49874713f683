package dev.forecast.ops;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.forecast.error.ApiException;
import dev.forecast.jobs.JobEvent;

import org.springframework.dao.DataAccessException;

/**
 * Tag values of the service's own meters, all from small fixed sets: a value that could
 * carry an id, a key or user text is replaced by a fixed word.
 */
final class Tags {

	private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	private Tags() {
	}

	/** A spec's model family ({@code lstm}, {@code nbeats}, ...), or {@code other}. */
	static String model(String model) {
		if (model == null) {
			return "custom";
		}
		String lower = model.toLowerCase(Locale.ROOT);
		return WORD.matcher(lower).matches() ? lower : "other";
	}

	static String outcome(JobEvent.Outcome outcome) {
		return outcome.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The class of a failure: {@code none} unless the run failed; {@code out_of_memory},
	 * {@code diverged}, {@code no_epoch}, {@code invalid} (an input the service refused),
	 * {@code database}, {@code error} or {@code exception}.
	 */
	static String reason(JobEvent.Outcome outcome, Throwable failure) {
		if (outcome != JobEvent.Outcome.FAILED) {
			return "none";
		}
		if (failure == null) {
			return "no_epoch";
		}
		if (failure instanceof OutOfMemoryError) {
			return "out_of_memory";
		}
		if (failure instanceof ApiException) {
			return "invalid";
		}
		if (failure instanceof DataAccessException) {
			return "database";
		}
		String message = failure.getMessage();
		if (message != null && message.startsWith("Training diverged")) {
			return "diverged";
		}
		return failure instanceof Error ? "error" : "exception";
	}

	/**
	 * A problem title as a tag ({@code Invalid CSV} → {@code invalid_csv}), or
	 * {@code other} when it is not a short phrase of words.
	 */
	static String problem(String title) {
		if (title == null || title.length() > 48) {
			return "other";
		}
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
		return slug.matches("[a-z][a-z_]*") && slug.length() <= 40 ? slug : "other";
	}

}
