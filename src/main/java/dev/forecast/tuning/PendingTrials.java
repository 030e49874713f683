package dev.forecast.tuning;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.forecast.error.ApiException;
import dev.forecast.error.TooManyRequestsException;
import dev.forecast.training.Owner;
import dev.forecast.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the pending trials of searches larger than their owner's active-run quota as
 * earlier runs finish: every {@code forecast.tuning.pending-interval} it takes the oldest
 * pending trials and submits each as a run while its owner has a free one, within the
 * quota, in one transaction per trial that locks it (so instances never queue one twice).
 * A trial that can never be queued (its stored spec is refused now, say after the limits
 * changed) is {@code REJECTED} with the reason instead of holding up the trials behind
 * it.
 */
@Component
class PendingTrials implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PendingTrials.class);

	private static final int BATCH = 100;

	private final TuningStore store;

	private final TrainingService training;

	private final TransactionTemplate transactions;

	private final TuningProperties properties;

	private ScheduledExecutorService scheduler;

	PendingTrials(TuningStore store, TrainingService training, PlatformTransactionManager transactions,
			TuningProperties properties) {
		this.store = store;
		this.training = training;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Queues what pending trials the quotas allow now; how many. */
	int submit() {
		int count = 0;
		Set<String> full = new HashSet<>();
		for (TuningStore.Pending trial : this.store.pending(BATCH)) {
			if (full.contains(trial.owner())) {
				continue;
			}
			try {
				Outcome outcome = this.transactions.execute(status -> queue(trial));
				if (outcome == Outcome.QUEUED) {
					count++;
				}
				else if (outcome == Outcome.OWNER_FULL) {
					full.add(trial.owner());
				}
			}
			catch (TooManyRequestsException ex) {
				full.add(trial.owner());
			}
			catch (ApiException ex) { // the stored trial can never be queued: it
										// must not hold up the others
				log.warn("Rejecting pending trial {} of search {}: {}", trial.trial(), trial.tuning(), ex.getMessage());
				this.transactions.executeWithoutResult(
						status -> this.store.rejected(trial.tuning(), trial.trial(), ex.getMessage()));
			}
		}
		return count;
	}

	/** Queues one trial in the caller's transaction, if it is still pending. */
	private Outcome queue(TuningStore.Pending trial) {
		if (!this.store.lockPending(trial.tuning(), trial.trial())) {
			return Outcome.TAKEN; // queued or rejected meanwhile, or another instance has
									// it
		}
		Owner owner = new Owner(trial.owner());
		if (this.training.freeRuns(owner) <= 0) {
			return Outcome.OWNER_FULL;
		}
		long run = this.training.submit(TrialRequests.build(trial.series(), trial.base(), trial.params()), owner).id();
		this.store.submitted(trial.tuning(), trial.trial(), run);
		return Outcome.QUEUED;
	}

	private enum Outcome {

		QUEUED, OWNER_FULL, TAKEN

	}

	private void tick() {
		try {
			int queued = submit();
			if (queued > 0) {
				log.info("Queued {} pending trial(s)", queued);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Queuing pending trials failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "pending-trials");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.pendingInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
