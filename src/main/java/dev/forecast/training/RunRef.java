package dev.forecast.training;

/**
 * Which series (or collection) a run belongs to and where it stands: what serving checks
 * before using its model. Exactly one of {@code seriesId} and {@code collectionId} is
 * set.
 */
public record RunRef(long id, Long seriesId, Long collectionId, RunStatus status) {

	public RunRef(long id, long seriesId, RunStatus status) {
		this(id, seriesId, null, status);
	}

	public boolean succeeded() {
		return this.status == RunStatus.SUCCEEDED;
	}

}
