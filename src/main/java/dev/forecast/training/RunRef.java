package dev.forecast.training;

/**
 * Which series a run belongs to and where it stands: what serving checks before using its
 * model.
 */
public record RunRef(long id, long seriesId, RunStatus status) {

	public boolean succeeded() {
		return this.status == RunStatus.SUCCEEDED;
	}

}
