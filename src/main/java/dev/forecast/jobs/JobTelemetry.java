package dev.forecast.jobs;

import java.time.Duration;

import dev.forecast.model.TrainSpec;
import org.slf4j.MDC;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a training job tells the rest of the process: the run and series ids in the MDC of
 * every line the job's thread logs, and {@link JobEvent}s for observers. One
 * {@link Tracker} per job, closed when the job ends.
 */
@Component
class JobTelemetry {

	static final String RUN = "run";

	static final String SERIES = "series";

	static final String COLLECTION = "collection";

	private final ApplicationEventPublisher events;

	JobTelemetry(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Puts the claimed run and its series (or collection) in the MDC of this thread.
	 */
	Tracker start(long runId, Long seriesId, Long collectionId) {
		MDC.put(RUN, Long.toString(runId));
		MDC.put(seriesId != null ? SERIES : COLLECTION, String.valueOf(seriesId != null ? seriesId : collectionId));
		return new Tracker(runId, seriesId);
	}

	void recovered(int runs) {
		if (runs > 0) {
			this.events.publishEvent(new JobEvent.Recovered(runs));
		}
	}

	/** One job: its events, and its MDC entries until closed. */
	final class Tracker implements AutoCloseable {

		private final long runId;

		private final Long seriesId;

		private final long started = System.nanoTime();

		private String model = "unknown";

		private boolean ended;

		private Tracker(long runId, Long seriesId) {
			this.runId = runId;
			this.seriesId = seriesId;
		}

		/** Training starts with {@code spec} on {@code points} points. */
		void training(TrainSpec spec, int points) {
			this.model = spec.model() == null ? "custom" : spec.model();
			JobTelemetry.this.events.publishEvent(new JobEvent.Started(this.runId, this.seriesId, this.model,
					spec.window(), spec.horizon(), Math.max(0, points - spec.validation())));
		}

		void epoch(double seconds) {
			JobTelemetry.this.events.publishEvent(new JobEvent.Epoch(this.runId, this.model, seconds));
		}

		void ended(JobEvent.Outcome outcome) {
			ended(outcome, null);
		}

		/** The first end counts; later calls are ignored. */
		void ended(JobEvent.Outcome outcome, Throwable failure) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			JobTelemetry.this.events.publishEvent(new JobEvent.Ended(this.runId, this.model, outcome, failure,
					Duration.ofNanos(System.nanoTime() - this.started)));
		}

		@Override
		public void close() {
			MDC.remove(RUN);
			MDC.remove(SERIES);
			MDC.remove(COLLECTION);
		}

	}

}
