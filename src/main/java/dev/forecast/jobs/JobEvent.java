package dev.forecast.jobs;

import java.time.Duration;

/**
 * What the training jobs of this process tell observers (metrics), as application events
 * published on the worker's thread. Ids travel in the events for listeners that need
 * them; the model family is a spec's {@code model} name.
 */
public sealed interface JobEvent {

	/** How a job ended on this worker. */
	enum Outcome {

		SUCCEEDED, FAILED, CANCELLED,
		/** Put back in the queue because this worker shuts down. */
		REQUEUED,
		/**
		 * Taken from this worker (missed heartbeats, deleted); its result was dropped.
		 */
		LOST

	}

	/**
	 * A worker started training a run.
	 *
	 * @param seriesId the run's series ({@code null} for a collection run)
	 * @param trainPoints the points before the validation part, what the windows are cut
	 * from (for a collection run, the points of a series giving as many windows as an
	 * epoch draws from all members)
	 */
	record Started(long runId, Long seriesId, String model, int window, int horizon,
			int trainPoints) implements JobEvent {
	}

	/** One epoch of a run finished after {@code seconds}. */
	record Epoch(long runId, String model, double seconds) implements JobEvent {
	}

	/** A job ended; {@code failure} is what failed it, or {@code null}. */
	record Ended(long runId, String model, Outcome outcome, Throwable failure, Duration duration) implements JobEvent {
	}

	/**
	 * Runs taken back from workers that stopped sending heartbeats (re-queued, or failed
	 * after their last attempt).
	 */
	record Recovered(int runs) implements JobEvent {
	}

}
