package dev.forecast.jobs;

import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.series.SeriesService;
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

	private final RunTrainer trainer;

	private final WorkerHealth health;

	private final boolean inProcess;

	private final JobTelemetry telemetry;

	private final DatabaseRetry retry;

	TrainingJob(RunQueue store, SeriesService series, RunningJobs running, JsonMapper json, ServingProperties serving,
			WorkerProperties workers, WorkerHealth health, JobTelemetry telemetry, DatabaseRetry retry) {
		this.store = store;
		this.telemetry = telemetry;
		this.retry = retry;
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
		JobTelemetry.Tracker tracker = this.telemetry.start(claim.id(), claim.seriesId(), claim.collectionId());
		try {
			TrainSpec spec = this.json.readValue(claim.spec(), TrainSpec.class);
			tracker.ended(finish(job, train(claim, spec, worker, device, job, tracker)));
			this.health.trained();
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
			log.warn("Run {} failed: {}", claim.id(), describe(ex),
					ex instanceof ChildProcessTrainer.ChildProcessException ? null : ex);
			fail(claim.id(), worker, describe(ex));
			tracker.ended(JobEvent.Outcome.FAILED, ex);
			judge(ex);
		}
		finally {
			this.running.finish(job);
			tracker.close();
		}
	}

	/**
	 * Reads the run's series, or all members of its collection in member order, and
	 * trains on them.
	 */
	private TrainingOutcome train(RunQueue.Claim claim, TrainSpec spec, String worker, int device, RunningJobs.Job job,
			JobTelemetry.Tracker tracker) throws Exception {
		if (claim.collectionId() == null) {
			log.info("Training run {} (series {}, attempt {}) on {}", claim.id(), claim.seriesId(), claim.attempts(),
					worker);
			double[] values = this.retry.call("read series", () -> this.series.points(claim.seriesId())).values();
			tracker.training(spec, values.length);
			return this.trainer.train(spec, claim.spec(), values, device, monitor(job, tracker));
		}
		log.info("Training run {} (collection {}, attempt {}) on {}", claim.id(), claim.collectionId(),
				claim.attempts(), worker);
		List<double[]> members = this.retry.call("read collection",
				() -> this.series.collectionValues(claim.collectionId()));
		if (members.isEmpty()) {
			throw new IllegalStateException("Collection " + claim.collectionId() + " has no members to train on");
		}
		GlobalTrainer.Options options = GlobalTrainer.Options.of(spec);
		int training = 0; // members long enough to draw training windows from
		for (double[] member : members) {
			training += (member.length >= options.minimumInput() + spec.horizon() + spec.validation()) ? 1 : 0;
		}
		// every epoch draws perMember windows of each: as many as a series of this length
		tracker.training(spec, training * options.perMember() + spec.window() + spec.horizon() - 1 + spec.validation());
		return this.trainer.trainCollection(spec, claim.spec(), members, device, monitor(job, tracker));
	}

	private JobEvent.Outcome finish(RunningJobs.Job job, TrainingOutcome outcome) {
		long id = job.runId;
		if (job.lost()) {
			log.warn("Run {} was taken from {} (missed heartbeats or deleted); dropping its result", id, job.worker);
			return JobEvent.Outcome.LOST;
		}
		if (job.shuttingDown()) {
			requeue(job);
			return JobEvent.Outcome.REQUEUED;
		}
		if (job.cancelled()) {
			this.retry.call("cancelled", () -> this.store.cancelled(id, job.worker));
			log.info("Run {} cancelled after {} epoch(s)", id, outcome.epochs());
			return JobEvent.Outcome.CANCELLED;
		}
		if (outcome.model() == null) {
			fail(id, job.worker, "No epoch finished");
			return JobEvent.Outcome.FAILED;
		}
		if (this.retry.call("succeed",
				() -> this.store.succeed(id, job.worker, outcome.metrics(), outcome.diagnosis(), outcome.model()))) {
			log.info("Run {} succeeded: valMae {} at epoch {} in {} s ({} KB model)", id,
					String.format("%.3f", outcome.metrics().valMae()), outcome.metrics().bestEpoch(),
					String.format("%.1f", outcome.metrics().trainSeconds()), outcome.model().length / 1024);
			return JobEvent.Outcome.SUCCEEDED;
		}
		return JobEvent.Outcome.LOST;
	}

	/**
	 * Whether the worker can train on after {@code failure} (see {@link WorkerHealth}).
	 */
	private void judge(Throwable failure) {
		if (failure instanceof ChildProcessTrainer.ChildProcessException child && child.launch()) {
			this.health.launchFailed(child.getMessage());
		}
		else if (TrainingChild.outOfMemory(failure) instanceof OutOfMemoryError && this.inProcess) {
			this.health.outOfMemoryInProcess();
		}
		else {
			this.health.trained();
		}
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
				heard(job, TrainingJob.this.retry.call("record epoch",
						() -> TrainingJob.this.store.recordEpoch(job.runId, job.worker, stats)));
			}

			@Override
			public void onNetwork(int done, int total) {
				heard(job, TrainingJob.this.retry.call("record networks",
						() -> TrainingJob.this.store.recordNetworks(job.runId, job.worker, done, total)));
			}

		};
	}

	/** Cancels or loses {@code job} as the answer to a record says. */
	private static void heard(RunningJobs.Job job, RunQueue.Heartbeat answer) {
		if (answer == RunQueue.Heartbeat.CANCEL_REQUESTED) {
			job.cancel();
		}
		else if (answer == RunQueue.Heartbeat.LOST) {
			job.lose();
		}
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
