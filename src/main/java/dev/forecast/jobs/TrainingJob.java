package dev.forecast.jobs;

import dev.forecast.model.EpochStats;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.TrainingMonitor;
import dev.forecast.series.SeriesService;
import dev.forecast.training.ServingProperties;
import dev.forecast.training.WorkerProperties;
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

	private final RunTrainer trainer;

	private final WorkerHealth health;

	private final boolean inProcess;

	TrainingJob(RunQueue store, SeriesService series, RunningJobs running, JsonMapper json, ServingProperties serving,
			WorkerProperties workers, WorkerHealth health) {
		this.store = store;
		this.series = series;
		this.running = running;
		this.json = json;
		this.health = health;
		this.inProcess = workers.isolation() == WorkerProperties.Isolation.THREAD;
		this.trainer = this.inProcess ? new InProcessTrainer(serving.residualSteps())
				: new ChildProcessTrainer(workers, serving.residualSteps());
	}

	/** Trains {@code claim} on {@code device} (a GPU, or -1 on the CPU). */
	void execute(RunQueue.Claim claim, String worker, int device) {
		RunningJobs.Job job = this.running.start(claim.id(), worker);
		MDC.put("run", Long.toString(claim.id()));
		try {
			TrainSpec spec = this.json.readValue(claim.spec(), TrainSpec.class);
			log.info("Training run {} (series {}, attempt {}) on {}", claim.id(), claim.seriesId(), claim.attempts(),
					worker);
			double[] values = this.series.points(claim.seriesId()).values();
			finish(job, this.trainer.train(spec, claim.spec(), values, device, monitor(job)));
			this.health.trained();
		}
		catch (Exception | Error ex) { // an OutOfMemoryError of native memory fails the
										// run, not the worker
			if (job.shuttingDown()) {
				requeue(job);
				return;
			}
			log.warn("Run {} failed: {}", claim.id(), describe(ex),
					ex instanceof ChildProcessTrainer.ChildProcessException ? null : ex);
			this.store.fail(claim.id(), worker, describe(ex));
			judge(ex);
		}
		finally {
			this.running.finish(job);
			MDC.remove("run");
		}
	}

	private void finish(RunningJobs.Job job, TrainingOutcome outcome) {
		long id = job.runId;
		if (job.lost()) {
			log.warn("Run {} was taken from {} (missed heartbeats or deleted); dropping its result", id, job.worker);
		}
		else if (job.shuttingDown()) {
			requeue(job);
		}
		else if (job.cancelled()) {
			this.store.cancelled(id, job.worker);
			log.info("Run {} cancelled after {} epoch(s)", id, outcome.epochs());
		}
		else if (outcome.model() == null) {
			this.store.fail(id, job.worker, "No epoch finished");
		}
		else if (this.store.succeed(id, job.worker, outcome.metrics(), outcome.diagnosis(), outcome.model())) {
			log.info("Run {} succeeded: valMae {} at epoch {} in {} s ({} KB model)", id,
					String.format("%.3f", outcome.metrics().valMae()), outcome.metrics().bestEpoch(),
					String.format("%.1f", outcome.metrics().trainSeconds()), outcome.model().length / 1024);
		}
	}

	/**
	 * Whether the worker can train on after {@code failure} (see {@link WorkerHealth}).
	 */
	private void judge(Throwable failure) {
		if (failure instanceof ChildProcessTrainer.ChildProcessException child && child.launch()) {
			this.health.launchFailed(child.getMessage());
		}
		else if (failure instanceof OutOfMemoryError && this.inProcess) {
			this.health.outOfMemoryInProcess();
		}
		else {
			this.health.trained();
		}
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
		if (ex instanceof dev.forecast.error.ApiException || ex instanceof ChildProcessTrainer.ChildProcessException) {
			return message;
		}
		String type = ex.getClass().getSimpleName();
		return message == null || message.isBlank() ? type : type + ": " + message;
	}

}
