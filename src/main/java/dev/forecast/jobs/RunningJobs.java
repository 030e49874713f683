package dev.forecast.jobs;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

import dev.forecast.training.RunCancelRequested;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The runs training in this process, with the flags that stop them within one batch. */
@Component
class RunningJobs {

	private final ConcurrentHashMap<Long, Job> jobs = new ConcurrentHashMap<>();

	/**
	 * One training in progress. Flags are set by other threads and read before every
	 * batch.
	 */
	static final class Job {

		final long runId;

		final String worker;

		private volatile boolean cancel;

		private volatile boolean lost;

		private volatile boolean shutdown;

		Job(long runId, String worker) {
			this.runId = runId;
			this.worker = worker;
		}

		void cancel() {
			this.cancel = true;
		}

		void lose() {
			this.lost = true;
		}

		void shutdown() {
			this.shutdown = true;
		}

		boolean cancelled() {
			return this.cancel;
		}

		boolean lost() {
			return this.lost;
		}

		boolean shuttingDown() {
			return this.shutdown;
		}

		boolean shouldStop() {
			return this.cancel || this.lost || this.shutdown;
		}

	}

	Job start(long runId, String worker) {
		Job job = new Job(runId, worker);
		this.jobs.put(runId, job);
		return job;
	}

	void finish(Job job) {
		this.jobs.remove(job.runId, job);
	}

	/**
	 * Stops a run training in this process within one batch (a no-op for a run trained
	 * elsewhere).
	 */
	@EventListener
	void cancel(RunCancelRequested request) {
		Job job = this.jobs.get(request.runId());
		if (job != null) {
			job.cancel();
		}
	}

	void shutdownAll() {
		this.jobs.values().forEach(Job::shutdown);
	}

	Collection<Job> all() {
		return this.jobs.values();
	}

}
