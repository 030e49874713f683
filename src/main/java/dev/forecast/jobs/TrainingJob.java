package dev.forecast.jobs;

import dev.forecast.model.Ensemble;
import dev.forecast.model.EpochStats;
import dev.forecast.model.Shrinkage;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.TrainedModel;
import dev.forecast.model.Trainer;
import dev.forecast.model.TrainingMonitor;
import dev.forecast.model.TrainingResult;
import dev.forecast.model.ValidationResiduals;
import dev.forecast.series.SeriesService;
import dev.forecast.training.Run;
import dev.forecast.training.ServingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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

	TrainingJob(RunQueue store, SeriesService series, RunningJobs running, JsonMapper json, ServingProperties serving) {
		this.store = store;
		this.series = series;
		this.running = running;
		this.json = json;
		this.serving = serving;
	}

	void execute(RunQueue.Claim claim, String worker) {
		RunningJobs.Job job = this.running.start(claim.id(), worker);
		MDC.put("run", Long.toString(claim.id()));
		try {
			TrainSpec spec = this.json.readValue(claim.spec(), TrainSpec.class);
			log.info("Training run {} (series {}, attempt {}) on {}", claim.id(), claim.seriesId(), claim.attempts(),
					worker);
			double[] values = this.series.points(claim.seriesId()).values();
			TrainingResult result = Trainer.train(spec, values, monitor(job), claim.spec(),
					Ensemble.size(spec, values.length));
			finish(job, result, spec, values);
		}
		catch (Exception | Error ex) { // an OutOfMemoryError of native memory fails the
										// run, not the worker
			if (job.shuttingDown()) {
				requeue(job);
				return;
			}
			log.warn("Run {} failed", claim.id(), ex);
			this.store.fail(claim.id(), worker, describe(ex));
		}
		finally {
			this.running.finish(job);
			MDC.remove("run");
		}
	}

	private void finish(RunningJobs.Job job, TrainingResult result, TrainSpec spec, double[] values) {
		long id = job.runId;
		if (job.lost()) {
			log.warn("Run {} was taken from {} (missed heartbeats or deleted); dropping its result", id, job.worker);
		}
		else if (job.shuttingDown()) {
			requeue(job);
		}
		else if (job.cancelled()) {
			this.store.cancelled(id, job.worker);
			log.info("Run {} cancelled after {} epoch(s)", id, result.curve().size());
		}
		else if (result.model() == null) {
			this.store.fail(id, job.worker, "No epoch finished");
		}
		else {
			TrainedModel guarded = guarded(result, spec, values);
			Run.Metrics metrics = new Run.Metrics(result.valMae(), result.valRmse(), result.bestEpoch(),
					result.trainSeconds(), Double.isFinite(result.naiveMae()) ? result.naiveMae() : null,
					result.suggestedLearningRate(), result.vsNaive(),
					Double.isFinite(guarded.shrinkage().mae()) ? guarded.shrinkage() : null,
					1 + guarded.members().size());
			byte[] model = guarded.toBytes();
			if (this.store.succeed(id, job.worker, metrics, result.diagnosis(), model)) {
				log.info("Run {} succeeded: valMae {} at epoch {} in {} s ({} KB model)", id,
						String.format("%.3f", result.valMae()), result.bestEpoch(),
						String.format("%.1f", result.trainSeconds()), model.length / 1024);
			}
		}
	}

	/**
	 * The kept model guarded against losing to naive (its {@link Shrinkage} toward a
	 * naive baseline, fitted on the validation forecasts of the network alone), with the
	 * absolute errors of its guarded forecasts on the validation windows per step ahead,
	 * the calibration set of its prediction intervals.
	 */
	private TrainedModel guarded(TrainingResult result, TrainSpec spec, double[] values) {
		long started = System.nanoTime();
		int validation = spec.validation();
		double[][] forecasts = ValidationResiduals.forecasts(result.model(), values, validation,
				this.serving.residualSteps());
		Shrinkage shrinkage = Shrinkage.fit(values, validation, forecasts, spec.season(), spec.window());
		for (int i = 0; i < forecasts.length; i++) { // as the shrunk model forecasts them
			shrinkage.apply(values, values.length - validation + i, forecasts[i]);
		}
		float[][] residuals = ValidationResiduals.fromForecasts(forecasts, values, validation);
		log.debug("Shrinkage {} and validation residuals for {} step(s) in {} ms", shrinkage, residuals.length,
				(System.nanoTime() - started) / 1_000_000);
		return result.model().withShrinkage(shrinkage).withResiduals(residuals, values.length - validation);
	}

	private void requeue(RunningJobs.Job job) {
		if (this.store.requeue(job.runId, job.worker)) {
			log.info("Run {} re-queued: worker {} is shutting down", job.runId, job.worker);
		}
	}

	private TrainingMonitor monitor(RunningJobs.Job job) {
		return new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return job.shouldStop();
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
				RunQueue.Heartbeat answer = TrainingJob.this.store.recordEpoch(job.runId, job.worker, stats);
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
