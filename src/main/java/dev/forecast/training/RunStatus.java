package dev.forecast.training;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The states of a training run and the one table of allowed moves between them:
 * {@code QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED}, plus
 * {@code QUEUED → CANCELLED} (cancelled before a worker took it) and
 * {@code RUNNING → QUEUED} (its worker shut down or died). {@link RunStore} and the
 * workers' queue write statuses only through {@link #sourcesOf}, so every SQL update is
 * guarded by this table.
 */
public enum RunStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	private Set<RunStatus> next() {
		return switch (this) {
			case QUEUED -> EnumSet.of(RUNNING, CANCELLED, FAILED);
			case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, QUEUED);
			case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(RunStatus.class);
		};
	}

	public boolean canMoveTo(RunStatus target) {
		return next().contains(target);
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

	/** The statuses a run may be in to move to {@code target}. */
	public static List<String> sourcesOf(RunStatus target) {
		return Arrays.stream(values()).filter(s -> s.canMoveTo(target)).map(Enum::name).toList();
	}

	static RunStatus parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
