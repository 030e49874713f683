package dev.forecast.jobs;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.TrainingResult;
import dev.forecast.model.training.ValidationResiduals;
import dev.forecast.series.SeriesService;
import dev.forecast.training.Run;
import dev.forecast.training.ServingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Trains one claimed run: reads the series, runs the training loop outside any
 * transaction, records every epoch, and ends the run as SUCCEEDED (with its model),
 * FAILED (with the reason), CANCELLED, or back in the queue when the worker shuts down.
 * Every store call is its own short transaction and guarded by the worker's ownership of
 * the run.
 */
@Component
class TrainingJob {

	private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

	private final RunQueue store;

	private final SeriesService series;

	private final RunningJobs running;

	private final JsonMapper json;

	private final ServingProperties serving;

	private final JobTelemetry telemetry;

	private final DatabaseRetry retry;

	TrainingJob(RunQueue store, SeriesService series, RunningJobs running, JsonMapper json, ServingProperties serving,
			JobTelemetry telemetry, DatabaseRetry retry) {
		this.store = store;
		this.retry = retry;
		this.series = series;
		this.running = running;
		this.json = json;
		this.serving = serving;
		this.telemetry = telemetry;
	}

	void execute(RunQueue.Claim claim, String worker) {
		RunningJobs.Job job = this.running.start(claim.id(), worker);
		JobTelemetry.Tracker tracker = this.telemetry.start(claim.id(), claim.seriesId());
		try {
			TrainSpec spec = this.json.readValue(claim.spec(), TrainSpec.class);
			log.info("Training run {} (series {}, attempt {}) on {}", claim.id(), claim.seriesId(), claim.attempts(),
					worker);
			double[] values = this.retry.call("read series", () -> this.series.points(claim.seriesId())).values();
			tracker.training(spec, values.length);
			TrainingResult result = Trainer.train(spec, values, monitor(job, tracker), claim.spec());
			tracker.ended(finish(job, result, spec, values));
		}
		catch (Exception | Error ex) { // an OutOfMemoryError of native memory fails the
										// run, not the worker
			if (job.shuttingDown()) {
				requeue(job);
				tracker.ended(JobEvent.Outcome.REQUEUED);
				return;
			}
			if (DatabaseRetry.isTransient(ex)) {
				// the database stayed away longer than the retries: the run is not at
				// fault
				log.warn("Run {} interrupted by a database fault; putting it back in the queue: {}", claim.id(),
						ex.toString());
				requeue(job);
				tracker.ended(JobEvent.Outcome.REQUEUED);
				return;
			}
			log.warn("Run {} failed", claim.id(), ex);
			fail(claim.id(), worker, describe(ex));
			tracker.ended(JobEvent.Outcome.FAILED, ex);
		}
		finally {
			this.running.finish(job);
			tracker.close();
		}
	}

	private JobEvent.Outcome finish(RunningJobs.Job job, TrainingResult result, TrainSpec spec, double[] values) {
		long id = job.runId;
		if (job.lost()) {
			log.warn("Run {} was taken from {} (missed heartbeats or deleted); dropping its result", id, job.worker);
			return JobEvent.Outcome.LOST;
		}
		else if (job.shuttingDown()) {
			requeue(job);
			return JobEvent.Outcome.REQUEUED;
		}
		else if (job.cancelled()) {
			this.retry.call("cancelled", () -> this.store.cancelled(id, job.worker));
			log.info("Run {} cancelled after {} epoch(s)", id, result.curve().size());
			return JobEvent.Outcome.CANCELLED;
		}
		else if (result.model() == null) {
			fail(id, job.worker, "No epoch finished");
			return JobEvent.Outcome.FAILED;
		}
		else {
			Run.Metrics metrics = new Run.Metrics(result.valMae(), result.valRmse(), result.bestEpoch(),
					result.trainSeconds(), Double.isFinite(result.naiveMae()) ? result.naiveMae() : null,
					result.suggestedLearningRate(), result.vsNaive());
			byte[] model = ModelCodec.encode(withResiduals(result, spec, values));
			if (this.retry.call("succeed",
					() -> this.store.succeed(id, job.worker, metrics, result.diagnosis(), model))) {
				log.info("Run {} succeeded: valMae {} at epoch {} in {} s ({} KB model)", id,
						String.format("%.3f", result.valMae()), result.bestEpoch(),
						String.format("%.1f", result.trainSeconds()), model.length / 1024);
				return JobEvent.Outcome.SUCCEEDED;
			}
			return JobEvent.Outcome.LOST;
		}
	}

	/**
	 * The kept model with its absolute errors on the validation windows per step ahead,
	 * the calibration set of its prediction intervals.
	 */
	private TrainedModel withResiduals(TrainingResult result, TrainSpec spec, double[] values) {
		long started = System.nanoTime();
		float[][] residuals = ValidationResiduals.compute(result.model(), values, spec.validation(),
				this.serving.residualSteps());
		log.debug("Validation residuals for {} step(s) in {} ms", residuals.length,
				(System.nanoTime() - started) / 1_000_000);
		return result.model().withResiduals(residuals, values.length - spec.validation());
	}

	private void requeue(RunningJobs.Job job) {
		try {
			if (this.retry.call("requeue", () -> this.store.requeue(job.runId, job.worker))) {
				log.info("Run {} re-queued by worker {}", job.runId, job.worker);
			}
		}
		catch (RuntimeException ex) { // recovered after the heartbeat timeout
			log.warn("Re-queuing run {} failed: {}", job.runId, ex.toString());
		}
	}

	private void fail(long id, String worker, String reason) {
		try {
			this.retry.call("fail", () -> this.store.fail(id, worker, reason));
		}
		catch (RuntimeException ex) { // recovered after the heartbeat timeout
			log.warn("Recording the failure of run {} failed: {}", id, ex.toString());
		}
	}

	private TrainingMonitor monitor(RunningJobs.Job job, JobTelemetry.Tracker tracker) {
		return new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return job.shouldStop();
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
				tracker.epoch(stats.seconds());
				RunQueue.Heartbeat answer = TrainingJob.this.retry.call("record epoch",
						() -> TrainingJob.this.store.recordEpoch(job.runId, job.worker, stats));
				if (answer == RunQueue.Heartbeat.CANCEL_REQUESTED) {
					job.cancel();
				}
				else if (answer == RunQueue.Heartbeat.LOST) {
					job.lose();
				}
			}

		};
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		if (ex instanceof dev.forecast.error.ApiException) {
			return message;
		}
		String type = ex.getClass().getSimpleName();
		return message == null || message.isBlank() ? type : type + ": " + message;
	}

}
